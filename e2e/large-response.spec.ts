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
  await expect(body.row(630_001)).toBeVisible();
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
