import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the collection runner: opening it, its setup form, progress, results and report. */
export class RunnerPage {
  readonly view: Locator;
  readonly title: Locator;
  readonly order: Locator;
  readonly counts: Locator;
  readonly current: Locator;
  readonly wait: Locator;
  readonly outcome: Locator;
  readonly dataSummary: Locator;
  readonly error: Locator;
  readonly results: Locator;
  readonly statusBarLink: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('runner-view');
    this.title = page.getByTestId('runner-title');
    this.order = page.getByTestId('run-order');
    this.counts = page.getByTestId('run-counts');
    this.current = page.getByTestId('run-current');
    this.wait = page.getByTestId('run-wait');
    this.outcome = page.getByTestId('run-outcome');
    this.dataSummary = page.getByTestId('run-data-summary');
    this.error = page.getByTestId('runner-error');
    this.results = page.getByTestId('run-results');
    this.statusBarLink = page.getByTestId('runner-show');
  }

  /** "Run folder…" from the folder's ⋯ menu in the sidebar. */
  async openForFolder(folderName: string): Promise<void> {
    const tree = this.page.getByTestId('ws-tree');
    await tree.locator('.tree-line', { hasText: folderName }).first().locator('.tree-more').click();
    await tree.getByTestId('ws-folder-action-run').click();
    await expect(this.view).toBeVisible();
  }

  /** "Run…" in the workspace toolbar: every request of the workspace. */
  async openForWorkspace(): Promise<void> {
    await this.page.getByTestId('ws-run').click();
    await expect(this.view).toBeVisible();
  }

  /** The request names in the order they will run, ticked or not. */
  orderNames(): Promise<string[]> {
    return this.order.locator('.run-order-name').allTextContents();
  }

  async include(requestId: string, included: boolean): Promise<void> {
    await this.page.getByTestId(`run-include-${requestId}`).setChecked(included);
  }

  async move(requestId: string, direction: 'up' | 'down'): Promise<void> {
    await this.page.getByTestId(`run-${direction}-${requestId}`).click();
  }

  async chooseEnvironment(label: string): Promise<void> {
    await this.page.getByTestId('run-environment').selectOption({ label });
  }

  /** Picks a data file through the browser's file input, as a user would. */
  async useDataFile(name: string, text: string): Promise<void> {
    const mimeType = name.endsWith('.json') ? 'application/json' : 'text/csv';
    await this.page.getByTestId('run-data-file').setInputFiles({ name, mimeType, buffer: Buffer.from(text) });
    await expect(this.page.getByTestId('run-data-picked')).toContainText(name);
  }

  async setIterations(count: number): Promise<void> {
    await this.page.getByTestId('run-iterations').fill(String(count));
  }

  async setDelay(ms: number): Promise<void> {
    await this.page.getByTestId('run-delay').fill(String(ms));
  }

  async stopOnFirstFailure(): Promise<void> {
    await this.page.getByTestId('run-bail').check();
  }

  async start(): Promise<void> {
    await this.page.getByTestId('run-start').click();
  }

  async cancel(): Promise<void> {
    await this.page.getByTestId('run-cancel').click();
  }

  /** The table of one iteration (1-based). */
  iteration(iteration: number): Locator {
    return this.page.getByTestId(`run-iteration-${iteration}`);
  }

  iterationTables(): Locator {
    return this.results.locator('table.run-table');
  }

  /** A result row by iteration (1-based) and place in the order (0-based). */
  row(iteration: number, index: number): Locator {
    return this.page.getByTestId(`run-row-${iteration}-${index}`);
  }

  rowResult(iteration: number, index: number): Locator {
    return this.page.getByTestId(`run-row-result-${iteration}-${index}`);
  }

  rowStatus(iteration: number, index: number): Locator {
    return this.page.getByTestId(`run-row-status-${iteration}-${index}`);
  }

  rowAssertions(iteration: number, index: number): Locator {
    return this.page.getByTestId(`run-row-assertions-${iteration}-${index}`);
  }

  /** Opens a failing row's details: its failed assertions and captures. */
  async expand(iteration: number, index: number): Promise<Locator> {
    await this.page.getByTestId(`run-row-expand-${iteration}-${index}`).click();
    return this.page.getByTestId(`run-row-details-${iteration}-${index}`);
  }

  /** Opens the row's exchange from History in a request tab (the runner steps aside). */
  async openExchange(iteration: number, index: number): Promise<void> {
    await this.page.getByTestId(`run-row-open-${iteration}-${index}`).click();
    await expect(this.view).toBeHidden();
  }

  /** Saves the report; in browser mode it arrives as a download, whose text is returned. */
  async saveReport(format: 'junit' | 'json'): Promise<{ message: Locator; name: string; text: string }> {
    await this.page.getByTestId('run-report-format').selectOption(format);
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('run-report-save').click();
    const file = await download;
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return {
      message: this.page.getByTestId('run-report-message'),
      name: file.suggestedFilename(),
      text: Buffer.concat(chunks).toString('utf8'),
    };
  }

  async backToRequests(): Promise<void> {
    await this.page.getByTestId('runner-back').click();
    await expect(this.view).toBeHidden();
  }

  async showAgain(): Promise<void> {
    await this.statusBarLink.click();
    await expect(this.view).toBeVisible();
  }

  async close(): Promise<void> {
    await this.page.getByTestId('runner-close').click();
    await expect(this.view).toBeHidden();
  }
}
