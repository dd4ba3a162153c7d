/**
 * What both large-body benchmark groups stand on: the 100 MB JSON server, a browser-mode host in
 * a fresh data folder and a Chromium page at 1400 × 860, all stopped and removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startLanternHost } from '../test-support/processes';
import { CHROMIUM_ARGS, findChromium } from '../scripts/test-tools.mjs';
import { startLargeJsonServer, type LargeJsonServer } from './large-json-server';
import { afterStartUp } from './page-settle';

export interface LargeBodyPage {
  page: Page;
  server: LargeJsonServer;
  /** The host process's id (its RSS is sampled). */
  hostPid: number;
  /** Opens a fresh Lantern tab, so a run starts from an empty response pane, once start-up is over. */
  freshTab: () => Promise<void>;
}

export async function withLargeBodyPage<T>(use: (session: LargeBodyPage) => Promise<T>): Promise<T> {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error("No Chromium found: install Debian's chromium or set LANTERN_CHROMIUM.");
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lantern-bench-'));
  const server = await startLargeJsonServer({ megabytes: 100 });
  const host = await startLanternHost(dataDir);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    let opened = false;
    const freshTab = async () => {
      // A reload: a second goto to the same URL with its #token would only move to the fragment.
      if (opened) await page.reload();
      else await page.goto(host.launchUrl);
      opened = true;
      await page.getByTestId('url-input').waitFor();
      await afterStartUp(page);
    };
    return await use({ page, server, hostPid: host.child.pid ?? 0, freshTab });
  } finally {
    await browser.close();
    await host.stop();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
