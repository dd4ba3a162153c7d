import { expect, test } from '@playwright/test';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withOwnHost } from './own-host';
import { ProblemBanners } from './pages/problem-banner';
import { WorkspaceSidebar } from './pages/workspace-sidebar';

test('a vault that cannot be read is named in a banner, with its fix, until the user deals with it', async ({
  page,
}) => {
  await withOwnHost(page, 'vault-banner', async ({ dataDir, restart }) => {
    const banners = new ProblemBanners(page);
    await expect(page.getByTestId('vault-status')).toBeVisible();
    await expect(banners.vault).toHaveCount(0);
    // The vault file is damaged between two runs (a disk error, a bad merge of a synced folder).
    writeFileSync(path.join(dataDir, 'vault.json'), '{"version": 1, "secrets": ');
    await restart();
    await expect(banners.vault).toBeVisible();
    await expect(banners.vault).toContainText('The vault cannot be read, so no saved secret can be used');
    await expect(banners.vault.getByRole('button', { name: 'Try again' })).toBeVisible();
    // Looked at by a person: light and dark at the three sizes (in the test's output folder).
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const [width, height] of [
        [1024, 768],
        [1400, 900],
        [1920, 1080],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.screenshot({ path: test.info().outputPath(`vault-banner-${colorScheme}-${width}.png`) });
      }
    }
    await banners.startNewVault();
    await expect(banners.vault).toHaveCount(0);
    // The damaged file was kept aside, not deleted.
    expect(readdirSync(dataDir).some((name) => name.startsWith('vault.json') && name !== 'vault.json')).toBe(
      true,
    );
  });
});

test('a request file that cannot be read is named in a banner until the file is fixed', async ({ page }) => {
  await withOwnHost(page, 'file-banner', async ({ dataDir }) => {
    const banners = new ProblemBanners(page);
    const sidebar = new WorkspaceSidebar(page);
    await sidebar.createWorkspace('Team API');
    const folder = path.join(dataDir, 'workspaces', 'team-api');
    const broken = path.join(folder, 'broken.request.yaml');
    writeFileSync(
      broken,
      'name: Half merged\n<<<<<<< HEAD\nmethod: GET\n=======\nmethod: POST\n>>>>>>> theirs\n',
    );
    await expect(banners.workspace).toBeVisible();
    await expect(banners.workspace).toContainText('A file of "Team API" could not be read');
    await expect(banners.workspace).toContainText('broken.request.yaml');
    writeFileSync(broken, 'id: half-merged\nname: Half merged\nmethod: GET\nurl: https://example.com/\n');
    await expect(banners.workspace).toHaveCount(0);
    await expect(sidebar.item('Half merged')).toBeVisible();
  });
});
