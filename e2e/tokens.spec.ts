import { copyFromBrowser, startSandbox, type RunningSandbox } from '../sandbox';
import { test, expect } from './fixtures';
import { AuthPanel } from './pages/auth-panel';
import { Troubleshooting } from './pages/troubleshooting';

let sandbox: RunningSandbox;
test.beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, tokenExpirySeconds: 300 });
});
test.afterAll(() => sandbox?.close());

test('register a client, send with its token, watch it count down, re-grant after a forced expiry', async ({
  lantern,
}, testInfo) => {
  const auth = new AuthPanel(lantern.page);
  await lantern.request('POST', sandbox.endpoints.totaraGraphql);
  await lantern.setJsonBody('{"query":"query { totara_webapi_status { status } }"}');
  await auth.registerOAuthClient({
    label: 'Totara test client',
    tokenUrl: sandbox.endpoints.totaraToken,
    clientId: sandbox.credentials.totara.clientId,
    clientSecret: sandbox.credentials.totara.clientSecret,
  });
  await lantern.page.screenshot({ path: testInfo.outputPath('auth-tab.png') });
  await lantern.send();
  await expect(lantern.statusCode).toHaveText('200 OK');
  expect(await lantern.responseText()).toContain('"status": "ok"');

  // The token viewer counts down, and shows only a masked value until asked.
  await auth.openTokens();
  const token = auth.token(0);
  await expect(token.state).toContainText('valid');
  const first = await token.countdown.textContent();
  await expect(token.countdown).not.toHaveText(first ?? '', { timeout: 5_000 });
  await expect(token.value).toHaveText(/^••••/);
  const page = await lantern.page.content();
  expect(page).not.toContain(sandbox.credentials.totara.clientSecret);
  await lantern.page.screenshot({ path: testInfo.outputPath('tokens.png') });
  await token.reveal.click();
  await expect(token.value).not.toHaveText(/^••••/);
  await expect(token.value).toHaveText(/^eyJ/);

  // The server forgets the token; Lantern re-grants once, by itself.
  expect(sandbox.expireTokens()).toBeGreaterThan(0);
  await lantern.send();
  await expect(lantern.statusCode).toHaveText('200 OK');
  await lantern.page.getByTestId('response-tab-body').click();
  expect(await lantern.responseText()).toContain('"status": "ok"');
  await lantern.page.getByTestId('response-tab-timeline').click();
  const steps = lantern.page.getByTestId('timeline-auth');
  await expect(steps).toContainText('Used a cached token');
  await expect(steps).toContainText('Got a new token');
  await expect(steps).toContainText('Retried once with a fresh credential');
  await expect(steps.locator('li')).toHaveCount(3);
});

/** Chrome's "Copy as cURL" of an AJAX call, after logging in to the sandbox as a browser does. */
async function copiedFromBrowser(): Promise<{ curl: string; sessionId: string; sesskey: string }> {
  const { cookie, sesskey, curl } = await copyFromBrowser(sandbox);
  return { curl, sessionId: cookie.split('=')[1] ?? '', sesskey };
}

test('paste a browser "Copy as cURL" as a session credential and call the AJAX API with it', async ({
  lantern,
}, testInfo) => {
  const auth = new AuthPanel(lantern.page);
  const copied = await copiedFromBrowser();
  await lantern.request('POST', sandbox.endpoints.ajaxGraphql);
  await lantern.setJsonBody('{"operationName":"totara_webapi_status","variables":{}}');
  const notes = await auth.pasteBrowserSession('Sandbox (Chrome)', copied.curl, {
    filled: () => lantern.page.screenshot({ path: testInfo.outputPath('browser-session-paste.png') }),
    saved: () => lantern.page.screenshot({ path: testInfo.outputPath('browser-session-saved.png') }),
  });
  expect(notes[0]).toMatch(/^Kept 1 cookie \(/);
  await expect(lantern.page.getByTestId('auth-secret-preview')).toContainText('CSRF token ••••');
  await lantern.page.screenshot({ path: testInfo.outputPath('browser-session-auth.png') });
  await lantern.send();
  await expect(lantern.statusCode).toHaveText('200 OK');
  expect(await lantern.responseText()).toContain('"status": "ok"');
  const page = await lantern.page.content();
  expect(page).not.toContain(copied.sesskey);
  expect(page).not.toContain(copied.sessionId);

  // The site forgets the session: Lantern does not retry, and says what to do.
  sandbox.reset();
  await lantern.send();
  const troubleshooting = new Troubleshooting(lantern.page);
  await troubleshooting.openDiagnostics();
  await expect(troubleshooting.finding('totara.ajax.not-logged-in')).toContainText(
    'The browser session pasted into Sandbox (Chrome) has expired or its sesskey is no longer valid',
  );
  await lantern.page.screenshot({ path: testInfo.outputPath('browser-session-ended.png') });
});
