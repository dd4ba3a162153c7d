import { expect, type Locator, type Page } from '@playwright/test';

type Box = { x: number; y: number; width: number; height: number };

/** Page object for the window's panes, the theme and layout switches, and quick open. */
export class WorkbenchPage {
  readonly sidebar: Locator;
  readonly sidebarPanel: Locator;
  readonly sidebarSeparator: Locator;
  readonly sidebarToggle: Locator;
  readonly requestPanel: Locator;
  readonly responsePanel: Locator;
  readonly requestResponseSeparator: Locator;
  readonly themeSelect: Locator;
  readonly splitSelect: Locator;
  readonly quickOpen: Locator;
  readonly quickOpenButton: Locator;
  readonly quickOpenInput: Locator;
  readonly quickOpenItems: Locator;
  readonly graphqlSeparator: Locator;
  readonly graphqlQueryPanel: Locator;

  constructor(readonly page: Page) {
    this.sidebar = page.getByTestId('sidebar');
    this.sidebarPanel = page.getByTestId('pane-sidebar');
    this.sidebarSeparator = page.getByTestId('sidebar-separator');
    this.sidebarToggle = page.getByTestId('sidebar-toggle');
    this.requestPanel = page.getByTestId('pane-request');
    this.responsePanel = page.getByTestId('pane-response');
    this.requestResponseSeparator = page.getByTestId('request-response-separator');
    this.themeSelect = page.getByTestId('theme-select');
    this.splitSelect = page.getByTestId('split-select');
    this.quickOpen = page.getByTestId('quick-open');
    this.quickOpenButton = page.getByTestId('quick-open-button');
    this.quickOpenInput = page.getByTestId('quick-open-input');
    this.quickOpenItems = page.getByTestId('quick-open-item');
    this.graphqlSeparator = page.getByTestId('graphql-split-separator');
    this.graphqlQueryPanel = page.getByTestId('pane-query');
  }

  async box(locator: Locator): Promise<Box> {
    const box = await locator.boundingBox();
    if (!box) throw new Error('The element is not laid out (hidden or detached).');
    return box;
  }

  async width(locator: Locator): Promise<number> {
    return (await this.box(locator)).width;
  }

  async height(locator: Locator): Promise<number> {
    return (await this.box(locator)).height;
  }

  /**
   * Runs an action that changes a preference and waits until the main side has written it (saves
   * are debounced): a reload right after would otherwise race the write.
   */
  async savingPreferences(action: () => Promise<void>): Promise<void> {
    const saved = this.page.waitForResponse((response) =>
      response.url().includes('/api/call/savePreferences'),
    );
    await action();
    expect((await saved).ok()).toBe(true);
  }

  /** Drags a separator by (dx, dy) pixels with the mouse, in small steps as a hand does. */
  async drag(separator: Locator, dx: number, dy: number): Promise<void> {
    const { x, y, width, height } = await this.box(separator);
    const startX = x + width / 2;
    const startY = y + height / 2;
    await this.page.mouse.move(startX, startY);
    await this.page.mouse.down();
    await this.page.mouse.move(startX + dx, startY + dy, { steps: 8 });
    await this.page.mouse.up();
  }

  /** Focuses a separator and presses a key on it, as a keyboard user resizes. */
  async pressOn(separator: Locator, key: string, times = 1): Promise<void> {
    await separator.focus();
    for (let i = 0; i < times; i++) await this.page.keyboard.press(key);
  }

  async toggleSidebarByShortcut(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+B');
  }

  async openQuickOpen(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+P');
    await expect(this.quickOpen).toBeVisible();
    await expect(this.quickOpenInput).toBeFocused();
  }

  /** Types into quick open and picks the first entry with Enter. */
  async quickOpenChoose(query: string, expectedFirst: string | RegExp): Promise<void> {
    await this.quickOpenInput.fill(query);
    await expect(this.quickOpenItems.first()).toContainText(expectedFirst);
    await this.page.keyboard.press('Enter');
    await expect(this.quickOpen).toBeHidden();
  }

  async setTheme(choice: 'system' | 'light' | 'dark'): Promise<void> {
    await this.themeSelect.selectOption(choice);
  }

  async setSplit(choice: 'auto' | 'horizontal' | 'vertical'): Promise<void> {
    await this.splitSelect.selectOption(choice);
  }

  async bodyBackground(): Promise<string> {
    return this.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  }

  /** Monaco's theme class on its editors: "vs" (light) or "vs-dark". */
  async monacoTheme(): Promise<string> {
    const classes = (await this.page.locator('.monaco-editor').first().getAttribute('class')) ?? '';
    return classes.split(/\s+/).includes('vs-dark')
      ? 'vs-dark'
      : classes.split(/\s+/).includes('vs')
        ? 'vs'
        : '';
  }

  /** How far the page is wider than the window (0: no horizontal scrollbar). */
  async horizontalOverflow(): Promise<number> {
    return this.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
  }
}
