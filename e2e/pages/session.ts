import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Page object for what a restored session shows: the tabs, and the notes about what was not kept. */
export class SessionView {
  readonly removedSecrets: Locator;
  readonly notSentSinceRestart: Locator;
  readonly problem: Locator;

  constructor(
    readonly page: Page,
    readonly dataDir: string,
  ) {
    this.removedSecrets = page.getByTestId('removed-secrets');
    this.notSentSinceRestart = page.getByTestId('not-sent-since-restart');
    this.problem = page.getByTestId('session-problem');
  }

  /** The session file on disk, as the main side wrote it ('' before the first save). */
  fileText(): string {
    try {
      return readFileSync(path.join(this.dataDir, 'session.json'), 'utf8');
    } catch {
      return '';
    }
  }

  /** Waits until the session file on disk holds `text` (saves are debounced). */
  async savedWith(text: string): Promise<string> {
    await expect.poll(() => this.fileText()).toContain(text);
    return this.fileText();
  }

  tab(index: number): Locator {
    return this.page.getByTestId(`request-tab-${index}`);
  }

  /** The open tabs' titles, in order. */
  async tabTitles(): Promise<string[]> {
    return this.page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab').allInnerTexts();
  }

  responsePart(part: string): Locator {
    return this.page.getByTestId(`response-tab-${part}`);
  }

  headerValue(index: number): Locator {
    return this.page.getByTestId(`header-value-${index}`);
  }

  async showHeaders(): Promise<void> {
    await this.page.getByTestId('request-tab-headers').click();
  }
}
