import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chooseProtector } from '../electron/services/vault/choose-protector';
import { Vault } from '../electron/services/vault/vault';
import { test, expect } from './fixtures';
import { EnvironmentsPanel } from './pages/environments';
import { LanternPage } from './pages/lantern-page';
import { WorkspaceSidebar } from './pages/workspace-sidebar';
import { startLanternHost } from '../test-support/processes';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * A unique secret goes in through the UI; after requests, history and a settings save, it
 * must appear in no file Lantern wrote, no payload sent to the renderer, and not in the DOM
 * (the vault holds it encrypted).
 */
test('a canary secret never leaves the main side in the clear', async ({ lantern, httpbin, host }) => {
  const tokenCanary = `canary-token-${randomBytes(12).toString('hex')}`;
  const variableCanary = `canary-var-${randomBytes(12).toString('hex')}`;
  const payloads: string[] = [];
  lantern.page.on('response', async (response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/api/call/')) return;
    payloads.push(`${url.pathname} ${await response.text().catch(() => '')}`);
  });
  const page = lantern.page;

  // A bearer credential whose token is the canary.
  await lantern.request('GET', `${httpbin}/anything/canary?k={{api_key}}`);
  await page.getByTestId('request-tab-auth').click();
  await page.getByTestId('auth-type').selectOption('bearer');
  if (!(await page.getByTestId('credential-dialog').isVisible()))
    await page.getByTestId('auth-new-credential').click();
  await page.getByTestId('credential-label').fill('Canary token');
  await page.getByTestId('credential-secret').fill(tokenCanary);
  await page.getByTestId('credential-save').click();
  await expect(page.getByTestId('credential-dialog')).toBeHidden();

  // A secret environment variable (a settings save), used in the query string and a header.
  const environments = new EnvironmentsPanel(page);
  await page.getByTestId('environment-manage').click();
  await page.getByTestId('environment-new').click();
  await page.getByTestId('environment-name').fill('Canary env');
  await page.getByTestId('variable-name-0').fill('api_key');
  await page.getByTestId('variable-value-0').fill(variableCanary);
  await page.getByLabel('Variable 1 is secret').check();
  await page.getByTestId('environment-save').click();
  await expect(page.getByTestId('environment-saved')).toBeVisible();
  await environments.editor.getByRole('button', { name: 'Close' }).click();
  await environments.choose('Canary env');
  await lantern.setHeader(0, 'X-Api-Key', '{{api_key}}');

  // httpbin echoes everything back: the Authorization header, the query and the header.
  await lantern.send();
  await expect(lantern.statusCode).toHaveText('200 OK');
  await page.getByTestId('response-tab-timeline').click();
  await expect(page.getByTestId('timeline-request')).toContainText('Authorization: Bearer ••••');
  // Reopen the history entry too: its payload must be as clean.
  await page.getByTestId('history-item-0').click();
  await expect(lantern.statusCode).toHaveText('200 OK');
  await page.getByTestId('request-tab-auth').click();
  await expect(page.getByTestId('auth-secret-value')).toHaveText(/^••••/);

  const dom = await page.content();
  for (const canary of [tokenCanary, variableCanary]) {
    expect(dom, 'the DOM').not.toContain(canary);
    const leaking = payloads.filter((p) => p.includes(canary)).map((p) => p.split(' ')[0]);
    expect(leaking, 'payloads sent to the renderer').toEqual([]);
    const files = filesUnder(host.dataDir).filter((file) => readFileSync(file).includes(canary));
    expect(files, 'files Lantern wrote').toEqual([]);
  }
  expect(payloads.length).toBeGreaterThan(5);
  expect(filesUnder(host.dataDir).some((file) => file.endsWith('vault.json'))).toBe(true);
});

/** Opens the vault as Lantern would (same protection, same key) and finds where a value is kept. */
async function vaultIdsHolding(dataDir: string, value: string): Promise<string[]> {
  const { protector } = await chooseProtector({ dir: dataDir });
  const vault = await Vault.open({ dir: dataDir, protector });
  return vault.ids().filter((id) => vault.get(id) === value);
}

test('secret environment and folder variables are kept only encrypted in the vault, and still resolve after a restart', async ({
  page,
  httpbin,
}, info) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lantern-e2e-canary-restart-'));
  const canary = `canary-env-${randomBytes(12).toString('hex')}`;
  const folderCanary = `canary-folder-${randomBytes(12).toString('hex')}`;
  let host = await startLanternHost(dataDir);
  try {
    const lantern = new LanternPage(page);
    await lantern.open(host.launchUrl);
    const environments = new EnvironmentsPanel(page);
    await environments.create('Vault env', { api_key: { secret: canary }, base: httpbin });
    await environments.choose('Vault env');
    await lantern.request('GET', '{{base}}/anything/vault?k={{api_key}}');
    await lantern.send();
    await expect(lantern.statusCode).toHaveText('200 OK');

    // A secret folder variable in a workspace, used by a saved request in that folder.
    const sidebar = new WorkspaceSidebar(page);
    await sidebar.createWorkspace('Vault workspace');
    await sidebar.newFolder('Admin');
    await (await sidebar.actions('Admin')).getByTestId('ws-folder-action-settings').click();
    const folderEditor = page.getByTestId('folder-editor');
    await folderEditor.getByTestId('variable-name-0').fill('folder_key');
    await folderEditor.getByTestId('variable-value-0').fill(folderCanary);
    await folderEditor.getByLabel('Variable 1 is secret').check();
    await folderEditor.getByTestId('folder-editor-save').click();
    await expect(folderEditor).toHaveCount(0);
    await sidebar.newRequestIn('Admin', 'Folder secret');
    await lantern.request('GET', '{{base}}/anything/folder?f={{folder_key}}');
    await sidebar.save();
    await lantern.send();
    await expect(lantern.statusCode).toHaveText('200 OK');
    await expect(page.getByTestId('response-body')).toContainText(`••••${folderCanary.slice(-4)}`);

    await host.stop();
    host = await startLanternHost(dataDir);
    await lantern.open(host.launchUrl);
    await environments.choose('Vault env');
    // The saved request's tab is restored and active: the next request goes in a tab of its own.
    await lantern.newTab();
    await lantern.request('GET', '{{base}}/anything/restarted?k={{api_key}}');
    await lantern.send();
    // Resolved from the vault: a missing value would block the send with a message instead.
    await expect(lantern.statusCode).toHaveText('200 OK');
    await expect(page.getByTestId('response-body')).toContainText(`••••${canary.slice(-4)}`);
    await sidebar.open('Folder secret');
    // The folder defines it, even though the renderer never has its value.
    await expect(page.getByTestId('url-undefined-variables')).toHaveCount(0);
    await lantern.send();
    await expect(lantern.statusCode).toHaveText('200 OK');
    await expect(page.getByTestId('response-body')).toContainText(`••••${folderCanary.slice(-4)}`);
    await (await sidebar.actions('Admin')).getByTestId('ws-folder-action-settings').click();
    await expect(folderEditor.getByTestId('variable-value-0')).toHaveValue(`••••${folderCanary.slice(-4)}`);
    await page.screenshot({ path: info.outputPath('folder-after-restart.png') });
    await folderEditor.getByTestId('folder-editor-cancel').click();

    await environments.edit('Vault env');
    await expect(page.getByTestId('variable-value-0')).toHaveValue(`••••${canary.slice(-4)}`);
    await expect(page.getByTestId('environment-problem')).toHaveCount(0);
    await page.screenshot({ path: info.outputPath('environment-after-restart.png') });
    await environments.closeEditor();

    for (const secret of [canary, folderCanary]) {
      expect(await page.content(), 'the DOM').not.toContain(secret);
      const files = filesUnder(dataDir).filter((file) => readFileSync(file).includes(secret));
      expect(files, 'files Lantern wrote (app data and the workspace)').toEqual([]);
    }
    expect(await vaultIdsHolding(dataDir, canary), 'where the vault keeps it').toEqual([
      expect.stringMatching(/^env:[0-9a-f-]+:api_key$/),
    ]);
    expect(await vaultIdsHolding(dataDir, folderCanary)).toEqual([
      expect.stringMatching(/^ws-folder:[^:]+:[^:]+:folder_key$/),
    ]);
  } finally {
    await host.stop();
  }
});
