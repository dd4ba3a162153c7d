import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test as base, expect } from './fixtures';
import { GraphqlPanel } from './pages/graphql-panel';
import { LanternPage } from './pages/lantern-page';
import { WorkbenchPage } from './pages/workbench';
import { WorkspaceSidebar } from './pages/workspace-sidebar';
import { startLanternHost } from '../test-support/processes';

interface App {
  page: Page;
  workbench: WorkbenchPage;
  /** Stops browser mode and starts it again on the same data folder (a new port), and reopens the page. */
  restart: () => Promise<void>;
  /** One saved pane size (percent), as the main side wrote it to the data folder. */
  savedSize: (group: string, pane: string) => number | undefined;
}

/**
 * Each test has its own data folder and host: preferences are global to a data folder, so the
 * theme, pane sizes and collapsed sidebar these tests choose never reach another test.
 */
const test = base.extend<{ app: App }>({
  app: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const dataDir = mkdtempSync(path.join(tmpdir(), 'lantern-workbench-'));
    let host = await startLanternHost(dataDir);
    const open = async (launchUrl: string) => {
      await page.goto(launchUrl);
      await expect(page.getByTestId('url-input')).toBeVisible();
    };
    await open(host.launchUrl);
    await use({
      page,
      workbench: new WorkbenchPage(page),
      restart: async () => {
        const before = host.url;
        await page.goto('about:blank');
        await host.stop();
        host = await startLanternHost(dataDir);
        expect(host.url, 'a restart serves the page from another port').not.toBe(before);
        await open(host.launchUrl);
      },
      savedSize: (group, pane) => {
        try {
          const saved = JSON.parse(readFileSync(path.join(dataDir, 'preferences.json'), 'utf8')) as {
            paneLayouts: Record<string, Record<string, number>>;
          };
          return saved.paneLayouts[group]?.[pane];
        } catch {
          return undefined;
        }
      },
    });
    // Checked before the page closes and the host stops (whose refused calls would log errors).
    expect(errors, 'console errors').toEqual([]);
    await page.close();
    await host.stop();
  },
});

const near = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(3);

test('dragged pane sizes are kept after a reload and after a restart', async ({ app }) => {
  const { workbench, page } = app;
  await page.setViewportSize({ width: 1400, height: 900 });
  const sidebarBefore = await workbench.width(workbench.sidebarPanel);
  await workbench.savingPreferences(() => workbench.drag(workbench.sidebarSeparator, 120, 0));
  const sidebarAfter = await workbench.width(workbench.sidebarPanel);
  near(sidebarAfter, sidebarBefore + 120);

  const requestBefore = await workbench.width(workbench.requestPanel);
  await workbench.savingPreferences(() => workbench.drag(workbench.requestResponseSeparator, -150, 0));
  const requestAfter = await workbench.width(workbench.requestPanel);
  near(requestAfter, requestBefore - 150);

  await page.reload();
  await expect(workbench.requestPanel).toBeVisible();
  near(await workbench.width(workbench.sidebarPanel), sidebarAfter);
  near(await workbench.width(workbench.requestPanel), requestAfter);

  await app.restart();
  near(await workbench.width(workbench.sidebarPanel), sidebarAfter);
  near(await workbench.width(workbench.requestPanel), requestAfter);
});

test('separators are keyboard-resizable, with names', async ({ app }) => {
  const { workbench, page } = app;
  await page.setViewportSize({ width: 1400, height: 900 });
  await expect(page.getByRole('separator', { name: /Resize the sidebar/ })).toBeVisible();
  const separator = page.getByRole('separator', { name: 'Resize the request and response' });
  await expect(separator).toBeVisible();
  const before = await workbench.width(workbench.requestPanel);
  const value = Number(await separator.getAttribute('aria-valuenow'));
  await workbench.pressOn(separator, 'ArrowLeft', 5);
  const after = await workbench.width(workbench.requestPanel);
  expect(after).toBeLessThan(before - 20);
  const now = Number(await separator.getAttribute('aria-valuenow'));
  expect(now).toBeLessThan(value);
  // Saves wait for the key presses to pause: the last one is on disk before the reload.
  await expect
    .poll(() => Math.abs((app.savedSize('request-response-horizontal', 'pane-request') ?? 0) - now))
    .toBeLessThan(0.5);
  await page.reload();
  near(await workbench.width(workbench.requestPanel), after);

  await workbench.pressOn(workbench.sidebarSeparator, 'ArrowRight', 3);
  await expect.poll(() => workbench.width(workbench.sidebarPanel)).toBeGreaterThan(265);
});

test('Ctrl/Cmd+B hides and shows the sidebar; hidden, it stays hidden after a reload', async ({ app }) => {
  const { workbench, page } = app;
  const width = await workbench.width(workbench.sidebarPanel);
  await workbench.savingPreferences(() => workbench.toggleSidebarByShortcut());
  await expect(workbench.sidebar).toBeHidden();
  await expect.poll(() => workbench.width(workbench.sidebarPanel)).toBe(0);
  await expect(workbench.sidebarToggle).toHaveAccessibleName('Show sidebar');

  await page.reload();
  await expect(workbench.requestPanel).toBeVisible();
  await expect(workbench.sidebar).toBeHidden();

  await workbench.savingPreferences(() => workbench.toggleSidebarByShortcut());
  await expect(workbench.sidebar).toBeVisible();
  await expect.poll(() => workbench.width(workbench.sidebarPanel)).toBeCloseTo(width, -1);
  // The button does the same.
  await workbench.sidebarToggle.click();
  await expect(workbench.sidebar).toBeHidden();
  await workbench.sidebarToggle.click();
  await expect(workbench.sidebar).toBeVisible();
});

test('quick open finds a saved request by part of its name and opens it, and runs commands', async ({
  app,
}) => {
  const { workbench, page } = app;
  const sidebar = new WorkspaceSidebar(page);
  await sidebar.createWorkspace('Quick open');
  await sidebar.newFolder('Courses');
  await sidebar.newRequestIn('Courses', 'List course enrolments');
  await sidebar.newRequestIn('Courses', 'Create course');
  await page.getByTestId('request-tab-new').click();

  await workbench.openQuickOpen();
  await workbench.quickOpenChoose('enrol', 'List course enrolments');
  await expect(page.getByRole('tab', { selected: true, name: /List course enrolments/ })).toBeVisible();

  await workbench.openQuickOpen();
  await workbench.quickOpenInput.fill('zzzz-nothing');
  await expect(workbench.quickOpen).toContainText('Nothing matches');
  await workbench.quickOpenChoose('>theme dark', 'Switch theme: Dark');
  await expect(workbench.themeSelect).toHaveValue('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await workbench.openQuickOpen();
  await workbench.quickOpenChoose('hide sidebar', 'Hide sidebar');
  await expect(workbench.sidebar).toBeHidden();
  await workbench.openQuickOpen();
  await page.keyboard.press('Escape');
  await expect(workbench.quickOpen).toBeHidden();
  // The status bar's button opens it too, for the mouse.
  await workbench.quickOpenButton.click();
  await workbench.savingPreferences(() => workbench.quickOpenChoose('>show sidebar', 'Show sidebar'));
  await expect(workbench.sidebar).toBeVisible();
});

test('the theme switch is kept after a reload, and Monaco follows it', async ({ app }) => {
  const { workbench, page } = app;
  await page.emulateMedia({ colorScheme: 'light' });
  await new LanternPage(page).setJsonBody('{"theme": true}');
  await expect.poll(() => workbench.monacoTheme()).toBe('vs');
  const light = await workbench.bodyBackground();
  expect(light).toBe('rgb(255, 255, 255)');

  await workbench.savingPreferences(() => workbench.setTheme('dark'));
  await expect.poll(() => workbench.bodyBackground()).toBe('rgb(30, 31, 36)');
  await expect.poll(() => workbench.monacoTheme()).toBe('vs-dark');

  await page.reload();
  await expect(workbench.themeSelect).toHaveValue('dark');
  expect(await workbench.bodyBackground()).toBe('rgb(30, 31, 36)');
  // A new editor starts in the theme in force.
  await new LanternPage(page).setJsonBody('{"after": "reload"}');
  await expect.poll(() => workbench.monacoTheme()).toBe('vs-dark');

  // System follows the operating system, live.
  await workbench.savingPreferences(() => workbench.setTheme('system'));
  await expect.poll(() => workbench.bodyBackground()).toBe(light);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => workbench.bodyBackground()).toBe('rgb(30, 31, 36)');
  await expect.poll(() => workbench.monacoTheme()).toBe('vs-dark');
});

test('at 1024x768 request and response are stacked, both usable, with no horizontal overflow', async ({
  app,
  httpbin,
}) => {
  const { workbench, page } = app;
  await page.setViewportSize({ width: 1024, height: 768 });
  const lantern = new LanternPage(page);
  await lantern.request('GET', `${httpbin}/get`);
  await lantern.send();
  await expect(lantern.statusCode).toContainText('200');
  const request = await workbench.box(workbench.requestPanel);
  const response = await workbench.box(workbench.responsePanel);
  expect(response.y).toBeGreaterThanOrEqual(request.y + request.height);
  expect(request.height).toBeGreaterThan(200);
  expect(response.height).toBeGreaterThan(200);
  expect(await workbench.horizontalOverflow()).toBe(0);
  await expect(page.getByRole('separator', { name: /up and down/ })).toBeVisible();

  // Side by side by choice: still no horizontal scrollbar on the window.
  await workbench.setSplit('horizontal');
  await expect.poll(async () => (await workbench.box(workbench.responsePanel)).x).toBeGreaterThan(request.x);
  expect(await workbench.horizontalOverflow()).toBe(0);
  await workbench.setSplit('auto');
  await page.setViewportSize({ width: 1400, height: 900 });
  await expect.poll(async () => (await workbench.box(workbench.responsePanel)).x).toBeGreaterThan(request.x);
});

test('a schema diff leaves the query and variables editors their room, and opens in a dialog', async ({
  app,
}, testInfo) => {
  const { workbench, page } = app;
  await page.setViewportSize({ width: 1400, height: 900 });
  const lantern = new LanternPage(page);
  const graphql = new GraphqlPanel(page);
  await lantern.request('POST', 'http://127.0.0.1:9/graphql');
  await graphql.useGraphqlBody();
  const dir = mkdtempSync(path.join(tmpdir(), 'lantern-diff-'));
  const types = (prefix: string) =>
    Array.from({ length: 40 }, (_, i) => `type ${prefix}${i} { id: ID! name: String }`).join('\n');
  const before = path.join(dir, 'before.graphql');
  const after = path.join(dir, 'after.graphql');
  writeFileSync(before, `type Query { a: Old0 }\n${types('Old')}\n`);
  writeFileSync(after, `type Query { a: New0 }\n${types('New')}\n`);
  await graphql.loadSchemaFile(before);
  await expect(graphql.schemaStatus).toContainText('loaded from a file');
  const queryHeight = await workbench.height(graphql.query);
  await graphql.loadSchemaFile(after);
  await expect(page.getByTestId('graphql-diff-breaking-count')).toContainText('breaking');

  const withDiff = await workbench.height(graphql.query);
  expect(withDiff).toBeGreaterThan(150);
  expect(withDiff).toBeGreaterThan(queryHeight - 60);
  const variables = await workbench.box(graphql.variables);
  expect(variables.height).toBeGreaterThan(60);
  expect(variables.y + variables.height).toBeLessThanOrEqual(900);

  await graphql.showSchemaDiff();
  await expect(graphql.schemaDiff).toContainText('Old12');
  await page.screenshot({ path: testInfo.outputPath('schema-diff-dialog.png') });
  await graphql.closeSchemaDiff();

  // The query/variables split is resizable from the keyboard too, and kept.
  const query = await workbench.height(workbench.graphqlQueryPanel);
  await workbench.savingPreferences(() => workbench.pressOn(workbench.graphqlSeparator, 'ArrowDown', 4));
  expect(await workbench.height(workbench.graphqlQueryPanel)).toBeGreaterThan(query + 10);
  await page.screenshot({ path: testInfo.outputPath('schema-diff-notice.png') });
});
