import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the viewer of large (stored) response bodies. */
export class LargeBodyPanel {
  readonly root: Locator;
  /** The scroll container of the virtualised rows. */
  readonly scroller: Locator;
  readonly rows: Locator;
  readonly search: Locator;
  readonly searchCount: Locator;
  readonly size: Locator;
  readonly note: Locator;
  readonly raw: Locator;
  readonly pretty: Locator;
  readonly currentMatch: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('large-body');
    this.scroller = page.getByTestId('large-body-rows');
    this.rows = page.getByTestId('large-body-row');
    this.search = page.getByTestId('body-search');
    this.searchCount = page.getByTestId('body-search-count');
    this.size = page.getByTestId('large-body-size');
    this.note = page.getByTestId('large-body-note');
    this.raw = page.getByTestId('body-view-raw');
    this.pretty = page.getByTestId('body-view-pretty');
    this.currentMatch = this.scroller.locator('.large-body-match.current');
  }

  /** The row drawn for display row `index` (0-based), once it is in view. */
  row(index: number): Locator {
    return this.scroller.locator(`[data-row="${index}"]`);
  }

  /** Scrolls to the end with the keyboard, as a user would. */
  async scrollToEnd(): Promise<void> {
    await this.scroller.focus();
    await this.page.keyboard.press('End');
  }

  async find(text: string): Promise<void> {
    await this.search.fill(text);
    await this.search.press('Enter');
  }

  /** The drawn row holding the current search match. */
  currentMatchRow(): Locator {
    return this.rows.filter({ has: this.page.locator('.large-body-match.current') });
  }

  /**
   * How far the rows reach past the pane, in px: the scroller's content width beyond its own,
   * and the widest row text's right edge beyond the scroller's (0 or less when they fit).
   */
  async overflow(): Promise<{ scroll: number; text: number }> {
    return this.scroller.evaluate((element) => {
      const right = element.getBoundingClientRect().right;
      let text = -Infinity;
      for (const span of element.querySelectorAll('.large-body-text')) {
        const range = document.createRange();
        range.selectNodeContents(span);
        text = Math.max(text, range.getBoundingClientRect().right - right);
      }
      return { scroll: element.scrollWidth - element.clientWidth, text };
    });
  }

  /** Height of the scroll content: it follows the row count. */
  async contentHeight(): Promise<number> {
    return this.scroller.evaluate((element) => element.scrollHeight);
  }

  /** How many row elements are in the DOM (a virtualised view keeps this small). */
  async drawnRows(): Promise<number> {
    await expect(this.rows.first()).toBeVisible();
    return this.rows.count();
  }
}
