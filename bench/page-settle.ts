/**
 * Before a benchmark times something in the page: waits until start-up's own work is over, so
 * that a figure is the cost of what it measures. After the URL box appears the renderer still
 * loads the editors' chunks once the window is idle (one long task, reported by the start-up
 * benchmark as `browser_cold_start_longest_task_after_ms`).
 */
import type { Page } from '@playwright/test';

// A string: tsx's helpers would not exist in the page.
const QUIET_FOR = (quietMs: number) => `
  new Promise((resolve) => {
    let timer = setTimeout(resolve, ${quietMs});
    const observer = new PerformanceObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(resolve, ${quietMs});
    });
    observer.observe({ type: 'longtask' });
    observer.observe({ type: 'resource' });
  })
`;

/**
 * No file loaded and no main-thread task of 50 ms or more for `quietMs` (browser mode keeps its
 * event stream open, so the network is never idle).
 */
export async function afterStartUp(page: Page, quietMs = 1_500): Promise<void> {
  await page.evaluate(QUIET_FOR(quietMs));
}
