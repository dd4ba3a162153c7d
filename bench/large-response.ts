/**
 * large_response_*: a 100 MB JSON sent from browser mode in Chromium. Measures, in the page,
 * the time from clicking Send to the first rendered rows and the longest main-thread task
 * (PerformanceObserver 'longtask'); and samples the host process's RSS every 50 ms.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { median, round } from './engine-overhead';
import { withLargeBodyPage } from './large-body-page';

const RUNS = 3;

/** Peak VmRSS of a process, sampled every 50 ms until stopped. */
export function sampleRss(pid: number) {
  let peakKb = 0;
  const read = () => {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    peakKb = Math.max(peakKb, Number(match?.[1] ?? 0));
  };
  read();
  const timer = setInterval(read, 50);
  return {
    stop: () => {
      clearInterval(timer);
      read();
      return peakKb / 1024;
    },
  };
}

// Page scripts are strings: the bench runs under tsx, whose helpers would not exist in the page.
const OBSERVE_LONG_TASKS = `
  window.longestTask = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.longestTask = Math.max(window.longestTask, entry.duration);
  }).observe({ type: 'longtask' });
`;
/** Clicks Send and resolves, after the next frame, once row 1 (the first record) is drawn. */
const SEND_AND_TIME_FIRST_ROWS = `
  new Promise((resolve) => {
    const start = performance.now();
    const observer = new MutationObserver(() => {
      const row = document.querySelector('[data-testid="large-body-row"][data-row="1"]');
      if (!row || !row.textContent.includes('"id"')) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - start));
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    document.querySelector('[data-testid="send-button"]').click();
  })
`;

interface Run {
  firstViewMs: number;
  longestTaskMs: number;
  rssMb: number;
  searchMs: number;
}

/** One send of the body, timed inside the page so Playwright's own latency is not counted. */
async function measureOnce(page: Page, url: string, pid: number, needle: string): Promise<Run> {
  await page.getByTestId('url-input').fill(url);
  await page.evaluate(OBSERVE_LONG_TASKS);
  const rss = sampleRss(pid);
  const firstViewMs = (await page.evaluate(SEND_AND_TIME_FIRST_ROWS)) as number;
  // Let the work that follows the first rows (further blocks, layout) finish inside the window.
  await page.waitForTimeout(1_000);
  const rssMb = rss.stop();
  const searchStart = Date.now();
  await page.getByTestId('body-search').fill(needle);
  await page.getByTestId('body-search').press('Enter');
  await page.getByTestId('body-search-count').filter({ hasText: '1 match' }).waitFor();
  const searchMs = Date.now() - searchStart;
  const longestTaskMs = (await page.evaluate('window.longestTask')) as number;
  return { firstViewMs, longestTaskMs, rssMb, searchMs };
}

export function largeResponse(): Promise<Record<string, number>> {
  return withLargeBodyPage(async ({ page, server, hostPid, freshTab }) => {
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      await freshTab();
      runs.push(await measureOnce(page, `${server.url}?run=${i}`, hostPid, server.needle));
    }
    return {
      large_response_first_view_ms: round(median(runs.map((r) => r.firstViewMs)), 0),
      large_response_longest_task_ms: round(Math.max(...runs.map((r) => r.longestTaskMs)), 0),
      large_response_main_rss_mb: round(Math.max(...runs.map((r) => r.rssMb)), 0),
      large_response_search_ms: round(median(runs.map((r) => r.searchMs)), 0),
    };
  });
}
