import { test, expect } from './fixtures';
import { TestsTab } from './pages/tests-tab';
import { WorkspaceSidebar } from './pages/workspace-sidebar';

test('a test added in the Tests tab passes or fails on the response, with expected and actual', async ({
  lantern,
  httpbin,
}, testInfo) => {
  const tests = new TestsTab(lantern.page);
  await lantern.request('GET', `${httpbin}/get?who=ada`);
  await tests.open();
  await tests.addTest({ target: 'status', op: 'equals', expected: '200' });
  await tests.addTest({ target: 'jsonPath', path: '$.args.who', op: 'equals', expected: 'grace' });
  await lantern.page.screenshot({ path: testInfo.outputPath('tests-editor.png') });
  await lantern.send();
  await expect(lantern.statusCode).toHaveText('200 OK');
  await expect(tests.responseTabLabel()).toHaveText('Tests 1/2 ✗');
  await tests.showResults();
  await expect(tests.result(0)).toHaveAttribute('data-outcome', 'pass');
  await expect(tests.result(1)).toHaveAttribute('data-outcome', 'fail');
  await expect(tests.expected(1)).toHaveText('grace');
  await expect(tests.actual(1)).toContainText('ada');
  await lantern.page.screenshot({ path: testInfo.outputPath('tests-results.png') });

  // Fixed, the same request passes whole.
  await tests.open();
  await lantern.page.getByTestId('test-expected-1').fill('ada');
  await lantern.send();
  await expect(tests.responseTabLabel()).toHaveText('Tests 2/2');
});

test('a folder’s tests, added in its editor, are checked for every request in it and say where they come from', async ({
  lantern,
  httpbin,
}) => {
  const sidebar = new WorkspaceSidebar(lantern.page);
  const tests = new TestsTab(lantern.page);
  await sidebar.createWorkspace('Folder tests');
  await sidebar.newFolder('Echo');
  await sidebar.newRequestIn('Echo', 'Who');
  const editor = await tests.openFolderEditor(await sidebar.actions('Echo'));
  await tests.addTest({ target: 'jsonPath', path: '$.args.who', op: 'equals', expected: 'ada' });
  await editor.getByTestId('folder-editor-save').click();
  await expect(editor).toBeHidden();

  await sidebar.open('Who');
  await lantern.request('GET', `${httpbin}/get?who=grace`);
  await lantern.send();
  await expect(lantern.statusCode).toHaveText('200 OK');
  await expect(tests.responseTabLabel()).toHaveText('Tests 0/1 ✗');
  await tests.showResults();
  await expect(tests.result(0)).toHaveAttribute('data-outcome', 'fail');
  await expect(tests.result(0)).toContainText('(from folder Echo)');
  await expect(tests.actual(0)).toContainText('grace');

  // Reopened, the folder's editor shows the saved row: it was written to the folder's file.
  await tests.openFolderEditor(await sidebar.actions('Echo'));
  await expect(lantern.page.getByTestId('test-expected-0')).toHaveValue('ada');
});
