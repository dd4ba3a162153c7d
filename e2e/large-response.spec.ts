import { startLargeJsonServer, type LargeJsonServer } from '../bench/large-json-server';
import { test, expect } from './fixtures';
import { LargeBodyPanel } from './pages/large-body';

// A 100 MB JSON streamed from a local server: it must open, scroll and search without freezing.
let server: LargeJsonServer;
test.beforeAll(async () => {
  server = await startLargeJsonServer({ megabytes: 100 });
});
test.afterAll(async () => {
  await server?.close();
});

test('a 100 MB JSON response opens, scrolls to its end and is searchable', async ({ lantern }, testInfo) => {
  const body = new LargeBodyPanel(lantern.page);
  await lantern.request('GET', server.url);
  await lantern.send();
  await expect(lantern.statusCode).toHaveText('200 OK', { timeout: 30_000 });

  await expect(body.row(0)).toHaveText(/^1\s*\[$/);
  await expect(body.row(1)).toContainText('{"id":0,"name":"Learner 0"');
  await expect(body.size).toHaveText(/^10\d MB · 630,003 lines$/);
  expect(await body.drawnRows()).toBeLessThan(100);

  await body.scrollToEnd();
  await expect(body.rows.last()).toHaveText(/^630,?003\s*\]$/);
  await expect(body.scroller).toContainText(`"note":"${server.needle}"`);

  await body.scroller.evaluate((element) => (element.scrollTop = 0));
  await expect(body.row(1)).toBeVisible();
  await body.find(server.needle);
  await expect(body.searchCount).toHaveText('1 match');
  await expect(body.currentMatch).toHaveText(server.needle);
  // Records wrap to the pane, so rows and lines differ: the gutter gives the real line.
  await expect(body.currentMatchRow()).toHaveText(/^630002\{"id":-1,/);
  await lantern.page.screenshot({ path: testInfo.outputPath('large-response.png') });

  await body.find('Learner 5');
  await expect(body.searchCount).toHaveText(/matches \(first 1,000 listed\)$/);
});

test('a large minified JSON is shown in rows and can be pretty-printed on the main side', async ({
  lantern,
}, testInfo) => {
  const body = new LargeBodyPanel(lantern.page);
  const small = await startLargeJsonServer({ megabytes: 3 });
  try {
    await lantern.request('GET', new URL('/minified', small.url).href);
    await lantern.send();
    await expect(lantern.statusCode).toHaveText('200 OK');
    await expect(body.note).toContainText('This JSON is on one line');
    await expect(body.row(1)).toHaveText(/^↪/);

    await body.pretty.click();
    await expect(body.pretty).toHaveAttribute('aria-pressed', 'true');
    await expect(body.row(1)).toHaveText(/^2\s*\{$/);
    await expect(body.row(2)).toHaveText(/^3\s*"id": 0,$/);
    await body.find(small.needle);
    await expect(body.searchCount).toHaveText('1 match');
    await expect(body.currentMatch).toBeVisible();
    await lantern.page.screenshot({ path: testInfo.outputPath('large-response-pretty.png') });

    await body.raw.click();
    await expect(body.searchCount).toHaveText('1 match');
    await expect(body.currentMatch).toHaveText(small.needle);
  } finally {
    await small.close();
  }
});

test('a single long line wraps inside the pane at any width, and re-wraps on resize', async ({ lantern }) => {
  const body = new LargeBodyPanel(lantern.page);
  const page = lantern.page;
  const small = await startLargeJsonServer({ megabytes: 2, needle: 'needle-Ünï-7f3a' });
  try {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await lantern.request('GET', new URL('/minified', small.url).href);
    await lantern.send();
    await expect(lantern.statusCode).toHaveText('200 OK');
    await expect(body.note).toContainText("This JSON is on one line, wrapped to the pane's width");
    await expect(body.row(0)).toHaveText(/^1\s*\[\{"id":0,/);
    await expect(body.row(1)).toHaveText(/^↪/);
    const wide = await body.overflow();
    expect(wide.scroll).toBeLessThanOrEqual(0);
    expect(wide.text).toBeLessThanOrEqual(0);
    const wideHeight = await body.contentHeight();

    await page.setViewportSize({ width: 1024, height: 768 });
    // Narrower rows: more of them, and still none reaching past the pane.
    await expect.poll(() => body.contentHeight()).toBeGreaterThan(wideHeight);
    await expect(body.row(1)).toHaveText(/^↪/);
    const narrow = await body.overflow();
    expect(narrow.scroll).toBeLessThanOrEqual(0);
    expect(narrow.text).toBeLessThanOrEqual(0);

    // A search hit near the end is shown in its wrapped row, on line 1.
    await body.find(small.needle);
    await expect(body.searchCount).toHaveText('1 match');
    await expect(body.currentMatch).toHaveText(small.needle);
    await expect(body.currentMatchRow()).toHaveText(/^↪/);
    expect((await body.overflow()).text).toBeLessThanOrEqual(0);

    // Looked at by a person: light and dark at the three sizes (in the test's output folder).
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const [width, height] of [
        [1024, 768],
        [1400, 900],
        [1920, 1080],
      ] as const) {
        await page.setViewportSize({ width, height });
        await expect.poll(async () => (await body.overflow()).text).toBeLessThanOrEqual(0);
        await page.screenshot({ path: test.info().outputPath(`large-wrapped-${colorScheme}-${width}.png`) });
      }
    }
  } finally {
    await small.close();
  }
});
