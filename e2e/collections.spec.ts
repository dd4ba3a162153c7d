import { test as base, expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AuthPanel } from './pages/auth-panel';
import { LanternPage } from './pages/lantern-page';
import { WorkspaceSidebar } from './pages/workspace-sidebar';
import { httpbinUrl, withOwnHost } from './own-host';

interface Fixtures {
  /** A browser-mode Lantern of this test's own, on its own data folder, that can be restarted. */
  app: {
    lantern: LanternPage;
    sidebar: WorkspaceSidebar;
    dataDir: string;
    /** Stops the host process and starts a new one on the same data folder, then reloads the page. */
    restart: () => Promise<void>;
  };
  httpbin: string;
}

const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  httpbin: async ({}, use) => use(httpbinUrl()),
  app: ({ page }, use) =>
    withOwnHost(page, 'collections', ({ lantern, dataDir, restart }) =>
      use({ lantern, sidebar: new WorkspaceSidebar(page), dataDir, restart }),
    ),
});

test('a folder and a request created in a workspace are still there after a restart', async ({
  app,
  httpbin,
}, info) => {
  const { lantern, sidebar } = app;
  await sidebar.createWorkspace('Team API');
  await sidebar.newFolder('Users');
  await sidebar.newRequestIn('Users', 'List users');
  await lantern.request('GET', `${httpbin}/get?page=2`);
  await sidebar.save();
  await expect(lantern.page.locator('.request-tab.active .unsaved-dot')).toHaveCount(0);
  await lantern.page.screenshot({ path: info.outputPath('workspace-tree.png') });

  await app.restart();
  await expect(sidebar.select.locator('option:checked')).toHaveText('Team API');
  await expect(sidebar.item('Users')).toBeVisible();
  await sidebar.open('List users');
  await expect(lantern.url).toHaveValue(`${httpbin}/get?page=2`);
  await lantern.send();
  await expect(lantern.statusCode).toContainText('200');

  // Delete, then undo: the request comes back.
  await sidebar.delete('List users');
  await expect(sidebar.item('List users')).toHaveCount(0);
  await sidebar.undo();
  await expect(sidebar.item('List users')).toBeVisible();

  // The filter matches names, URLs and methods.
  await sidebar.filter.fill('page=2');
  await expect(sidebar.item('List users')).toBeVisible();
  await sidebar.filter.fill('DELETE');
  await expect(lantern.page.getByTestId('ws-tree-empty')).toBeVisible();
});

test('a Postman collection is imported with a preview and report, and its request runs', async ({
  app,
  httpbin,
}, info) => {
  const { lantern, sidebar } = app;
  const file = path.join(app.dataDir, 'echo.postman_collection.json');
  writeFileSync(
    file,
    JSON.stringify({
      info: {
        name: 'Echo service',
        schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
      },
      variable: [{ key: 'host', value: httpbin }],
      item: [
        {
          name: 'Echo',
          item: [
            {
              name: 'Show headers',
              request: {
                method: 'GET',
                url: '{{host}}/headers',
                header: [{ key: 'X-From', value: 'postman' }],
              },
              event: [{ listen: 'test', script: { exec: ['pm.test("ok", () => {});'] } }],
            },
          ],
        },
      ],
    }),
  );
  await sidebar.createWorkspace('Imports');
  const dialog = await sidebar.importFile(file);
  await expect(dialog.getByTestId('import-format')).toContainText('Postman collection');
  await expect(dialog.getByTestId('import-outline')).toContainText('Show headers');
  await expect(dialog.getByTestId('import-report')).toContainText(/script/i);
  await lantern.page.screenshot({ path: info.outputPath('import-preview.png') });
  await sidebar.confirmImport(dialog);

  await expect(sidebar.item('Echo service')).toBeVisible();
  await sidebar.open('Show headers');
  await expect(lantern.page.getByTestId('request-inherited')).toContainText('1 variable');
  // {{host}} comes from the collection folder: the URL bar must not flag it as undefined.
  await expect(lantern.url).toHaveValue('{{host}}/headers');
  await expect(lantern.page.getByTestId('url-undefined-variables')).toHaveCount(0);
  await lantern.send();
  await expect(lantern.statusCode).toContainText('200');
  expect(await lantern.responseText()).toContain('"X-From": "postman"');
  await lantern.page.screenshot({ path: info.outputPath('imported-request-sent.png') });
});

test('an OpenAPI description imports as folders per tag, with its environment and what it left out', async ({
  app,
}, info) => {
  const { lantern, sidebar } = app;
  await sidebar.createWorkspace('From OpenAPI');
  const dialog = await sidebar.importFile(path.resolve('sandbox/openapi.yaml'));
  await expect(dialog.getByTestId('import-format')).toContainText(
    'OpenAPI / Swagger description — will create a folder “iHASCO sandbox” with 4 request(s), 2 folder(s) and 1 environment(s).',
  );
  await expect(dialog.getByTestId('import-outline')).toContainText('List course results');
  await expect(dialog.getByTestId('import-report')).toContainText(
    'also offers application/x-www-form-urlencoded',
  );
  for (const [width, height] of [
    [1024, 768],
    [1400, 900],
    [1920, 1080],
  ] as const) {
    await lantern.page.setViewportSize({ width, height });
    await lantern.page.screenshot({ path: info.outputPath(`openapi-preview-${width}x${height}.png`) });
  }
  await sidebar.confirmImport(dialog);
  await expect(sidebar.item('Get a user')).toBeVisible();
  await sidebar.open('Get a user');
  await expect(lantern.url).toHaveValue('{{baseUrl}}/users/{{user}}');
});

test('pasting a cURL command into the URL field imports it in place', async ({ app, httpbin }, info) => {
  const { lantern, sidebar } = app;
  await sidebar.pasteIntoUrl(
    `curl '${httpbin}/post' -H 'Content-Type: application/json' -H 'X-Pasted: yes' --data-raw '{"hello":"world"}'`,
  );
  await expect(lantern.url).toHaveValue(`${httpbin}/post`);
  await expect(lantern.method).toHaveValue('POST');
  await lantern.send();
  await expect(lantern.statusCode).toContainText('200');
  const body = await lantern.responseText();
  expect(body).toContain('"X-Pasted": "yes"');
  expect(body).toContain('"hello": "world"');
  await lantern.page.screenshot({ path: info.outputPath('curl-pasted.png') });
});

test('a token pasted in a second tab never changes what the first tab sends', async ({
  app,
  httpbin,
}, info) => {
  const { lantern, sidebar } = app;
  const page = lantern.page;
  const pasteToken = (token: string) =>
    sidebar.pasteIntoUrl(`curl '${httpbin}/bearer' -H 'Authorization: Bearer ${token}'`);
  const credentialShown = () => page.getByTestId('auth-credential').locator('option:checked');
  await pasteToken('first-token-aaaa1111');
  await page.getByTestId('request-tab-auth').click();
  await expect(credentialShown()).toHaveText(/^Pasted token for 127\.0\.0\.1:\d+$/);
  await expect(page.getByTestId('auth-secret-preview')).toContainText('••••1111');
  await expect(page.getByText('names a credential Lantern does not have')).toHaveCount(0);
  await page.getByTestId('request-tab-new').click();
  await pasteToken('second-token-bbbb2222');
  await page.getByTestId('request-tab-auth').click();
  await expect(credentialShown()).toHaveText(/^Pasted token for 127\.0\.0\.1:\d+ \(2\)$/);
  await expect(page.getByTestId('auth-secret-preview')).toContainText('••••2222');
  await page.screenshot({ path: info.outputPath('paste-two-tabs.png') });
  // The first tab still names its own credential, with its own token.
  await page.getByTestId('request-tab-0').click();
  await page.getByTestId('request-tab-auth').click();
  await expect(credentialShown()).toHaveText(/^Pasted token for 127\.0\.0\.1:\d+$/);
  await expect(page.getByTestId('auth-secret-preview')).toContainText('••••1111');
  await lantern.send();
  expect(await lantern.responseText()).toContain('"token": "••••1111"');
});

test('folder settings are inherited, exports hide secrets, and an outside edit of an open request is a conflict', async ({
  app,
  httpbin,
}, info) => {
  const { lantern, sidebar, page } = { ...app, page: app.lantern.page };
  const auth = new AuthPanel(page);
  await sidebar.createWorkspace('Shared');
  await auth.createBearerToken('Team token', 'team-secret-token-7d1e');
  await sidebar.newFolder('Echo');
  const actions = await sidebar.actions('Echo');
  await actions.getByTestId('ws-folder-action-settings').click();
  const editor = page.getByTestId('folder-editor');
  await editor.getByTestId('folder-header-name-0').fill('X-Team');
  await editor.getByTestId('folder-header-value-0').fill('blue');
  await editor.getByTestId('folder-auth-type').selectOption('bearer');
  await editor.getByTestId('folder-auth-credential').selectOption({ label: 'Team token' });
  await page.screenshot({ path: info.outputPath('folder-editor.png') });
  await editor.getByTestId('folder-editor-save').click();
  await expect(editor).toHaveCount(0);

  await sidebar.newRequestIn('Echo', 'Who am I');
  await lantern.request('GET', `${httpbin}/headers`);
  await sidebar.save();
  await expect(page.getByTestId('request-inherited')).toContainText('1 header');
  // The Auth tab says what is really sent: the folder's bearer token, named, masked.
  await page.getByTestId('request-tab-auth').click();
  await expect(page.getByTestId('auth-inherited')).toContainText(
    'Inherited from folder “Echo”: Bearer token ••••7d1e (credential “Team token”)',
  );
  await page.screenshot({ path: info.outputPath('auth-inherited.png') });
  await lantern.send();
  const echoed = await lantern.responseText();
  expect(echoed).toContain('"X-Team": "blue"');
  // The token reaches the server; the page shows it masked (httpbin echoes it back).
  expect(echoed).toContain('"Authorization": "Bearer ••••7d1e"');

  await page.getByTestId('ws-export').click();
  const exportDialog = page.getByTestId('export-dialog');
  await expect(exportDialog.getByTestId('export-code')).toHaveValue(/X-Team: blue/);
  await page.screenshot({ path: info.outputPath('export-dialog.png') });
  await exportDialog.getByTestId('export-close').click();

  // Unsaved edits in the tab, then the file changes on disk: Lantern shows a conflict.
  await lantern.url.fill(`${httpbin}/headers?mine=1`);
  const file = path.join(app.dataDir, 'workspaces', 'shared', 'echo', 'who-am-i.request.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(`${httpbin}/headers`, `${httpbin}/anything/theirs`));
  await expect(page.getByTestId('file-conflict')).toBeVisible();
  await page.screenshot({ path: info.outputPath('conflict.png') });
  await page.getByTestId('conflict-reload').click();
  await expect(lantern.url).toHaveValue(`${httpbin}/anything/theirs`);
  await expect(page.getByTestId('file-conflict')).toHaveCount(0);
});
