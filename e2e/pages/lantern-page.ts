import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for Lantern's main screen: tests reach the UI only through here. */
export class LanternPage {
  readonly method: Locator;
  readonly url: Locator;
  readonly sendButton: Locator;
  readonly cancelButton: Locator;
  readonly sendError: Locator;
  readonly statusCode: Locator;
  readonly responseBody: Locator;
  readonly responseHeaders: Locator;

  constructor(readonly page: Page) {
    this.method = page.getByTestId('method-select');
    this.url = page.getByTestId('url-input');
    this.sendButton = page.getByTestId('send-button');
    this.cancelButton = page.getByTestId('cancel-button');
    this.sendError = page.getByTestId('send-error');
    this.statusCode = page.getByTestId('status-code');
    this.responseBody = page.getByTestId('response-body');
    this.responseHeaders = page.getByTestId('response-headers');
  }

  async open(launchUrl: string): Promise<void> {
    await this.page.goto(launchUrl);
    await expect(this.url).toBeVisible();
  }

  /** Opens a new blank request tab (the tabs of the last session come back at start). */
  async newTab(): Promise<void> {
    await this.page.getByTestId('request-tab-new').click();
  }

  async request(method: string, url: string): Promise<void> {
    await this.method.selectOption(method);
    await this.url.fill(url);
  }

  async setHeader(index: number, name: string, value: string): Promise<void> {
    await this.page.getByTestId('request-tab-headers').click();
    await this.page.getByTestId(`header-name-${index}`).fill(name);
    await this.page.getByTestId(`header-value-${index}`).fill(value);
  }

  async setJsonBody(text: string): Promise<void> {
    await this.page.getByTestId('request-tab-body').click();
    await this.page.getByTestId('body-mode').selectOption('json');
    await this.typeInEditor('body-editor', text);
  }

  /** Replaces a Monaco editor's content by typing, as a user would. */
  async typeInEditor(testId: string, text: string): Promise<void> {
    const editor = this.page.getByTestId(testId).locator('.monaco-editor');
    await editor.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }

  async send(): Promise<void> {
    await this.sendButton.click();
  }

  async showResponseHeaders(): Promise<void> {
    await this.page.getByTestId('response-tab-headers').click();
  }

  /** The text Monaco renders for the response body (its visible lines). */
  /**
   * The body as the viewer renders it. Monaco may paint a first line before its layout has
   * measured the pane, so the text is read until two reads 100 ms apart agree.
   */
  async responseText(): Promise<string> {
    const lines = this.responseBody.locator('.view-lines');
    await expect(lines).toBeVisible();
    let previous: string | undefined;
    await expect
      .poll(
        async () => {
          const now = await lines.innerText();
          const settled = now === previous && now.trim() !== '';
          previous = now;
          return settled;
        },
        { intervals: [100] },
      )
      .toBe(true);
    return (previous ?? '').replace(/\u00a0/g, ' ');
  }
}
