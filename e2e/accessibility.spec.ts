import { test, expect } from './fixtures';
import { expectAccessible } from './pages/axe';
import { Screens } from './pages/screens';

// axe-core on the main screens and every dialog, light and dark: no critical or serious violation
// (colour contrast included). The app's CSP would refuse the injected axe script, so it is bypassed here.
test.use({ bypassCSP: true, viewport: { width: 1400, height: 900 } });

test('the main screens and every dialog pass axe in light and dark', async ({ lantern, httpbin }) => {
  test.setTimeout(300_000);
  const screens = new Screens(lantern);
  const page = lantern.page;
  await expectAccessible(page, 'first launch');

  await screens.rateLimitedResponse();
  await expectAccessible(page, 'REST response with a rate-limit gauge');
  await screens.responsePart('headers');
  await expectAccessible(page, 'Headers');
  await screens.responsePart('timeline');
  await expectAccessible(page, 'Timeline');

  await screens.sendNew('GET', `${httpbin}/status/429`, '429 Too Many Requests');
  await screens.responsePart('diagnostics');
  await expectAccessible(page, 'Diagnostics with findings');
  await screens.openSupportBundle();
  await expectAccessible(page, 'Copy for support dialog');
  await screens.closeDialog();

  await screens.failedSend('http://127.0.0.1:9/unreachable');
  await expectAccessible(page, 'a failed send');

  await screens.graphqlDocs('core_user');
  await expectAccessible(page, 'GraphQL schema docs');
  await screens.graphql.openQueryView();
  await expectAccessible(page, 'GraphQL query editor');

  await page.getByTestId('new-request').click();
  await screens.openCredentialDialog('oauth2');
  await expectAccessible(page, 'credential dialog');
  await screens.closeDialog();
  await screens.openCredentialDialog('browserSession');
  await expectAccessible(page, 'browser session dialog');
  await screens.closeDialog();
  await page.getByTestId('auth-type').selectOption('none');
  await screens.openEnvironmentEditor();
  await expectAccessible(page, 'environment editor');
  await screens.closeDialog();

  await screens.sidebar.createWorkspace('Axe');
  await screens.sidebar.newFolder('Echo');
  await screens.openFolderEditor('Echo');
  await expectAccessible(page, 'folder editor');
  await screens.closeDialog();
  await screens.openImport(`curl '${httpbin}/post' --data-raw '{"a":1}'`);
  await expectAccessible(page, 'import dialog');
  await screens.closeDialog();
  await lantern.request('GET', `${httpbin}/get`);
  await screens.openExport();
  await expectAccessible(page, 'export dialog');
  await screens.closeDialog();
});

test('tabs move with the arrow keys, Home and End, and dialogs give focus back', async ({
  lantern,
  httpbin,
}) => {
  const screens = new Screens(lantern);
  const page = lantern.page;
  await screens.sendNew('GET', `${httpbin}/get`, '200 OK');
  const body = page.getByTestId('response-tab-body');
  await body.click();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('response-tab-headers')).toBeFocused();
  await expect(page.getByTestId('response-tab-headers')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: /Headers/ })).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.getByTestId('response-tab-tokens')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(body).toBeFocused();
  await expect(body).toHaveAttribute('tabindex', '0');
  await expect(page.getByTestId('response-tab-headers')).toHaveAttribute('tabindex', '-1');

  const opener = page.getByTestId('environment-manage');
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('environment-editor');
  await expect(dialog).toBeVisible();
  // Focus stays inside the open dialog however far Tab goes.
  for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
  expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(opener).toBeFocused();
});
