import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { AuthPanel } from './auth-panel';
import { GraphqlPanel } from './graphql-panel';
import type { LanternPage } from './lantern-page';
import { SamplePanel } from './sample-panel';
import { WorkspaceSidebar } from './workspace-sidebar';

export const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 1400, height: 900 },
  { width: 1920, height: 1080 },
] as const;
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Every viewport in both themes, or only those named in SCREENSHOT_LOOKS (e.g. `1024x768-dark`) while iterating. */
export function looks(): { theme: Theme; viewport: { width: number; height: number } }[] {
  const wanted = process.env.SCREENSHOT_LOOKS?.split(',').map((look) => look.trim());
  return THEMES.flatMap((theme) => VIEWPORTS.map((viewport) => ({ theme, viewport }))).filter(
    ({ theme, viewport }) => !wanted || wanted.includes(`${viewport.width}x${viewport.height}-${theme}`),
  );
}

/**
 * Page object that brings Lantern to each of its main screens, for the screenshot and accessibility
 * specs: a response with rate-limit headers, findings, a redirect chain, a failed send, the GraphQL
 * editor with its schema and docs, and every dialog.
 */
export class Screens {
  readonly sample: SamplePanel;
  readonly graphql: GraphqlPanel;
  readonly sidebar: WorkspaceSidebar;
  readonly auth: AuthPanel;
  readonly page: Page;

  constructor(readonly lantern: LanternPage) {
    this.page = lantern.page;
    this.sample = new SamplePanel(this.page);
    this.graphql = new GraphqlPanel(this.page);
    this.sidebar = new WorkspaceSidebar(this.page);
    this.auth = new AuthPanel(this.page);
  }

  async setLook(theme: Theme, viewport: { width: number; height: number }): Promise<void> {
    await this.page.emulateMedia({ colorScheme: theme });
    await this.page.setViewportSize(viewport);
    // Two frames: Monaco lays itself out on the resize, then paints.
    await this.page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
  }

  /** One PNG per viewport and theme, `<name>-<width>x<height>-<theme>.png` in the test's output folder. */
  async capture(info: TestInfo, name: string, still?: Locator): Promise<void> {
    // Resizing the window (across the stacked layout's threshold too) never closes a dialog.
    const dialogs = await this.page.locator('dialog[open]').count();
    for (const { theme, viewport } of looks()) {
      await this.setLook(theme, viewport);
      await expect(this.page.locator('dialog[open]'), `${name} at ${viewport.width} px`).toHaveCount(dialogs);
      // …nor resets what the screen shows (the editor's tab, an open panel).
      if (still) await expect(still, `${name} at ${viewport.width} px`).toBeVisible();
      await this.page.screenshot({
        path: info.outputPath(`${name}-${viewport.width}x${viewport.height}-${theme}.png`),
      });
    }
  }

  /** The sample API, started from the sidebar, and its iHASCO request sent (rate-limit headers). */
  async rateLimitedResponse(): Promise<void> {
    await this.sample.start();
    await this.sample.open('ihasco-users');
    await this.lantern.send();
    await expect(this.lantern.statusCode).toHaveText('200 OK');
  }

  async responsePart(part: 'body' | 'headers' | 'timeline' | 'diagnostics' | 'cookies'): Promise<void> {
    await this.page.getByTestId(`response-tab-${part}`).click();
  }

  /** A new tab sending `method url`, waiting for its status. */
  async sendNew(method: string, url: string, status?: string): Promise<void> {
    await this.page.getByTestId('new-request').click();
    await this.lantern.request(method, url);
    await this.lantern.send();
    if (status) await expect(this.lantern.statusCode).toHaveText(status);
  }

  async failedSend(url: string): Promise<void> {
    await this.page.getByTestId('new-request').click();
    await this.lantern.request('GET', url);
    await this.lantern.send();
    await expect(this.lantern.sendError).toBeVisible();
  }

  async showHistory(): Promise<void> {
    await this.page.getByTestId('history-panel').scrollIntoViewIfNeeded();
  }

  /** The sample's Totara users request in the GraphQL editor, its schema fetched, the docs open on `search`. */
  async graphqlDocs(search: string): Promise<void> {
    await this.sample.open('totara-users');
    await this.graphql.useGraphqlBody();
    await this.graphql.fetchSchema();
    await expect(this.graphql.schemaStatus).toContainText(/Schema: \d+ types, fetched/);
    await this.graphql.openDocs();
    await this.graphql.searchDocs(search);
  }

  async openCredentialDialog(kind: 'bearer' | 'oauth2' | 'browserSession'): Promise<void> {
    await this.page.getByTestId('request-tab-auth').click();
    await this.page.getByTestId('auth-type').selectOption(kind);
    if (!(await this.auth.dialog.isVisible())) await this.page.getByTestId('auth-new-credential').click();
    await expect(this.auth.dialog).toBeVisible();
  }

  async openEnvironmentEditor(): Promise<void> {
    await this.page.getByTestId('environment-manage').click();
    await expect(this.page.getByTestId('environment-editor')).toBeVisible();
  }

  async openFolderEditor(folder: string): Promise<void> {
    await (await this.sidebar.actions(folder)).getByTestId('ws-folder-action-settings').click();
    await expect(this.page.getByTestId('folder-editor')).toBeVisible();
  }

  async openImport(curl: string): Promise<void> {
    await this.page.getByTestId('ws-import').click();
    const dialog = this.page.getByTestId('import-dialog');
    await dialog.getByTestId('import-text').fill(curl);
    await dialog.getByTestId('import-preview').click();
    await expect(dialog.getByTestId('import-preview-panel')).toBeVisible();
  }

  async openExport(): Promise<void> {
    await this.page.getByTestId('ws-export').click();
    await expect(this.page.getByTestId('export-dialog').getByTestId('export-code')).toHaveValue(/curl/);
  }

  async openSupportBundle(): Promise<void> {
    await this.page.getByTestId('findings-badge').click();
    await this.page.getByTestId('support-open').click();
    await expect(this.page.getByTestId('support-preview')).toHaveAttribute('data-format', 'markdown');
  }

  /** Esc closes every dialog (renderer/components/Modal.tsx). */
  async closeDialog(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.page.locator('dialog[open]')).toHaveCount(0);
  }
}
