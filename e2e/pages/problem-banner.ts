import type { Locator, Page } from '@playwright/test';

/** Page object for the banners above the workbench: an unreadable vault, unreadable workspace files. */
export class ProblemBanners {
  readonly vault: Locator;
  readonly vaultFiles: Locator;
  readonly workspace: Locator;

  constructor(readonly page: Page) {
    this.vault = page.getByTestId('vault-banner');
    this.vaultFiles = page.getByTestId('vault-files-banner');
    this.workspace = page.getByTestId('workspace-problems-banner');
  }

  async startNewVault(): Promise<void> {
    await this.vault.getByRole('button', { name: /Start a new vault/ }).click();
  }
}
