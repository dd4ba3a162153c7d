import { startSandbox, type RunningSandbox } from '../sandbox';
import { test, expect } from './fixtures';
import { AuthPanel } from './pages/auth-panel';

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
