import { test as base, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LanternPage } from './pages/lantern-page';
import { TabStrip } from './pages/tabs';
import { WorkspaceSidebar } from './pages/workspace-sidebar';
import { httpbinUrl, withOwnHost } from './own-host';

interface Fixtures {
  /** A browser-mode Lantern of this test's own, on an empty data folder (no workspace yet). */
  app: { lantern: LanternPage; sidebar: WorkspaceSidebar; tabs: TabStrip; dataDir: string };
  httpbin: string;
}

const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  httpbin: async ({}, use) => use(httpbinUrl()),
  app: ({ page }, use) =>
    withOwnHost(page, 'tabs', ({ lantern, dataDir }) =>
      use({ lantern, sidebar: new WorkspaceSidebar(page), tabs: new TabStrip(page), dataDir }),
    ),
});

/** The text of every saved request file under the data folder's workspaces. */
function requestFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'workspaces');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.request.yaml'),
  );
  return files.map((f) => readFileSync(path.join(root, f), 'utf8'));
}

test('a saved request with unsaved edits asks before closing: Cancel keeps, Don’t save discards, Save writes', async ({
  app,
  httpbin,
}, info) => {
  const { lantern, sidebar, tabs, dataDir } = app;
  await sidebar.createWorkspace('Guarded');
  await sidebar.page.getByTestId('ws-new-request').click();
  await sidebar.rename('New request', 'Echo');
  await lantern.request('GET', `${httpbin}/anything/first`);
  await expect(tabs.unsavedDot(0)).toBeVisible();

  // Cancel: the tab stays, with its edits.
  await tabs.close(0);
  await expect(tabs.unsavedDialog).toContainText('Save changes to “Echo”?');
  await info.attach('unsaved', { body: await lantern.page.screenshot(), contentType: 'image/png' });
  await tabs.answerUnsaved('cancel');
  await expect(tabs.all).toHaveCount(1);
  await expect(lantern.url).toHaveValue(`${httpbin}/anything/first`);

  // Don't save (through Ctrl/Cmd+W, the same guard): closed, and the file keeps what it had.
  await tabs.closeActiveByKey();
  await tabs.answerUnsaved('discard');
  await sidebar.open('Echo');
  await expect(lantern.url).toHaveValue('');
  expect(requestFiles(dataDir).join('\n')).not.toContain('/anything/first');

  // Save: written to its own file, then closed.
  await lantern.request('POST', `${httpbin}/anything/second`);
  await tabs.close(0);
  await tabs.answerUnsaved('save');
  await expect(tabs.all).toHaveCount(1);
  await expect(lantern.url).toHaveValue('');
  await expect.poll(() => requestFiles(dataDir).join('\n')).toContain('/anything/second');
  await sidebar.open('Echo');
  await expect(lantern.url).toHaveValue(`${httpbin}/anything/second`);
});

test('a new request asks too; Save goes through “Save as”, whose Cancel keeps the tab', async ({
  app,
  httpbin,
}) => {
  const { lantern, sidebar, tabs, dataDir } = app;
  await sidebar.createWorkspace('New ones');
  await lantern.request('GET', `${httpbin}/anything/orders?page=2`);
  await tabs.close(0);
  await expect(tabs.unsavedItems).toHaveText([`GET ${httpbin}/anything/orders?page=2 (new)`]);
  await expect(tabs.unsavedDialog).toContainText('Save asks for its name and where to put it');
  await tabs.answerUnsaved('save');
  await expect(tabs.saveAsName).toHaveValue('orders');
  await expect(tabs.saveAsDialog.getByTestId('save-as-submit')).toHaveText('Save and close');
  await tabs.cancelSaveAs();
  await expect(tabs.all).toHaveCount(1);
  await expect(lantern.url).toHaveValue(`${httpbin}/anything/orders?page=2`);
  await expect(tabs.unsavedDot(0)).toBeVisible();

  await tabs.close(0);
  await tabs.answerUnsaved('save');
  await tabs.submitSaveAs();
  await expect(lantern.url).toHaveValue('');
  await expect(sidebar.item('orders')).toBeVisible();
  expect(requestFiles(dataDir).join('\n')).toContain('/anything/orders?page=2');

  // Don't save on a new request: gone, nothing written.
  await lantern.request('GET', `${httpbin}/anything/dropped`);
  await tabs.close(0);
  await tabs.answerUnsaved('discard');
  await expect(lantern.url).toHaveValue('');
  expect(requestFiles(dataDir).join('\n')).not.toContain('dropped');
});

test('“Save as” proposes a readable name, keeps a long one whole on disk, and warns of a duplicate', async ({
  app,
  httpbin,
}, info) => {
  const { lantern, sidebar, tabs, dataDir } = app;
  // No workspace yet: the dialog says where it can save and offers a new one.
  await lantern.request('GET', `${httpbin}/anything?who={{who}}&n={{n}}`);
  await sidebar.save();
  await expect(tabs.saveAsName).toHaveValue('anything');
  await expect(tabs.saveAsWorkspaceNote).toContainText('No workspace is open');
  await expect(tabs.saveAsDialog.getByTestId('save-as-submit')).toBeDisabled();
  const longName = `List every order of every customer ${'with all their line items '.repeat(4)}— ${'x'.repeat(40)}`;
  await tabs.saveAsName.fill(longName);
  await tabs.saveAsNewWorkspace.fill('Shop');
  await lantern.page.screenshot({ path: info.outputPath('save-as-no-workspace.png') });
  await tabs.submitSaveAs();
  await expect(sidebar.select.locator('option:checked')).toHaveText('Shop');
  await expect(tabs.unsavedDot(0)).toHaveCount(0);
  await expect(tabs.activeTab()).toHaveAccessibleName(new RegExp(`^GET ${longName.slice(0, 30)}`));
  const onDisk = requestFiles(dataDir);
  expect(onDisk).toHaveLength(1);
  expect(onDisk[0]).toContain(longName);

  // The same name again, in the same folder: allowed, and said.
  await sidebar.page.getByTestId('ws-new-folder').click();
  await sidebar.rename('New folder', 'Archive');
  await tabs.newTab();
  await lantern.request('GET', `${httpbin}/anything/other`);
  await sidebar.save();
  await expect(tabs.saveAsWorkspace.locator('option:checked')).toHaveText('Shop (open)');
  await tabs.saveAsName.fill(longName);
  await expect(tabs.saveAsDuplicate).toContainText('already exists in Shop (top level)');
  await lantern.page.screenshot({ path: info.outputPath('save-as-duplicate.png') });
  await tabs.saveAsFolder.selectOption({ label: 'Archive' });
  await expect(tabs.saveAsDuplicate).toHaveCount(0);
  await tabs.saveAsFolder.selectOption({ label: 'Shop (top level)' });
  await tabs.submitSaveAs();
  await expect.poll(() => requestFiles(dataDir).filter((f) => f.includes(longName)).length).toBe(2);
});

test('close others asks once, listing the unsaved tabs', async ({ app, httpbin }) => {
  const { lantern, tabs } = app;
  await lantern.request('GET', `${httpbin}/anything/one`);
  await tabs.newTab();
  await lantern.request('GET', `${httpbin}/anything/two`);
  await tabs.newTab();
  await tabs.menuAction(2, 'close-others');
  await expect(tabs.unsavedDialog).toContainText('Save changes to 2 requests?');
  await expect(tabs.unsavedItems).toHaveText([/\/anything\/one/, /\/anything\/two/]);
  await tabs.answerUnsaved('discard');
  await expect(tabs.all).toHaveCount(1);
  await expect(lantern.url).toHaveValue('');
  // Focus does not fall to the page: it is on the tab that stays.
  await expect(tabs.tab(0)).toBeFocused();
});

test('history and sidebar open into one preview tab until it is edited or double-clicked', async ({
  app,
  httpbin,
}) => {
  const { lantern, sidebar, tabs } = app;
  const history = (index: number) => lantern.page.getByTestId(`history-item-${index}`);
  for (const name of ['alpha', 'beta', 'gamma']) {
    await lantern.request('GET', `${httpbin}/anything/${name}`);
    await lantern.send();
    await expect(lantern.statusCode).toHaveText('200 OK');
  }
  await expect(history(2)).toBeVisible();
  // The tab that sent them is kept: the previews open beside it.

  await history(0).click();
  await expect(tabs.all).toHaveCount(2);
  expect(await tabs.isPreview(1)).toBe(true);
  await expect(tabs.tab(1).locator('.tab-title')).toHaveCSS('font-style', 'italic');
  await history(1).click();
  await expect(tabs.all).toHaveCount(2);
  await expect(lantern.url).toHaveValue(`${httpbin}/anything/beta`);

  // Double-click pins it: the next one opens in a new preview tab.
  await tabs.doubleClick(1);
  expect(await tabs.isPreview(1)).toBe(false);
  await history(2).click();
  await expect(tabs.all).toHaveCount(3);
  // Editing pins it too.
  await lantern.url.fill(`${httpbin}/anything/alpha-edited`);
  expect(await tabs.isPreview(2)).toBe(false);
  await history(0).click();
  await expect(tabs.all).toHaveCount(4);

  // The sidebar: two requests opened one after the other share the preview tab.
  await sidebar.createWorkspace('Previews');
  for (const name of ['First', 'Second']) {
    await sidebar.page.getByTestId('ws-new-request').click();
    await sidebar.rename('New request', name);
  }
  // New requests open in tabs of their own: close those to open them again from the sidebar.
  const count = (await tabs.all.count()) - 2;
  await tabs.menuAction(count - 1, 'close-right');
  await expect(tabs.all).toHaveCount(count);
  // The last history entry opened is still the preview: the sidebar's requests take its place.
  expect(await tabs.isPreview(count - 1)).toBe(true);
  await sidebar.open('First');
  await expect(tabs.activeTab()).toHaveAccessibleName('GET First, preview');
  await sidebar.open('Second');
  await expect(tabs.activeTab()).toHaveAccessibleName('GET Second, preview');
  await expect(tabs.all).toHaveCount(count);
  await sidebar.item('Second').dblclick();
  await expect(tabs.activeTab()).toHaveAccessibleName('GET Second');
  await sidebar.open('First');
  await expect(tabs.all).toHaveCount(count + 1);
});

test('middle-click closes, drag reorders, the dot marks unsaved changes', async ({ app, httpbin }, info) => {
  const { lantern, tabs } = app;
  await lantern.request('GET', `${httpbin}/anything/a`);
  await expect(tabs.unsavedDot(0)).toBeVisible();
  for (const name of ['b', 'c']) {
    await tabs.newTab();
    await lantern.request('GET', `${httpbin}/anything/${name}`);
  }
  await tabs.newTab(); // clean: closes without a question
  await expect(tabs.unsavedDot(3)).toHaveCount(0);
  await lantern.page.screenshot({ path: info.outputPath('tab-strip.png') });
  await tabs.middleClick(3);
  await expect(tabs.unsavedDialog).toHaveCount(0);
  await expect(tabs.all).toHaveCount(3);

  await tabs.drag(0, 2);
  await expect.poll(() => tabs.titles()).toEqual(['/anything/b', '/anything/c', '/anything/a']);
  await tabs.drag(2, 0);
  await expect.poll(() => tabs.titles()).toEqual(['/anything/b', '/anything/a', '/anything/c']);

  // Middle-click on an unsaved tab asks, like every other close.
  await tabs.middleClick(1);
  await tabs.answerUnsaved('discard');
  await expect.poll(() => tabs.titles()).toEqual(['/anything/b', '/anything/c']);
});

test('the tab menu: by mouse and by keyboard, with its actions', async ({ app, httpbin }) => {
  const { lantern, sidebar, tabs } = app;
  await sidebar.createWorkspace('Menus');
  await sidebar.newFolder('Deep');
  await sidebar.newRequestIn('Deep', 'Inside');
  await lantern.request('GET', `${httpbin}/anything/inside`);
  await sidebar.save();
  await expect(tabs.unsavedDot(0)).toHaveCount(0);

  // Duplicate: a new, unsaved copy beside it.
  await tabs.menuAction(0, 'duplicate');
  await expect(tabs.all).toHaveCount(2);
  await expect(tabs.activeTab()).toHaveAttribute('data-testid', 'request-tab-1');
  await expect(lantern.url).toHaveValue(`${httpbin}/anything/inside`);
  await expect(tabs.unsavedDot(1)).toBeVisible();

  // Keyboard: Shift+F10 opens it on the first item; arrows move; Esc closes and gives focus back.
  const menu = await tabs.openMenuByKeyboard(1);
  await expect(tabs.menuItem('close')).toBeFocused();
  await lantern.page.keyboard.press('ArrowUp');
  await expect(tabs.menuItem('reveal')).toBeFocused();
  await expect(tabs.menuItem('reveal')).toHaveAttribute('aria-disabled', 'true');
  await lantern.page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(tabs.tab(1)).toBeFocused();

  // Reveal in sidebar: the folder opens and the request's row takes focus.
  await sidebar.page
    .getByTestId(/^ws-folder-/)
    .first()
    .click(); // collapse "Deep"
  await expect(sidebar.item('Inside')).toHaveCount(0);
  await tabs.menuAction(0, 'reveal');
  await expect(sidebar.item('Inside')).toBeFocused();

  // Close to the right, by keyboard: Enter runs the focused item.
  await tabs.openMenuByKeyboard(0);
  await lantern.page.keyboard.press('ArrowDown');
  await lantern.page.keyboard.press('ArrowDown');
  await expect(tabs.menuItem('close-right')).toBeFocused();
  await lantern.page.keyboard.press('Enter');
  await tabs.answerUnsaved('discard');
  await expect(tabs.all).toHaveCount(1);
  await expect(tabs.activeTab()).toHaveAccessibleName('GET Inside');

  // Close all.
  await tabs.menuAction(0, 'close-all');
  await expect(tabs.all).toHaveCount(1);
  await expect(lantern.url).toHaveValue('');
});

test('many tabs scroll under the strip, which keeps the active tab in view (Home/End/arrows)', async ({
  app,
  httpbin,
}) => {
  const { lantern, tabs } = app;
  for (let i = 0; i < 14; i++) {
    if (i > 0) await tabs.newTab();
    await lantern.request('GET', `${httpbin}/anything/a-fairly-long-resource-name-${i}`);
  }
  await expect(tabs.all).toHaveCount(14);
  expect(await tabs.overflows()).toBe(true);
  // The strip stays one row of tabs: no scrollbar laid over them, no second row.
  expect(await tabs.stripHeight()).toBeLessThan(48);
  await expect(tabs.tab(13)).toBeInViewport();
  await tabs.tab(13).focus();
  await lantern.page.keyboard.press('Home');
  await expect(tabs.tab(0)).toBeFocused();
  await expect(tabs.tab(0)).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.tab(0)).toBeInViewport();
  await expect(tabs.tab(13)).not.toBeInViewport();
  await lantern.page.keyboard.press('ArrowLeft'); // wraps to the last
  await expect(tabs.tab(13)).toBeFocused();
  await expect(tabs.tab(13)).toBeInViewport();
  await expect(lantern.url).toHaveValue(`${httpbin}/anything/a-fairly-long-resource-name-13`);
});
