import { test, expect } from './fixtures';

test.describe('first slice: send a request and read the response', () => {
  test('the main screen loads and is saved as an artifact', async ({ lantern }, testInfo) => {
    await expect(lantern.page.getByTestId('response-empty')).toBeVisible();
    await expect(lantern.page.getByTestId('app-mode')).toHaveText(/Browser mode/);
    // The launch token leaves the address bar once read.
    expect(lantern.page.url()).not.toContain('token=');
    await lantern.page.screenshot({ path: testInfo.outputPath('main-screen.png') });
    await testInfo.attach('main-screen', {
      path: testInfo.outputPath('main-screen.png'),
      contentType: 'image/png',
    });
  });

  test('a GET to httpbin shows 200 and the echoed headers', async ({ lantern, httpbin }, testInfo) => {
    await lantern.request('GET', `${httpbin}/get`);
    await lantern.setHeader(0, 'X-Lantern-Probe', 'glow-42');
    await lantern.send();
    await expect(lantern.statusCode).toHaveText('200 OK');
    const body = await lantern.responseText();
    expect(body).toContain('"X-Lantern-Probe": "glow-42"');
    await lantern.showResponseHeaders();
    await expect(lantern.responseHeaders).toContainText('content-type');
    await expect(lantern.responseHeaders).toContainText('application/json');
    await lantern.page.screenshot({ path: testInfo.outputPath('get-response.png') });
  });

  test('a POST of JSON is echoed back', async ({ lantern, httpbin }) => {
    await lantern.request('POST', `${httpbin}/post`);
    await lantern.setJsonBody('{"course": "fire safety", "seats": 12}');
    await lantern.page.keyboard.press('ControlOrMeta+Enter');
    await expect(lantern.statusCode).toHaveText('200 OK');
    const body = await lantern.responseText();
    expect(body).toContain('"course": "fire safety"');
    expect(body).toContain('"Content-Type": "application/json"');
  });

  test('/status/418 shows 418', async ({ lantern, httpbin }) => {
    await lantern.request('GET', `${httpbin}/status/418`);
    await lantern.send();
    await expect(lantern.statusCode).toHaveText("418 I'm a Teapot");
    await expect(lantern.statusCode).toHaveClass(/status-client-error/);
  });

  test('a request to /delay/10 can be cancelled', async ({ lantern, httpbin }) => {
    await lantern.request('GET', `${httpbin}/delay/10`);
    await lantern.send();
    await expect(lantern.cancelButton).toBeVisible();
    const started = Date.now();
    await lantern.cancelButton.click();
    await expect(lantern.sendError).toHaveText(/cancelled/);
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(lantern.sendButton).toBeVisible();
  });

  test('a refused connection is explained in plain words', async ({ lantern }, testInfo) => {
    await lantern.request('GET', 'http://127.0.0.1:9/nothing-here');
    await lantern.send();
    await expect(lantern.sendError).toContainText(
      'Could not connect to 127.0.0.1:9: the connection was refused',
    );
    await expect(lantern.sendError).not.toContainText(/at \S+\.(js|ts):\d+/); // no stack trace
    await lantern.page.screenshot({ path: testInfo.outputPath('refused.png') });
  });

  test('a malformed URL is refused before sending, with a reason', async ({ lantern }) => {
    await lantern.request('GET', 'http://exa mple.com/');
    await lantern.send();
    await expect(lantern.sendError).toContainText('is not a valid URL');
  });
});
