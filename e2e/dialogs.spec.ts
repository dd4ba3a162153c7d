import { test as base, expect } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLanternHost } from '../test-support/processes';
import { AuthPanel } from './pages/auth-panel';
import { LanternPage } from './pages/lantern-page';
import { WorkspaceSidebar } from './pages/workspace-sidebar';

const test = base.extend<{ lantern: LanternPage; httpbin: string }>({
  // eslint-disable-next-line no-empty-pattern
  httpbin: async ({}, use) => {
    const url = process.env.HTTPBIN_URL;
    if (!url) throw new Error('HTTPBIN_URL is not set: the global setup did not start httpbin.');
    await use(url);
  },
  // A host on a data folder of its own: the workspace this test opens would otherwise reopen in the
  // next test of the worker, which expects none.
  lantern: async ({ page }, use) => {
    const host = await startLanternHost(mkdtempSync(path.join(tmpdir(), 'lantern-e2e-dialogs-')));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    const lantern = new LanternPage(page);
    await lantern.open(host.launchUrl);
    await use(lantern);
    await page.goto('about:blank');
    await host.stop();
    expect(errors, 'console errors').toEqual([]);
  },
});

// The dialogs share one component (renderer/components/Modal.tsx): opened modally, closed by Esc or
// their Cancel/Close button, focus back where it was. Screenshots at 1400x900 show nothing clipped.
test.use({ viewport: { width: 1400, height: 900 } });

test('every dialog closes on Esc or its close button and gives focus back', async ({
  lantern,
  httpbin,
}, info) => {
  const page = lantern.page;
  const sidebar = new WorkspaceSidebar(page);
  const auth = new AuthPanel(page);
  const shot = (name: string) => page.screenshot({ path: info.outputPath(`${name}.png`) });
  await sidebar.createWorkspace('Dialogs');
  await auth.createBearerToken('Team token', 'team-secret-token-7d1e');

  await page.getByTestId('auth-type').selectOption('bearer');
  await page.getByTestId('auth-new-credential').click();
  await expect(auth.dialog).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'New credential: Bearer token' })).toBeVisible();
  await shot('credential');
  await page.keyboard.press('Escape');
  await expect(auth.dialog).toHaveCount(0);
  await expect(page.getByTestId('auth-new-credential')).toBeFocused();
  await page.getByTestId('auth-type').selectOption('none');

  await page.getByTestId('environment-manage').click();
  const environments = page.getByTestId('environment-editor');
  await expect(environments).toBeVisible();
  await shot('environments');
  await page.keyboard.press('Escape');
  await expect(environments).toHaveCount(0);
  await expect(page.getByTestId('environment-manage')).toBeFocused();

  await sidebar.newFolder('Echo');
  await (await sidebar.actions('Echo')).getByTestId('ws-folder-action-settings').click();
  const folder = page.getByTestId('folder-editor');
  await folder.getByTestId('folder-header-name-0').fill('X-Team');
  await folder.getByTestId('folder-header-value-0').fill('blue');
  await folder.getByTestId('folder-editor-save').click();
  await expect(folder).toHaveCount(0);
  await (await sidebar.actions('Echo')).getByTestId('ws-folder-action-new-folder').click();
  await sidebar.rename('New folder', 'Inner');
  await (await sidebar.actions('Inner')).getByTestId('ws-folder-action-settings').click();
  // What the folder above gives, as the main side computes it.
  await expect(folder.getByTestId('folder-inherited-headers')).toContainText('X-Teambluefrom Echo');
  await shot('folder-editor');
  await folder.getByTestId('folder-editor-cancel').click();
  await expect(folder).toHaveCount(0);

  await page.getByTestId('ws-import').click();
  const importDialog = page.getByTestId('import-dialog');
  await importDialog.getByTestId('import-text').fill(`curl '${httpbin}/post' --data-raw '{"a":1}'`);
  await importDialog.getByTestId('import-preview').click();
  await expect(importDialog.getByTestId('import-preview-panel')).toBeVisible();
  await shot('import');
  await importDialog.getByTestId('import-cancel').click();
  await expect(importDialog).toHaveCount(0);

  await lantern.request('GET', `${httpbin}/status/418`);
  await page.getByTestId('ws-export').click();
  const exportDialog = page.getByTestId('export-dialog');
  await expect(exportDialog.getByTestId('export-code')).toHaveValue(/curl/);
  await shot('export');
  await exportDialog.getByTestId('export-close').click();
  await expect(exportDialog).toHaveCount(0);

  await lantern.send();
  await page.getByTestId('findings-badge').click();
  await page.getByTestId('support-open').click();
  await expect(page.getByTestId('support-preview')).toHaveAttribute('data-format', 'markdown');
  await shot('support');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('support-dialog')).toHaveCount(0);
  await expect(page.getByTestId('support-open')).toBeFocused();
});
