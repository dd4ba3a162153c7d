import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seedIhascoUsers } from '../sandbox/ihasco/data';
import { withOwnHost } from './own-host';
import { seriousViolations } from './pages/axe';
import { RunnerPage } from './pages/runner';
import { SamplePanel } from './pages/sample-panel';
import { Screens } from './pages/screens';
import { WorkspaceSidebar } from './pages/workspace-sidebar';

// axe-core is injected into the page to check the runner's accessibility.
test.use({ bypassCSP: true });

/**
 * axe's serious problems inside the runner only: the sidebar's workspace tree has its own (its
 * `<li>`s sit in `role="group"` lists), which is not this view's to fix.
 */
async function runnerViolations(page: Page): Promise<string[]> {
  const problems = await seriousViolations(page);
  const nodes = problems.flatMap((problem) => problem.nodes.map((node) => `${problem.rule}: ${node}`));
  const inRunner = await page.evaluate(
    (selectors) =>
      selectors.map((selector) => {
        const element = document.querySelector(selector.replace(/^[^:]+: /, '').split(' — ')[0] ?? '');
        return element?.closest('[data-testid="runner-view"]') !== null && element !== null;
      }),
    nodes,
  );
  return nodes.filter((_, index) => inRunner[index]);
}

const users = seedIhascoUsers();
const email = (id: number) => users.find((user) => user.id === id)?.email ?? '';

/** A folder of two requests against the sandbox's iHASCO API, written beside the saved sample's folders. */
function writeRunnerFolder(workspaceDir: string): void {
  const folder = path.join(workspaceDir, 'runner-checks');
  mkdirSync(folder);
  const auth = 'auth:\n  type: bearer\n  credentialId: sample-ihasco-token\ninheritAuth: false\n';
  writeFileSync(
    path.join(folder, '_folder.yaml'),
    'id: fld_runner\nname: Runner checks\norder:\n  - get-user.request.yaml\n  - list-users.request.yaml\n',
  );
  writeFileSync(
    path.join(folder, 'get-user.request.yaml'),
    [
      'id: req_get_user',
      'name: Get the user',
      'method: GET',
      'url: "{{base}}/ihasco/users/{{userId}}"',
      'headers: []',
      'body:\n  mode: none',
      auth,
      'tests:',
      '  - target: status\n    op: equals\n    expected: "200"',
      '  - target: jsonPath\n    path: $.data.email\n    op: equals\n    expected: "{{email}}"',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(folder, 'list-users.request.yaml'),
    [
      'id: req_list_users',
      'name: List users',
      'method: GET',
      'url: "{{base}}/ihasco/users"',
      'headers: []',
      'body:\n  mode: none',
      auth,
      'tests:',
      '  - target: status\n    op: equals\n    expected: "200"',
      '',
    ].join('\n'),
  );
}

test('a folder runs over a CSV of 3 rows: a table per iteration, a failing assertion, and a row opens its exchange', async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  await withOwnHost(page, 'runner', async ({ lantern, dataDir }) => {
    const sample = new SamplePanel(page);
    const sidebar = new WorkspaceSidebar(page);
    const runner = new RunnerPage(page);
    await sample.start();
    await page.getByTestId('sample-save').click();
    await expect(sidebar.select.locator('option:checked')).toHaveText('Sample API');
    writeRunnerFolder(path.join(dataDir, 'workspaces', 'sample-api'));
    await expect(sidebar.item('Runner checks')).toBeVisible();

    await runner.openForFolder('Runner checks');
    await expect(runner.title).toHaveText('Run Runner checks');
    expect(await runner.orderNames()).toEqual(['Get the user', 'List users']);
    await runner.chooseEnvironment('Sandbox');
    // Row 2 expects another user's email: its assertion fails, the others pass.
    await runner.useDataFile(
      'users.csv',
      `userId,email\n1001,${email(1001)}\n1002,${email(1003)}\n1003,${email(1003)}\n`,
    );
    const screens = new Screens(lantern);
    await screens.capture(info, 'runner-setup', runner.view);
    expect(await runnerViolations(page), 'axe on the runner setup').toEqual([]);
    await runner.start();

    await expect(runner.outcome).toHaveAttribute('data-outcome', 'completed');
    await expect(runner.outcome).toHaveText('Completed: 6 requests ran, 5 passed, 1 failed.');
    await expect(runner.dataSummary).toHaveText('Data file users.csv: 3 rows, columns userId, email.');
    await expect(runner.iterationTables()).toHaveCount(3);
    await expect(runner.rowResult(1, 0)).toHaveText('✓ pass');
    await expect(runner.rowAssertions(1, 0)).toHaveText('2 passed');
    await expect(runner.rowStatus(2, 0)).toHaveText('200 OK (expected: status equals 200)');
    await expect(runner.rowResult(2, 0)).toHaveText('✗ fail');
    await expect(runner.rowAssertions(2, 0)).toHaveText('1 passed, 1 failed');
    const details = await runner.expand(2, 0);
    await expect(details.getByTestId('run-row-details-2-0-expected-0')).toHaveText(email(1003));
    await expect(details.getByTestId('run-row-details-2-0-actual-0')).toContainText(email(1002));
    await screens.capture(info, 'runner-results', runner.results);
    expect(await runnerViolations(page), 'axe on the run results').toEqual([]);

    // The JUnit report is saved as a response body is: in browser mode, a download.
    const report = await runner.saveReport('junit');
    await expect(report.message).toContainText(`a download: ${report.name}`);
    expect(report.name).toMatch(/\.xml$/);
    expect(report.text).toContain('<testsuites');

    // A row opens its exchange from History; the status bar leads back to the runner.
    await runner.openExchange(2, 0);
    // History keeps the request as written; the response is the one of row 2's user.
    await expect(lantern.url).toHaveValue('{{base}}/ihasco/users/{{userId}}');
    await expect(lantern.statusCode).toHaveText('200 OK');
    expect(await lantern.responseText()).toContain(email(1002));
    await runner.showAgain();
    await expect(runner.iterationTables()).toHaveCount(3);
  });
});
