import { test, expect } from './fixtures';
import { TestsTab } from './pages/tests-tab';

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
