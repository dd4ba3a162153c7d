import { expect, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LanternPage } from './pages/lantern-page';
import { startLanternHost } from '../test-support/processes';

/** httpbin's address, started once by the global setup. */
export function httpbinUrl(): string {
  const url = process.env.HTTPBIN_URL;
  if (!url) throw new Error('HTTPBIN_URL is not set: the global setup did not start httpbin.');
  return url;
}

export interface OwnHost {
  lantern: LanternPage;
  dataDir: string;
  /** Stops browser mode and starts it again on the same data folder, as a user restarting Lantern. */
  restart: () => Promise<void>;
}

/**
 * Lantern on a data folder of its own, for tests that restart it or read its files, started as
 * `npm start` starts it. The test fails if the page logs an error.
 */
export async function withOwnHost(
  page: Page,
  name: string,
  run: (host: OwnHost) => Promise<void>,
): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `lantern-e2e-${name}-`));
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  let host = await startLanternHost(dataDir);
  const lantern = new LanternPage(page);
  await lantern.open(host.launchUrl);
  // The page leaves before its host stops: a call in flight (a debounced refresh) would otherwise
  // fail with a connection error the app did not cause.
  const restart = async () => {
    await page.goto('about:blank');
    await host.stop();
    host = await startLanternHost(dataDir);
    await lantern.open(host.launchUrl);
  };
  await run({ lantern, dataDir, restart });
  await page.goto('about:blank');
  await host.stop();
  expect(errors, 'console errors').toEqual([]);
}
