import { expect, type Locator, type Page } from '@playwright/test';

export interface OAuthClient {
  label: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
}

/** Page object for the Auth tab, the credential dialog and the Tokens tab. */
export class AuthPanel {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('credential-dialog');
  }

  async registerOAuthClient(client: OAuthClient): Promise<void> {
    await this.page.getByTestId('request-tab-auth').click();
    await this.page.getByTestId('auth-type').selectOption('oauth2');
    // The dialog opens by itself when no OAuth client exists yet; otherwise ask for a new one.
    if (!(await this.dialog.isVisible())) await this.page.getByTestId('auth-new-credential').click();
    await expect(this.dialog).toBeVisible();
    await this.page.getByTestId('credential-label').fill(client.label);
    await this.page.getByTestId('credential-tokenUrl').fill(client.tokenUrl);
    await this.page.getByTestId('credential-clientId').fill(client.clientId);
    await this.page.getByTestId('credential-secret').fill(client.clientSecret);
    await this.page.getByTestId('credential-save').click();
    await expect(this.dialog).toBeHidden();
    // Wait for the new credential itself to be chosen, not just any credential of the kind.
    await expect(this.page.getByTestId('auth-credential').locator('option:checked')).toHaveText(client.label);
  }

  /** Creates a bearer-token credential from the active tab's Auth tab, then leaves that tab with no auth. */
  async createBearerToken(label: string, token: string): Promise<void> {
    await this.typeBearerToken(label, token);
    await this.saveCredential(label);
    await this.page.getByTestId('auth-type').selectOption('none');
  }

  /** Opens a new bearer-token credential and types its name and token (a value or a `{{variable}}`), unsaved. */
  async typeBearerToken(label: string, token: string): Promise<void> {
    await this.page.getByTestId('request-tab-auth').click();
    await this.page.getByTestId('auth-type').selectOption('bearer');
    if (!(await this.dialog.isVisible())) await this.page.getByTestId('auth-new-credential').click();
    await expect(this.dialog).toBeVisible();
    await this.page.getByTestId('credential-label').fill(label);
    await this.page.getByTestId('credential-secret').fill(token);
  }

  /** Saves the open credential dialog and waits for the credential to be chosen. */
  async saveCredential(label: string): Promise<void> {
    await this.page.getByTestId('credential-save').click();
    await expect(this.dialog).toBeHidden();
    await expect(this.page.getByTestId('auth-credential').locator('option:checked')).toHaveText(label);
  }

  /**
   * Creates a "Session from a browser" credential by pasting a Copy as cURL command, and returns
   * the notes the dialog shows after saving (cookies kept, a missing sesskey…).
   */
  async pasteBrowserSession(
    label: string,
    curl: string,
    hooks: { filled?: () => Promise<unknown>; saved?: () => Promise<unknown> } = {},
  ): Promise<string[]> {
    await this.page.getByTestId('request-tab-auth').click();
    await this.page.getByTestId('auth-type').selectOption('browserSession');
    if (!(await this.dialog.isVisible())) await this.page.getByTestId('auth-new-credential').click();
    await expect(this.dialog).toBeVisible();
    await this.page.getByTestId('credential-label').fill(label);
    await this.page.getByTestId('credential-curl').fill(curl);
    await hooks.filled?.();
    await this.page.getByTestId('credential-save').click();
    const notes = this.page.getByTestId('browser-session-notes');
    await expect(notes).toBeVisible();
    const lines = await notes.locator('li').allTextContents();
    await hooks.saved?.();
    await this.page.getByTestId('credential-save').click();
    await expect(this.dialog).toBeHidden();
    await expect(this.page.getByTestId('auth-credential').locator('option:checked')).toHaveText(label);
    return lines;
  }

  async openTokens(): Promise<void> {
    await this.page.getByTestId('response-tab-tokens').click();
    await expect(this.page.getByTestId('tokens-panel')).toBeVisible();
  }

  token(index: number) {
    return {
      state: this.page.getByTestId(`token-${index}-state`),
      countdown: this.page.getByTestId(`token-${index}-countdown`),
      value: this.page.getByTestId(`token-${index}-value`),
      reveal: this.page.getByTestId(`token-${index}-reveal`),
    };
  }
}
