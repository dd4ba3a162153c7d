import { test as base, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EnvironmentsPanel } from './pages/environments';
import { LanternPage } from './pages/lantern-page';
import { WorkspaceSidebar } from './pages/workspace-sidebar';
import { withOwnHost } from './own-host';

interface Fixtures {
  /** A browser-mode Lantern on a data folder of this test's own, that can be restarted. */
  app: {
    lantern: LanternPage;
    sidebar: WorkspaceSidebar;
    environments: EnvironmentsPanel;
    dataDir: string;
    restart: () => Promise<void>;
  };
}

const test = base.extend<Fixtures>({
  app: ({ page }, use) =>
    withOwnHost(page, 'environments', ({ lantern, dataDir, restart }) =>
      use({
        lantern,
        sidebar: new WorkspaceSidebar(page),
        environments: new EnvironmentsPanel(page),
        dataDir,
        restart,
      }),
    ),
});

test('an environment created with a workspace open is a file of the workspace, says so, and stays chosen across a reload and a restart', async ({
  app,
}, info) => {
  const { sidebar, environments, dataDir, lantern } = app;
  const page = lantern.page;
  // With no workspace open, an environment is kept on this computer.
  await environments.create('Laptop', { base: 'https://laptop.example' });
  await environments.choose('Laptop');
  await expect(environments.location).toHaveText('Kept on this computer');

  await sidebar.createWorkspace('Env Home');
  await environments.startNew();
  await expect(environments.editorLocation).toContainText(
    'Will be saved in workspace Env Home (environments/)',
  );
  await environments.closeEditor();
  const secret = 'env-secret-value-5e6f7a8b';
  await environments.create('Staging', { base: 'https://staging.example', token: { secret } });
  const file = path.join(dataDir, 'workspaces', 'env-home', 'environments', 'staging.env.yaml');
  expect(existsSync(file)).toBe(true);
  const text = readFileSync(file, 'utf8');
  expect(text).toMatch(/^name: Staging\n/);
  expect(text).toContain('https://staging.example');
  expect(text).not.toContain(secret);
  expect(readFileSync(path.join(dataDir, 'environments.json'), 'utf8')).not.toContain('Staging');

  await environments.choose('Staging');
  await expect(environments.location).toHaveText(
    'Kept in workspace Env Home (environments/staging.env.yaml)',
  );
  await environments.edit('Staging');
  await expect(environments.editorLocation).toHaveText(
    'Kept in workspace Env Home (environments/staging.env.yaml).',
  );
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: info.outputPath('environment-editor-1024.png') });
  await environments.closeEditor();

  await page.reload();
  await expect(environments.chosen()).toHaveText('Staging');
  await expect(environments.location).toContainText('in workspace Env Home');
  await app.restart();
  await expect(environments.chosen()).toHaveText('Staging');
  await page.screenshot({ path: info.outputPath('environment-switcher-1024.png') });
});
