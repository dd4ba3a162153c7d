import { test as base, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { httpbinUrl } from './own-host';
import { LanternPage } from './pages/lantern-page';
import { startLanternHost } from '../test-support/processes';

interface WorkerFixtures {
  host: { url: string; launchUrl: string; dataDir: string };
}
interface TestFixtures {
  lantern: LanternPage;
  httpbin: string;
}

/**
 * Each worker runs its own browser-mode host, started exactly as `npm start` starts it.
 * Every test fails if the page logs an error or sends a request off 127.0.0.1.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  host: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      // Each worker has its own data folder: tests never share user data.
      const dataDir = mkdtempSync(path.join(tmpdir(), 'lantern-e2e-'));
      const host = await startLanternHost(dataDir);
      await use({ ...host, dataDir });
      await host.stop();
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern
  httpbin: async ({}, use) => use(httpbinUrl()),
  lantern: async ({ page, host }, use) => {
    const consoleErrors: string[] = [];
    const offHost: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (['data:', 'blob:'].includes(url.protocol)) return;
      if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') offHost.push(request.url());
    });
    const lantern = new LanternPage(page);
    // Tests of a worker share its data folder: each starts with no restored tabs or remembered environment.
    rmSync(path.join(host.dataDir, 'session.json'), { force: true });
    await lantern.open(host.launchUrl);
    await use(lantern);
    expect(consoleErrors, 'console errors').toEqual([]);
    expect(offHost, 'requests that left 127.0.0.1').toEqual([]);
  },
});

export { expect };
