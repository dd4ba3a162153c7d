import { test as base, expect } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { LanternPage } from './pages/lantern-page';
import { SessionView } from './pages/session';
import { httpbinUrl, withOwnHost } from './own-host';

interface Fixtures {
  /** A browser-mode Lantern on a data folder of this test's own, that can be restarted. */
  app: { lantern: LanternPage; session: SessionView; restart: () => Promise<void> };
  httpbin: string;
}

const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  httpbin: async ({}, use) => use(httpbinUrl()),
  app: ({ page }, use) =>
    withOwnHost(page, 'session', ({ lantern, dataDir, restart }) =>
      use({ lantern, session: new SessionView(page, dataDir), restart }),
    ),
});

test('a reload keeps the open tabs, their order, the active one, an unsaved draft and the response part', async ({
  app,
  httpbin,
}, info) => {
  const { lantern, session, page } = { ...app, page: app.lantern.page };
  await lantern.request('GET', `${httpbin}/get?first=1`);
  await lantern.send();
  await expect(lantern.statusCode).toContainText('200');
  await lantern.showResponseHeaders();
  await page.getByTestId('request-tab-new').click();
  await lantern.request('POST', `${httpbin}/anything/second`);
  await lantern.setJsonBody('{"draft": "not saved"}');
  await session.tab(0).click();
  await session.savedWith('"responsePart": "headers"');
  await session.savedWith('not saved');

  await page.reload();
  await expect(lantern.url).toBeVisible();
  await expect
    .poll(() => session.tabTitles())
    .toEqual([expect.stringContaining('/get?first=1'), expect.stringContaining('/anything/second')]);
  await expect(session.tab(0)).toHaveAttribute('aria-selected', 'true');
  await expect(lantern.url).toHaveValue(`${httpbin}/get?first=1`);
  // The response was not kept: the tab says so, and names the part it will open on.
  await expect(session.notSentSinceRestart).toContainText('Not sent since Lantern restarted');
  await expect(session.notSentSinceRestart).toContainText('Headers tab');
  await page.screenshot({ path: info.outputPath('not-sent-since-restart.png') });
  await lantern.send();
  await expect(lantern.statusCode).toContainText('200');
  await expect(session.responsePart('headers')).toHaveAttribute('aria-selected', 'true');

  // The second tab kept its unsaved draft (body and method), and its unsaved mark.
  await session.tab(1).click();
  await expect(lantern.method).toHaveValue('POST');
  await expect(page.getByTestId('request-tab-1-unsaved')).toBeVisible();
  await lantern.send();
  expect(await lantern.responseText()).toContain('not saved');
});

test('a secret typed inline is never written to the session file, and the restored tab says which field lost it', async ({
  app,
  httpbin,
}, info) => {
  const { lantern, session } = app;
  const secret = 'typed-inline-secret-a1b2c3d4';
  await lantern.request('GET', `${httpbin}/headers?api_key=url-secret-9f8e7d6c`);
  await lantern.setHeader(0, 'Authorization', `Bearer ${secret}`);
  await lantern.setHeader(1, 'X-Plain', 'kept');
  const text = await session.savedWith('X-Plain');
  expect(text).not.toContain(secret);
  expect(text).not.toContain('a1b2c3d4');
  expect(text).not.toContain('url-secret-9f8e7d6c');
  expect(text).toContain('the header \\"Authorization\\"');

  await app.restart();
  await expect(session.removedSecrets).toContainText(
    'the query parameter "api_key" and the header "Authorization"',
  );
  await expect(session.removedSecrets).toContainText('secrets stay in the vault');
  for (const [width, height] of [
    [1024, 768],
    [1400, 900],
    [1920, 1080],
  ] as const)
    for (const colorScheme of ['light', 'dark'] as const) {
      await app.lantern.page.setViewportSize({ width, height });
      await app.lantern.page.emulateMedia({ colorScheme });
      await app.lantern.page.screenshot({
        path: info.outputPath(`removed-secrets-${width}-${colorScheme}.png`),
      });
    }
  await session.showHeaders();
  await expect(session.headerValue(0)).toHaveValue('');
  await expect(session.headerValue(1)).toHaveValue('kept');
  // What is sent is what the tab shows: no mask, no old value.
  await lantern.send();
  const echoed = await lantern.responseText();
  expect(echoed).not.toContain('••••');
  expect(echoed).not.toContain(secret);

  // Typing the values again clears the note.
  await lantern.url.fill(`${httpbin}/headers?api_key={{key}}`);
  await session.headerValue(0).fill('Bearer {{token}}');
  await expect(session.removedSecrets).toBeHidden();
});

test('an unreadable session file is reported and kept aside; Lantern starts with a new session', async ({
  app,
}) => {
  const { lantern, session } = app;
  await lantern.url.fill('https://example.test/one');
  await session.savedWith('example.test/one');
  writeFileSync(path.join(session.dataDir, 'session.json'), '{"version": 1, "session": {');
  await app.restart();
  await expect(session.problem).toContainText('The last session could not be restored');
  await expect(session.problem).toContainText('session.json.unreadable-');
  await expect(lantern.url).toHaveValue('');
});
