import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the findings badge, the rate-limit gauge, the Diagnostics tab and "Copy for support". */
export class Troubleshooting {
  readonly badge: Locator;
  readonly gauge: Locator;
  readonly remaining: Locator;
  readonly retryCountdown: Locator;
  readonly sendWhenAllowed: Locator;
  readonly retryScheduled: Locator;
  readonly panel: Locator;
  readonly failureFindings: Locator;
  readonly supportDialog: Locator;
  readonly supportPreview: Locator;

  constructor(readonly page: Page) {
    this.badge = page.getByTestId('findings-badge');
    this.gauge = page.getByTestId('rate-limit-gauge');
    this.remaining = page.getByTestId('rate-limit-remaining');
    this.retryCountdown = page.getByTestId('rate-limit-retry-countdown');
    this.sendWhenAllowed = page.getByTestId('rate-limit-send-when-allowed');
    this.retryScheduled = page.getByTestId('rate-limit-retry-scheduled');
    this.panel = page.getByTestId('diagnostics-panel');
    this.failureFindings = page.getByTestId('failure-findings');
    this.supportDialog = page.getByTestId('support-dialog');
    this.supportPreview = page.getByTestId('support-preview');
  }

  /** Registers a static bearer token through the Auth tab's credential dialog. */
  async registerBearer(label: string, token: string): Promise<void> {
    await this.page.getByTestId('request-tab-auth').click();
    await this.page.getByTestId('auth-type').selectOption('bearer');
    const dialog = this.page.getByTestId('credential-dialog');
    if (!(await dialog.isVisible())) await this.page.getByTestId('auth-new-credential').click();
    await expect(dialog).toBeVisible();
    await this.page.getByTestId('credential-label').fill(label);
    await this.page.getByTestId('credential-secret').fill(token);
    await this.page.getByTestId('credential-save').click();
    await expect(dialog).toBeHidden();
    // Another bearer credential may already exist (and be picked first): wait until this one is chosen.
    await expect(this.page.getByTestId('auth-credential').locator('option:checked')).toHaveText(label);
  }

  /** Opens the Diagnostics tab the way a user would: through the findings badge. */
  async openDiagnostics(): Promise<void> {
    await this.badge.click();
    await expect(this.panel).toBeVisible();
  }

  finding(id: string): Locator {
    return this.page.getByTestId(`finding-${id}`);
  }

  async openSupportBundle(format: 'markdown' | 'har' = 'markdown'): Promise<string> {
    if (!(await this.supportDialog.isVisible())) await this.page.getByTestId('support-open').click();
    await expect(this.supportDialog).toBeVisible();
    await this.page.getByTestId(`support-format-${format}`).check();
    await expect(this.supportPreview).toHaveAttribute('data-format', format);
    return (await this.supportPreview.textContent()) ?? '';
  }

  async closeSupportBundle(): Promise<void> {
    await this.page.getByTestId('support-close').click();
    await expect(this.supportDialog).toBeHidden();
  }
}
