import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the sidebar's sample-API offer and request list. */
export class SamplePanel {
  readonly offer: Locator;
  readonly startButton: Locator;
  readonly tree: Locator;
  readonly environment: Locator;

  constructor(readonly page: Page) {
    this.offer = page.getByTestId('sample-offer');
    this.startButton = page.getByTestId('start-sample');
    this.tree = page.getByTestId('sample-tree');
    this.environment = page.getByTestId('active-environment');
  }

  async start(): Promise<void> {
    await this.startButton.click();
    await expect(this.tree).toBeVisible();
  }

  async open(requestId: string): Promise<void> {
    await this.page.getByTestId(`sample-request-${requestId}`).click();
  }
}
