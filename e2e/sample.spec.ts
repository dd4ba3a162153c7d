import { test, expect } from './fixtures';
import { SamplePanel } from './pages/sample-panel';

test.describe('the built-in sample API', () => {
  test('first launch offers the sample, and its Totara status query returns "ok"', async ({
    lantern,
  }, testInfo) => {
    const sample = new SamplePanel(lantern.page);
    await expect(sample.offer).toBeVisible();
    await sample.start();
    await expect(sample.environment).toHaveText('env: Sandbox');
    await expect(lantern.page.getByTestId('sandbox-status')).toContainText(
      'sandbox API running on http://127.0.0.1:',
    );
    await sample.open('totara-status');
    await expect(lantern.url).toHaveValue('{{base}}/api/graphql.php');
    await lantern.send();
    await expect(lantern.statusCode).toHaveText('200 OK');
    expect(await lantern.responseText()).toContain('"status": "ok"');
    await lantern.page.screenshot({ path: testInfo.outputPath('sample-status.png') });

    // The token came through Lantern's normal auth path, and its value never reached the page.
    await lantern.page.getByTestId('response-tab-timeline').click();
    await expect(lantern.page.getByTestId('timeline-auth')).toContainText(
      'Got a new token from http://127.0.0.1:',
    );
    await expect(lantern.page.getByTestId('timeline-request')).toContainText(
      /Authorization: Bearer ••••\S{4}/,
    );
    await expect(lantern.page.getByTestId('timeline-request')).toContainText(
      /POST http:\/\/127\.0\.0\.1:\d+\/api\/graphql\.php/,
    );
    await lantern.page.screenshot({ path: testInfo.outputPath('sample-timeline.png') });
  });

  test('the AJAX persisted operation logs in and sends the sesskey; iHASCO answers with rate-limit headers', async ({
    lantern,
  }, testInfo) => {
    const sample = new SamplePanel(lantern.page);
    await sample.start();
    await sample.open('ajax-status');
    await lantern.page.getByTestId('request-tab-auth').click();
    await expect(lantern.page.getByTestId('auth-type')).toHaveValue('session');
    await expect(lantern.page.getByTestId('auth-secret-preview')).toContainText('••••');
    await lantern.page.screenshot({ path: testInfo.outputPath('sample-auth.png') });
    await lantern.send();
    expect(await lantern.responseText()).toContain('"status": "ok"');
    await sample.open('ihasco-users');
    await lantern.send();
    await expect(lantern.statusCode).toHaveText('200 OK');
    await lantern.showResponseHeaders();
    await expect(lantern.responseHeaders).toContainText('x-ratelimit-remaining');
  });
});
