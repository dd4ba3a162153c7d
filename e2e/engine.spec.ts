import { makeCertificate } from '../test-support/certificates';
import { startHttpsServer, type RunningServer } from '../test-support/servers';
import { test, expect } from './fixtures';
import { WorkspaceSidebar } from './pages/workspace-sidebar';

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

  test('each workspace has its own cookie jar, used by every tab while it is open, and clearing empties only that one', async ({
    lantern,
    httpbin,
  }, testInfo) => {
    const { page } = lantern;
    const sidebar = new WorkspaceSidebar(page);
    const suffix = Date.now().toString(36);
    const jarLabel = page.getByTestId('cookie-jar-label');
    const jarTable = page.getByTestId('cookie-jar');
    const showCookies = () => page.getByTestId('response-tab-cookies').click();
    const showBody = async () => {
      await page.getByTestId('response-tab-body').click();
      return lantern.responseText();
    };
    /** Ctrl/Cmd+S, then wait until the tab is a saved request of the open workspace. */
    const saveIntoWorkspace = async () => {
      await expect(page.locator('.request-tab.active .unsaved-dot')).toHaveCount(1);
      await sidebar.saveAsNew();
      await expect(page.locator('.request-tab.active .unsaved-dot')).toHaveCount(0);
    };

    // No workspace open: the jar of requests outside a workspace.
    await lantern.request('GET', `${httpbin}/cookies/set?scratch_c=gamma-cookie-3`);
    await lantern.send();
    await expect(lantern.statusCode).toContainText('200');
    await showCookies();
    await expect(jarLabel).toContainText('Requests outside a workspace');
    await expect(jarTable).toContainText('scratch_c');

    // Workspace A: a saved request logs in (httpbin sets a cookie, then shows the cookies it got).
    await sidebar.createWorkspace(`Cookies A ${suffix}`);
    await page.getByTestId('request-tab-new').click();
    await lantern.request('GET', `${httpbin}/cookies/set?jar_a=alpha-cookie-1`);
    await saveIntoWorkspace();
    await lantern.send();
    await expect(lantern.statusCode).toContainText('200');
    expect(await showBody()).not.toContain('scratch_c');
    await showCookies();
    await expect(jarLabel).toContainText(`Workspace "Cookies A ${suffix}"`);
    await expect(jarTable).toContainText('jar_a');
    await expect(jarTable).not.toContainText('alpha-cookie-1');

    // Workspace B: a new, unsaved tab uses B's jar, never A's. A preference such as
    // theme=dark is masked in the jar, but not in the body that shows it.
    await sidebar.createWorkspace(`Cookies B ${suffix}`);
    await page.getByTestId('request-tab-new').click();
    await lantern.request('GET', `${httpbin}/cookies/set?jar_b=beta-cookie-2&theme=dark`);
    await lantern.send();
    await expect(lantern.statusCode).toContainText('200');
    const bodyB = await showBody();
    expect(bodyB).not.toContain('jar_a');
    expect(bodyB).toMatch(/"theme": ?"dark"/);
    await showCookies();
    await expect(jarLabel).toContainText(`Workspace "Cookies B ${suffix}"`);
    await expect(jarTable).toContainText('jar_b');
    await expect(jarTable).not.toContainText('jar_a');
    await expect(jarTable).not.toContainText('dark');

    // Another new tab while B is open sends B's cookies: one jar for everything in the workspace.
    await page.getByTestId('request-tab-new').click();
    await lantern.request('GET', `${httpbin}/cookies`);
    await lantern.send();
    await expect(lantern.statusCode).toContainText('200');
    const newTabBody = await showBody();
    expect(newTabBody).toContain('jar_b');
    expect(newTabBody).not.toContain('jar_a');
    expect(newTabBody).not.toContain('scratch_c');

    // Back on A's saved request (B is open in the sidebar): A's jar is listed, and clearing empties it only.
    await page.getByTestId('request-tab-1').click();
    await showCookies();
    await expect(jarLabel).toContainText(`Workspace "Cookies A ${suffix}"`);
    await expect(jarTable).toContainText('jar_a');
    await page.screenshot({ path: testInfo.outputPath('cookie-jar-per-workspace.png') });
    await page.getByTestId('cookies-clear-all').click();
    await expect(page.getByTestId('cookies-view')).toContainText('This cookie jar is empty.');
    await page.getByTestId('request-tab-2').click();
    await showCookies();
    await expect(jarLabel).toContainText(`Workspace "Cookies B ${suffix}"`);
    await expect(jarTable).toContainText('jar_b');
  });
});
