/**
 * large_single_line_* / large_search_ms / large_pretty_ms / large_scroll_longest_frame_ms: a
 * 100 MB JSON that is ONE line (as real APIs send it), sent from browser mode in Chromium.
 * Times are taken inside the page (click or key → the frame after the rows are in the DOM), so
 * Playwright's own latency is not counted; frames are requestAnimationFrame deltas while
 * Playwright turns the mouse wheel over the rows. The host's RSS is sampled every 50 ms throughout.
 */
import type { Page } from '@playwright/test';
import { median, round } from './engine-overhead';
import { withLargeBodyPage } from './large-body-page';
import { sampleRss } from './large-response';

const RUNS = 3;
const SCROLL_MS = 5_000;

// Page scripts are strings: the bench runs under tsx, whose helpers would not exist in the page.
/** Resolves with ms from `start()` to the frame after `selector` holds `text` (a string expression). */
const timeUntil = (start: string, selector: string, text: string) => `
  new Promise((resolve) => {
    const t0 = performance.now();
    const done = () => {
      const element = document.querySelector(${JSON.stringify(selector)});
      return element && element.textContent.includes(${JSON.stringify(text)});
    };
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - t0));
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    ${start};
  })
`;
const FIRST_ROW = '[data-testid="large-body-row"][data-row="0"]';
const SEND = timeUntil(
  `document.querySelector('[data-testid="send-button"]').click()`,
  FIRST_ROW,
  '[{"id":0,',
);
const SEARCH = timeUntil(
  `document.querySelector('[data-testid="body-search"]').dispatchEvent(
     new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))`,
  '.large-body-match.current',
  'needle',
);
const PRETTY = timeUntil(
  `document.querySelector('[data-testid="body-view-pretty"]').click()`,
  '[data-testid="large-body-row"][data-row="2"]',
  '"id": 0,',
);
const FRAMES_START = `
  window.longestFrame = 0;
  window.framesOn = true;
  let last = performance.now();
  const tick = (now) => {
    window.longestFrame = Math.max(window.longestFrame, now - last);
    last = now;
    if (window.framesOn) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

/** Longest frame while the wheel turns over the rows for SCROLL_MS (down, then back up). */
async function scrollFrames(page: Page): Promise<number> {
  const box = await page.getByTestId('large-body-rows').boundingBox();
  if (!box) throw new Error('The body rows are not on screen.');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(FRAMES_START);
  const start = Date.now();
  let direction = 1;
  while (Date.now() - start < SCROLL_MS) {
    if (Date.now() - start > SCROLL_MS / 2) direction = -1;
    await page.mouse.wheel(0, direction * 600);
    await page.waitForTimeout(16);
  }
  return (await page.evaluate('window.framesOn = false, window.longestFrame')) as number;
}

interface Run {
  firstViewMs: number;
  searchMs: number;
  prettyMs: number;
  rawFrameMs: number;
  prettyFrameMs: number;
  rssMb: number;
}

async function measureOnce(page: Page, url: string, pid: number, needle: string): Promise<Run> {
  await page.getByTestId('url-input').fill(url);
  const rss = sampleRss(pid);
  const firstViewMs = (await page.evaluate(SEND)) as number;
  const rawFrameMs = await scrollFrames(page);
  const prettyMs = (await page.evaluate(PRETTY)) as number;
  // Scrolled while the rest is formatted behind.
  const prettyFrameMs = await scrollFrames(page);
  // Searched in the raw view (a search made in Pretty view would follow to the raw one).
  await page.getByTestId('body-view-raw').click();
  await page.getByTestId('body-search').fill(needle);
  const searchMs = (await page.evaluate(SEARCH)) as number;
  const rssMb = rss.stop();
  return { firstViewMs, searchMs, prettyMs, rawFrameMs, prettyFrameMs, rssMb };
}

export function largeSingleLine(): Promise<Record<string, number>> {
  return withLargeBodyPage(async ({ page, server, hostPid, freshTab }) => {
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      await freshTab();
      const url = new URL(`/minified?run=${i}`, server.url).href;
      runs.push(await measureOnce(page, url, hostPid, server.needle));
    }
    return {
      large_single_line_first_view_ms: round(median(runs.map((r) => r.firstViewMs)), 0),
      // The host's first large body, before the viewer has told it a row width (no pre-indexing).
      large_single_line_first_view_cold_ms: round(runs[0]?.firstViewMs ?? 0, 0),
      large_search_ms: round(median(runs.map((r) => r.searchMs)), 0),
      large_pretty_ms: round(median(runs.map((r) => r.prettyMs)), 0),
      large_scroll_longest_frame_ms: round(
        Math.max(...runs.map((r) => Math.max(r.rawFrameMs, r.prettyFrameMs))),
        0,
      ),
      large_scroll_longest_frame_raw_ms: round(Math.max(...runs.map((r) => r.rawFrameMs)), 0),
      large_scroll_longest_frame_pretty_ms: round(Math.max(...runs.map((r) => r.prettyFrameMs)), 0),
      large_single_line_main_rss_mb: round(Math.max(...runs.map((r) => r.rssMb)), 0),
    };
  });
}
