import type { Locator, Page } from '@playwright/test';

/** The request's Tests tab (test rows and captures) and the response's Tests part. */
export class TestsTab {
  readonly results: Locator;

  constructor(private readonly page: Page) {
    this.results = page.getByTestId('test-results');
  }

  /** A folder's editor, opened from its ⋯ menu: its Tests section adds rows the same way. */
  async openFolderEditor(actions: Locator): Promise<Locator> {
    await actions.getByTestId('ws-folder-action-settings').click();
    return this.page.getByTestId('folder-editor');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('request-tab-tests').click();
  }

  /** Adds a test row: target, JSONPath or header name (when the target takes one), operator, expected. */
  async addTest(row: { target: string; path?: string; op: string; expected?: string }): Promise<void> {
    const index = await this.page.locator('[data-testid^="test-row-"]').count();
    await this.page.getByTestId('test-add').click();
    await this.page.getByTestId(`test-target-${index}`).selectOption(row.target);
    if (row.path !== undefined) await this.page.getByTestId(`test-path-${index}`).fill(row.path);
    await this.page.getByTestId(`test-op-${index}`).selectOption(row.op);
    if (row.expected !== undefined) await this.page.getByTestId(`test-expected-${index}`).fill(row.expected);
  }

  /** The response's Tests part, opened. */
  async showResults(): Promise<void> {
    await this.page.getByTestId('response-tab-tests').click();
  }

  responseTabLabel(): Locator {
    return this.page.getByTestId('response-tab-tests');
  }

  result(index: number): Locator {
    return this.page.getByTestId(`test-result-${index}`);
  }

  expected(index: number): Locator {
    return this.page.getByTestId(`test-result-expected-${index}`);
  }

  actual(index: number): Locator {
    return this.page.getByTestId(`test-result-actual-${index}`);
  }
}
