/**
 * A browser session pasted as "Copy as cURL" against the sandbox's Totara AJAX site: the cookie and
 * sesskey come from logging in to the sandbox directly (as a browser would), Lantern sends them,
 * and once the site forgets the session Lantern says so in plain words without retrying.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services/create-services';
import type { CallOutput } from '../../shared/contract';
import { dispatch } from '../../shared/dispatch';
import { chromeAjaxCurl, copyFromBrowser, startSandbox, type RunningSandbox } from '../index';

let sandbox: RunningSandbox;
const services = createServices({
  mode: 'browser',
  version: 'test',
  dataDir: mkdtempSync(path.join(tmpdir(), 'lantern-browser-session-')),
  emit: () => undefined,
});
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await services.close();
  await sandbox.close();
});

async function call<N extends Parameters<typeof dispatch>[1]>(name: N, input: unknown) {
  const result = await dispatch(services.handlers, name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as CallOutput<N & keyof typeof services.handlers>;
}

/** Logs in like a browser, through the sandbox's own helper. */
async function browserLogin(): Promise<{ cookie: string; sesskey: string }> {
  const { cookie, sesskey } = await copyFromBrowser(sandbox);
  expect(cookie).toMatch(/=/);
  expect(sesskey).not.toBe('');
  return { cookie, sesskey };
}

const chromeCurl = (cookie: string, sesskey: string) => chromeAjaxCurl(sandbox.endpoints, cookie, sesskey);

describe('a browser session pasted as cURL, against the sandbox AJAX site', () => {
  it('makes AJAX calls succeed, and says plainly when the session has ended, with no retry', async () => {
    const { cookie, sesskey } = await browserLogin();
    const { credential, notes } = await call('credentialFromCurl', {
      label: 'Sandbox (Chrome)',
      text: chromeCurl(cookie, sesskey),
    });
    expect(credential).toMatchObject({ kind: 'browserSession', label: 'Sandbox (Chrome)' });
    expect(notes).toEqual([expect.stringMatching(/^Kept 1 cookie \(/)]);
    expect(JSON.stringify(credential)).not.toContain(sesskey);

    const send = (requestId: string) =>
      call('send', {
        requestId,
        draft: {
          method: 'POST',
          url: sandbox.endpoints.ajaxGraphql,
          headers: [],
          body: { mode: 'json', text: '{"operationName":"totara_webapi_status","variables":{}}' },
          auth: { type: 'browserSession', credentialId: credential.id },
        },
      });

    const ok = await send('pasted-1');
    expect(JSON.parse(ok.response.body.text).data.totara_webapi_status.status).toBe('ok');
    expect(ok.auth?.steps).toEqual([
      'Sent the cookie and the X-Totara-Sesskey header of the browser session pasted into Sandbox (Chrome). Lantern cannot renew it: when it expires, paste a fresh "Copy as cURL".',
    ]);
    // The timeline never shows the pasted values.
    expect(JSON.stringify(ok.request.headers)).not.toContain(sesskey);
    expect(JSON.stringify(ok.request.headers)).not.toContain(cookie.split('=')[1] ?? '');

    sandbox.reset(); // the site forgets every session, as when the browser logs out
    const ended = await send('pasted-2');
    expect(ended.response.body.text).toMatch(/require_login/);
    expect(ended.auth?.steps).toHaveLength(1); // no blind retry: there is no login to redo
    const finding = ended.findings?.find((f) => f.id === 'totara.ajax.not-logged-in');
    expect(finding?.explanation).toMatch(
      /^The browser session pasted into Sandbox \(Chrome\) has expired or its sesskey is no longer valid/,
    );
    expect(finding?.fix).toMatch(/^Copy a fresh "Copy as cURL" from the logged-in browser/);

    // A fresh paste into the same credential brings it back.
    const fresh = await browserLogin();
    await call('credentialFromCurl', {
      id: credential.id,
      label: 'Sandbox (Chrome)',
      text: chromeCurl(fresh.cookie, fresh.sesskey),
    });
    const again = await send('pasted-3');
    expect(JSON.parse(again.response.body.text).data.totara_webapi_status.status).toBe('ok');
  });

  it('refuses a command without a cookie in plain words', async () => {
    await expect(
      call('credentialFromCurl', {
        label: 'x',
        text: `curl '${sandbox.endpoints.ajaxGraphql}' -H 'x-totara-sesskey: abc'`,
      }),
    ).rejects.toThrow(/The session was not saved\. The command carries no cookie/);
  });
});
