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

  /** How many row elements are in the DOM (a virtualised view keeps this small). */
  async drawnRows(): Promise<number> {
    await expect(this.rows.first()).toBeVisible();
    return this.rows.count();
  }
}
