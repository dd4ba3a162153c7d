import {
  makeCertificate,
  startHttpsServer,
  type RunningServer,
} from '../electron/services/engine/test-servers';
import { test, expect } from './fixtures';

test.describe('engine in the UI', () => {
  test('a redirect that turned a POST into a GET is explained, with the chain', async ({
    lantern,
    httpbin,
  }, testInfo) => {
    await lantern.request('POST', `${httpbin}/redirect-to?url=%2Fget&status_code=302`);
    await lantern.setJsonBody('{"a": 1}');
    await lantern.send();
    await expect(lantern.statusCode).toHaveText('200 OK');
    await expect(lantern.page.getByTestId('redirect-count')).toHaveText('after 1 redirect');
    await lantern.page.getByTestId('response-tab-timeline').click();
    await expect(lantern.page.getByTestId('timeline-notes')).toContainText(/302 .*POST.*GET/);
    await expect(lantern.page.getByTestId('timeline-redirects')).toContainText('302 POST');
    await lantern.page.screenshot({ path: testInfo.outputPath('redirect-timeline.png') });
  });

  test.describe('a self-signed TLS server', () => {
    let server: RunningServer;
    test.beforeAll(async () => {
      const { cert, key } = makeCertificate('lantern-e2e');
      server = await startHttpsServer({ cert, key }, (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"secure":"enough"}');
      });
    });
    test.afterAll(() => server?.close());

    test('fails with verification on, and passes once it is turned off, visibly', async ({
      lantern,
    }, testInfo) => {
      await lantern.request('GET', `${server.url}/`);
      await lantern.send();
      await expect(lantern.sendError).toContainText('self-signed certificate');
      await lantern.page.getByTestId('request-tab-settings').click();
      await lantern.page.getByTestId('setting-verify-tls').uncheck();
      await expect(lantern.page.getByTestId('tls-off-warning')).toBeVisible();
      await lantern.send();
      await expect(lantern.statusCode).toHaveText('200 OK');
      await lantern.page.getByTestId('response-tab-timeline').click();
      await expect(lantern.page.getByTestId('timeline-tls')).toContainText('NOT verified');
      await lantern.page.screenshot({ path: testInfo.outputPath('tls-off.png') });
    });
  });
});
