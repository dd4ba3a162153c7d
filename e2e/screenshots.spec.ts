import { readdirSync } from 'node:fs';
import { test, expect } from './fixtures';
import { looks, Screens } from './pages/screens';

// Every main screen at 1024x768, 1400x900 and 1920x1080, light and dark, saved as artifacts
// (test-results/screenshots-*/): one page, brought to each screen once, then resized and re-themed.
/** The shots of one test: every screen it captured, in every look. */
function shotsIn(outputDir: string): string[] {
  return readdirSync(outputDir).filter((file) => /-\d+x\d+-(light|dark)\.png$/.test(file));
}

// Two tests, so the two workers share the work: the response screens, then the dialogs.
test('every response screen, at three sizes, light and dark', async ({ lantern, httpbin }, info) => {
  test.setTimeout(300_000);
  const screens = new Screens(lantern);

  await screens.capture(info, 'first-launch');
  await screens.rateLimitedResponse();
  await screens.capture(info, 'rest-response');
  await screens.responsePart('headers');
  await screens.capture(info, 'headers');
  await screens.responsePart('timeline');
  await screens.capture(info, 'timeline');

  await screens.sendNew('GET', `${httpbin}/redirect/3`, '200 OK');
  await screens.responsePart('timeline');
  await screens.capture(info, 'timeline-redirects');

  await screens.sendNew('GET', `${httpbin}/status/429`, '429 Too Many Requests');
  await screens.responsePart('diagnostics');
  await screens.capture(info, 'diagnostics');
  await screens.openSupportBundle();
  await screens.capture(info, 'dialog-support');
  await screens.closeDialog();

  await screens.failedSend('http://127.0.0.1:9/unreachable');
  await screens.capture(info, 'send-failed');
  await screens.showHistory();
  await screens.capture(info, 'history');

  await screens.graphqlDocs('core_user_create');
  await screens.capture(info, 'graphql-docs', screens.page.getByTestId('graphql-docs'));
  expect(shotsIn(info.outputDir)).toHaveLength(10 * looks().length);
});

test('every dialog, at three sizes, light and dark', async ({ lantern, httpbin }, info) => {
  test.setTimeout(300_000);
  const screens = new Screens(lantern);
  await screens.page.getByTestId('new-request').click();
  await screens.openCredentialDialog('oauth2');
  await screens.capture(info, 'dialog-credential');
  await screens.closeDialog();
  await screens.openCredentialDialog('browserSession');
  await screens.capture(info, 'dialog-browser-session');
  await screens.closeDialog();
  await screens.page.getByTestId('auth-type').selectOption('none');
  await screens.openEnvironmentEditor();
  await screens.capture(info, 'dialog-environments');
  await screens.closeDialog();

  await screens.sidebar.createWorkspace('Screens');
  await screens.sidebar.newFolder('Echo');
  await screens.openFolderEditor('Echo');
  await screens.capture(info, 'dialog-folder');
  await screens.closeDialog();
  await screens.openImport(`curl '${httpbin}/post' --data-raw '{"a":1}'`);
  await screens.capture(info, 'dialog-import');
  await screens.closeDialog();
  await lantern.request('GET', `${httpbin}/get`);
  await screens.openExport();
  await screens.capture(info, 'dialog-export');
  await screens.closeDialog();
  expect(shotsIn(info.outputDir)).toHaveLength(6 * looks().length);
});
