import { startSandbox, type RunningSandbox } from '../sandbox';
import { test, expect } from './fixtures';
import { AuthPanel } from './pages/auth-panel';
import { GraphqlPanel } from './pages/graphql-panel';
import { Troubleshooting } from './pages/troubleshooting';

// Canaries: these values must never reach the page or a support bundle.
const REST_TOKEN = 'ihasco_CANARY_e2e_5f0c9a1b7d';
const CLIENT_SECRET = 'totara-CANARY-secret-3e8d71';

/** Each test has its own sandbox: a spent budget or a fault switch never leaks into another test. */
const it = test.extend<{ sandbox: RunningSandbox }>({
  // eslint-disable-next-line no-empty-pattern
  sandbox: async ({}, use) => {
    const sandbox = await startSandbox({
      port: 0,
      restRateLimit: 2,
      restWindowMs: 6_000,
      credentials: { ihasco: { token: REST_TOKEN }, totara: { clientSecret: CLIENT_SECRET } },
    });
    await use(sandbox);
    await sandbox.close();
  },
});

it('a REST 429 shows the gauge at 0 and a retry-after countdown, then sends again when allowed', async ({
  lantern,
  sandbox,
}, testInfo) => {
  const trouble = new Troubleshooting(lantern.page);
  await lantern.request('GET', `${sandbox.endpoints.ihasco}/users`);
  await trouble.registerBearer('iHASCO canary token', REST_TOKEN);
  await lantern.send();
  await expect(lantern.statusCode).toHaveText('200 OK');
  await expect(trouble.remaining).toHaveText('1 / 2');
  await expect(trouble.gauge).toHaveAttribute('data-level', 'low');
  await lantern.send();
  await expect(trouble.remaining).toHaveText('0 / 2');
  await lantern.send();
  await expect(lantern.statusCode).toHaveText('429 Too Many Requests');
  await expect(trouble.remaining).toHaveText('0 / 2');
  await expect(trouble.gauge).toHaveAttribute('data-level', 'empty');
  await expect(trouble.retryCountdown).toHaveText(/Retry allowed in \d s/);
  await expect(trouble.badge).toHaveAttribute('data-severity', 'error');
  await lantern.page.screenshot({ path: testInfo.outputPath('rate-limit-429.png') });

  // The finding cites retry-after; the Headers tab highlights it, and the gauge stays in view.
  await trouble.openDiagnostics();
  await trouble
    .finding('rest.rate-limit')
    .getByRole('button', { name: /Show in Headers/ })
    .first()
    .click();
  await expect(lantern.page.getByTestId('header-row-retry-after')).toHaveAttribute(
    'data-highlighted',
    'true',
  );
  await expect(trouble.retryCountdown).toBeVisible();
  await lantern.page.screenshot({ path: testInfo.outputPath('rate-limit-headers-highlight.png') });

  await trouble.sendWhenAllowed.click();
  await expect(trouble.retryScheduled).toBeVisible();
  await lantern.page.screenshot({ path: testInfo.outputPath('rate-limit-waiting.png') });
  // The window is 6 s: the re-send goes by itself once retry-after has passed.
  await expect(lantern.statusCode).toHaveText('200 OK', { timeout: 15_000 });
  await expect(trouble.remaining).toHaveText('1 / 2');
  await expect(trouble.retryCountdown).toBeHidden();

  // The Diagnostics tab lists the host + credential with its history.
  await trouble.openDiagnostics();
  await expect(lantern.page.getByTestId('rate-limit-row-0')).toContainText('1 / 2');
  await lantern.page.screenshot({ path: testInfo.outputPath('diagnostics-rate-limits.png') });
  expect(await lantern.page.content()).not.toContain(REST_TOKEN);
});

it('the stripped-Authorization fault is explained as a proxy problem (CGIPassAuth)', async ({
  lantern,
  sandbox,
}, testInfo) => {
  sandbox.configure({ stripAuthorization: true });
  const trouble = new Troubleshooting(lantern.page);
  await lantern.request('POST', sandbox.endpoints.totaraGraphql);
  await lantern.setJsonBody('{"query":"query { totara_webapi_status { status } }"}');
  await new AuthPanel(lantern.page).registerOAuthClient({
    label: 'Totara canary client',
    tokenUrl: sandbox.endpoints.totaraToken,
    clientId: sandbox.credentials.totara.clientId,
    clientSecret: CLIENT_SECRET,
  });
  await lantern.send();
  await expect(lantern.statusCode).toHaveText('200 OK');
  await expect(trouble.badge).toHaveAttribute('data-severity', 'error');
  await lantern.page.screenshot({ path: testInfo.outputPath('stripped-auth-badge.png') });
  await trouble.openDiagnostics();
  const finding = trouble.finding('totara.auth.header-stripped');
  await expect(finding).toContainText('never saw the Authorization header');
  await expect(finding).toContainText('CGIPassAuth On');
  // The evidence: the debugMessage quoted in the finding, and the header Lantern sent.
  await expect(finding.locator('[data-kind="response-body"] mark')).toContainText(
    'did not contain the required Authorization header',
  );
  await expect(finding.locator('[data-kind="request-header"]')).toContainText(/Authorization: Bearer ••••/);
  await lantern.page.screenshot({ path: testInfo.outputPath('stripped-auth-diagnostics.png') });
  expect(await lantern.page.content()).not.toContain(CLIENT_SECRET);
});

it('the support bundle preview shows the request and status, and no trace of the token or secret', async ({
  lantern,
  sandbox,
}, testInfo) => {
  const trouble = new Troubleshooting(lantern.page);
  await lantern.request('GET', `${sandbox.endpoints.ihasco}/users?per_page=2`);
  await trouble.registerBearer('iHASCO support canary', REST_TOKEN);
  await lantern.send();
  await expect(lantern.statusCode).toHaveText('200 OK');
  const status = '200 OK';
  await trouble.openDiagnostics();
  const markdown = await trouble.openSupportBundle('markdown');
  expect(markdown).toContain(`GET ${sandbox.endpoints.ihasco}/users?per_page=2`);
  expect(markdown).toContain(`**Status:** ${status}`);
  expect(markdown).toContain('Authorization: Bearer ••••');
  expect(markdown).toContain('iHASCO support canary');
  await lantern.page.screenshot({ path: testInfo.outputPath('support-bundle-markdown.png') });
  const har = await trouble.openSupportBundle('har');
  expect(JSON.parse(har).log.entries[0].request.url).toBe(`${sandbox.endpoints.ihasco}/users?per_page=2`);
  await lantern.page.screenshot({ path: testInfo.outputPath('support-bundle-har.png') });
  for (const text of [markdown, har, await lantern.page.content()]) {
    expect(text).not.toContain(REST_TOKEN);
    expect(text).not.toContain(CLIENT_SECRET);
  }
  await trouble.closeSupportBundle();
});

it('a failed send is explained under the error box, and can be copied for support', async ({
  lantern,
}, testInfo) => {
  const trouble = new Troubleshooting(lantern.page);
  // Port 9 (discard) is closed on loopback: the connection is refused.
  await lantern.request('GET', 'http://127.0.0.1:9/users');
  await lantern.send();
  await expect(lantern.sendError).toBeVisible();
  await expect(trouble.failureFindings).toBeVisible();
  await expect(trouble.finding('network.refused')).toBeVisible();
  await lantern.page.screenshot({ path: testInfo.outputPath('failure-findings.png') });
  await lantern.page.getByTestId('failure-support-open').click();
  await expect(trouble.supportPreview).toHaveAttribute('data-format', 'markdown');
  await expect(trouble.supportPreview).toContainText('## The request failed');
  await expect(trouble.supportPreview).toContainText('GET http://127.0.0.1:9/users');
  await trouble.closeSupportBundle();
});

it('after a success, a failed send replaces the response; the earlier one is shown only as the previous response', async ({
  lantern,
  sandbox,
}, testInfo) => {
  const trouble = new Troubleshooting(lantern.page);
  const page = lantern.page;
  await lantern.request('GET', `${sandbox.endpoints.ihasco}/users`);
  await trouble.registerBearer('iHASCO canary token', REST_TOKEN);
  await lantern.send();
  await expect(lantern.statusCode).toHaveText('200 OK');
  await lantern.request('GET', 'http://127.0.0.1:9/users');
  await lantern.send();
  await expect(lantern.sendError).toBeVisible();
  // The right pane no longer shows the 200 as if it answered this send.
  await expect(page.getByTestId('response-failed')).toContainText('No response: the last send failed');
  await expect(lantern.statusCode).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('failed-after-success.png') });
  await page.getByTestId('show-previous-response').click();
  await expect(page.getByTestId('previous-response')).toContainText('Previous response, from');
  await expect(lantern.statusCode).toHaveText('200 OK');
  await page.screenshot({ path: testInfo.outputPath('previous-response.png') });
});

it('a misspelt field in the GraphQL body mode is found in the badge, the Diagnostics tab and the support bundle', async ({
  lantern,
  sandbox,
}, testInfo) => {
  const trouble = new Troubleshooting(lantern.page);
  const graphql = new GraphqlPanel(lantern.page);
  await lantern.request('POST', sandbox.endpoints.totaraGraphql);
  await new AuthPanel(lantern.page).registerOAuthClient({
    label: 'Totara canary client',
    tokenUrl: sandbox.endpoints.totaraToken,
    clientId: sandbox.credentials.totara.clientId,
    clientSecret: CLIENT_SECRET,
  });
  await graphql.useGraphqlBody();
  // Totara drops a field it does not know and answers 200: only Lantern notices.
  await graphql.setQuery('query status {\n  totara_webapi_status {\n    status\n    statsu\n  }\n}');
  await lantern.send();
  await expect(lantern.statusCode).toHaveText('200 OK');
  await expect(trouble.badge).not.toContainText('No findings');
  await trouble.openDiagnostics();
  await expect(trouble.finding('graphql.data.field-missing')).toContainText('statsu');
  await lantern.page.screenshot({ path: testInfo.outputPath('graphql-mode-dropped-field.png') });
  const bundle = await trouble.openSupportBundle('markdown');
  expect(bundle).toContain('statsu');
  expect(bundle).not.toContain(CLIENT_SECRET);
  await trouble.closeSupportBundle();
});
