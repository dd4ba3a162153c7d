import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import chromeBash from '../../../shared/curl/fixtures/chrome-totara-ajax.bash.txt?raw';
import firefoxBash from '../../../shared/curl/fixtures/firefox-totara-ajax.bash.txt?raw';
import { dispatch } from '../../../shared/dispatch';
import type { CredentialSummary } from '../../../shared/model/auth';
import type { RequestDraft } from '../../../shared/model/request';
import type { WorkspaceView } from '../../../shared/calls/workspace-calls';
import { createServices } from '../create-services';
import { startHttpServer, type RunningServer } from '../../../test-support/servers';

let dataDir: string;
let services: ReturnType<typeof createServices>;

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatch(services.handlers, name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Where the save dialog answers the user chose to save (the desktop app's dialog, faked). */
let saveAs: string | undefined;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'lantern-exchange-'));
  await mkdir(path.join(dataDir, 'out'));
  services = createServices({
    mode: 'desktop',
    version: 'test',
    dataDir,
    emit: () => undefined,
    dialogs: {
      openFile: async () => undefined,
      openFolder: async () => undefined,
      saveFile: async () => saveAs,
    },
  });
});

afterEach(async () => {
  await services.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Every file under a folder, as one string, to scan for secrets. */
async function everything(dir: string): Promise<string> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = names.filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
  return (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n');
}

describe('pasting a cURL command with a bearer token', () => {
  const withToken = (token: string) =>
    `curl 'https://api.example.com/v1/users' -H 'Authorization: Bearer ${token}'`;
  const credentialOf = (draft: RequestDraft) => (draft.auth.type === 'bearer' ? draft.auth.credentialId : '');
  const reveal = async (id: string) =>
    (await call<{ value: string }>('revealSecret', { credentialId: id })).value;

  it('never changes what other requests send: another token becomes another credential, said so', async () => {
    const first = await call<{ draft: RequestDraft; notes: string[] }>('curlToDraft', {
      text: withToken('tokenAAAA1111aaaa'),
    });
    const second = await call<{ draft: RequestDraft; notes: string[] }>('curlToDraft', {
      text: withToken('tokenBBBB2222bbbb'),
    });
    expect(credentialOf(second.draft)).not.toBe(credentialOf(first.draft));
    expect(await reveal(credentialOf(first.draft))).toBe('tokenAAAA1111aaaa');
    expect(await reveal(credentialOf(second.draft))).toBe('tokenBBBB2222bbbb');
    expect(second.notes.join(' ')).toMatch(
      /new credential "Pasted token for api.example.com \(2\)".*"Pasted token for api.example.com" already holds another token and was left as it is/,
    );
    const summaries = await call<CredentialSummary[]>('listCredentials', {});
    const preview = (id: string) => summaries.find((c) => c.id === id)?.secretPreview;
    expect(preview(credentialOf(first.draft))).toBe('••••aaaa');
    expect(preview(credentialOf(second.draft))).toBe('••••bbbb');
    // The first token pasted again is the credential that already holds it.
    const again = await call<{ draft: RequestDraft; notes: string[] }>('curlToDraft', {
      text: withToken('tokenAAAA1111aaaa'),
    });
    expect(credentialOf(again.draft)).toBe(credentialOf(first.draft));
    expect(again.notes.join(' ')).toMatch(
      /is the one already kept as the credential "Pasted token for api.example.com"/,
    );
  });
});

describe('pasting a cURL command whose Basic login cannot be read', () => {
  it('names no credential, keeps none, and says why the request sends no Authorization', async () => {
    const before = await call<CredentialSummary[]>('listCredentials', {});
    const pasted = await call<{ draft: RequestDraft; notes: string[] }>('curlToDraft', {
      text: "curl 'https://api.example.com/v1/users' -H 'Authorization: Basic !!not*base64!!'",
    });
    expect(pasted.draft.auth).toEqual({ type: 'none' });
    expect(pasted.draft.headers.some((h) => h.name.toLowerCase() === 'authorization')).toBe(false);
    expect(pasted.notes.join(' ')).toMatch(/not valid base64 .*sends no Authorization header/);
    expect(await call<CredentialSummary[]>('listCredentials', {})).toHaveLength(before.length);
  });
});

describe('pasting a browser "Copy as cURL" into the URL bar', () => {
  const ajax = (cookie: string, sesskey?: string) =>
    `curl 'https://learn.example.com/totara/webapi/ajax.php' -H 'cookie: ${cookie}'` +
    (sesskey ? ` -H 'x-totara-sesskey: ${sesskey}'` : '') +
    ` --data-raw '{"operationName":"x","variables":{}}'`;
  const reveal = async (id: string) =>
    (await call<{ value: string }>('revealSecret', { credentialId: id })).value;

  it('never overwrites one of several sessions for a site (an admin and a learner login) by guessing', async () => {
    const admin = await call<{ credential: CredentialSummary }>('credentialFromCurl', {
      label: 'Admin',
      text: ajax('TotaraSession=admin0000session1111', 'adminSesskey99'),
    });
    const learner = await call<{ credential: CredentialSummary }>('credentialFromCurl', {
      label: 'Learner',
      text: ajax('TotaraSession=learner000session222', 'learnerSesskey9'),
    });
    const pasted = await call<{ draft: RequestDraft; notes: string[] }>('curlToDraft', {
      text: ajax('TotaraSession=fresh0000session3333', 'freshSesskey77'),
    });
    const id = pasted.draft.auth.type === 'browserSession' ? pasted.draft.auth.credentialId : '';
    expect([admin.credential.id, learner.credential.id]).not.toContain(id);
    expect(pasted.notes.join(' ')).toMatch(/several browser sessions \("Admin", "Learner"\)/);
    expect(await reveal(admin.credential.id)).toContain('admin0000session1111');
    expect(await reveal(learner.credential.id)).toContain('learner000session222');
    // The same cookie as the learner's renews exactly that one.
    const renewed = await call<{ draft: RequestDraft }>('curlToDraft', {
      text: ajax('TotaraSession=learner000session222', 'learnerSesskeyNew'),
    });
    expect(renewed.draft.auth).toEqual({ type: 'browserSession', credentialId: learner.credential.id });
    expect(await reveal(learner.credential.id)).toContain('learnerSesskeyNew');
    expect(await reveal(admin.credential.id)).toContain('adminSesskey99');
  });

  it('keeps the stored sesskey when a refreshing paste carries none', async () => {
    const first = await call<{ draft: RequestDraft }>('curlToDraft', {
      text: ajax('TotaraSession=first0000session1111', 'keptSesskey42'),
    });
    const second = await call<{ draft: RequestDraft; notes: string[] }>('curlToDraft', {
      text: ajax('TotaraSession=first0000session1111; _ga=GA1.2.3.4'),
    });
    expect(second.draft.auth).toEqual(first.draft.auth);
    expect(second.notes.join(' ')).toMatch(/no sesskey, so the one already kept was left in place/);
    const id = first.draft.auth.type === 'browserSession' ? first.draft.auth.credentialId : '';
    expect(await reveal(id)).toContain('keptSesskey42');
  });

  it('keeps the cookie and sesskey as one browser-session credential per site, never in the draft', async () => {
    const first = await call<{ draft: RequestDraft; notes: string[] }>('curlToDraft', { text: chromeBash });
    expect(first.draft.headers.map((h) => h.name.toLowerCase())).not.toContain('cookie');
    expect(first.draft.auth.type).toBe('browserSession');
    expect(first.notes).toContain(
      'The cookie and sesskey in the command were kept as the credential "Browser session for learn.example.com", not in the request. Lantern cannot renew a browser session: when it expires, paste a fresh "Copy as cURL".',
    );
    // Firefox's copy of the same login (another cookie string) refreshes that credential in place.
    const other = await call<{ draft: RequestDraft; notes: string[] }>('curlToDraft', { text: firefoxBash });
    expect(other.draft.auth).toEqual(first.draft.auth);
    expect(other.notes).toContain(
      'Refreshed the session kept in "Browser session for learn.example.com": requests using it now send the new cookie. The cookie and sesskey stay in that credential, not in the request.',
    );
    const again = await call<{ draft: RequestDraft; notes: string[] }>('curlToDraft', { text: chromeBash });
    expect(again.draft.auth).toEqual(first.draft.auth);
    const listed = await call<CredentialSummary[]>('listCredentials', {});
    expect(listed.filter((c) => c.kind === 'browserSession').map((c) => c.label)).toEqual([
      'Browser session for learn.example.com',
    ]);
    for (const text of [JSON.stringify(first), JSON.stringify(listed)]) {
      expect(text).not.toContain('5q0hv2n8c1kd4lqe7rbbg1dq2m');
      expect(text).not.toContain('Xq9TzP2mKd');
    }

    // Saved and exported, the request carries a reference, and the export only placeholders.
    const view = await call<WorkspaceView>('createWorkspace', { name: 'Pasted' });
    await call('createRequest', { folderId: view.id, name: 'Status', draft: first.draft });
    const target = path.join(dataDir, 'out', 'pasted.postman_collection.json');
    saveAs = target;
    await call('exportPostman', {});
    const written = (await everything(view.path)) + (await everything(path.dirname(target)));
    expect(written).toContain('{{session_cookie}}');
    expect(written).toContain('{{sesskey}}');
    expect(written).not.toContain('5q0hv2n8c1kd4lqe7rbbg1dq2m');
    expect(written).not.toContain('Xq9TzP2mKd');
  });
});

describe('pasting a fresh "Copy as cURL" after logging in again', () => {
  let server: RunningServer;
  let site: string;
  const received: Record<string, string | string[] | undefined>[] = [];
  beforeEach(async () => {
    server = await startHttpServer((request, response) => {
      received.push(request.headers);
      response.setHeader('content-type', 'application/json');
      response.end('{"data":{}}');
    });
    site = server.url;
  });
  afterEach(() => server.close());

  const copied = (cookie: string, header: string) =>
    `curl '${site}/totara/webapi/ajax.php' -b 'TotaraSession=${cookie}' -H '${header}' --data-raw '{}'`;
  const paste = (text: string) => call<{ draft: RequestDraft; notes: string[] }>('curlToDraft', { text });
  const send = async (draft: RequestDraft) => {
    const result = await dispatch(services.handlers, 'send', { requestId: 'r-1', draft });
    if (!result.ok) throw new Error(result.error.message);
    return received.at(-1);
  };

  it('refreshes the credential saved requests use, so they send the new cookie and sesskey', async () => {
    const before = await paste(copied('old5e55i0n', 'X-Totara-Sesskey: oldK3y'));
    expect((await send(before.draft))?.cookie).toBe('TotaraSession=old5e55i0n');

    // The session expired; the user logged in again and pasted a fresh copy.
    const fresh = await paste(copied('n3w5e55i0n', 'X-Totara-Sesskey: n3wK3y'));
    const label = `Browser session for ${new URL(site).host}`;
    expect(fresh.draft.auth).toEqual(before.draft.auth);
    expect(fresh.notes).toContain(
      `Refreshed the session kept in "${label}": requests using it now send the new cookie. The cookie and sesskey stay in that credential, not in the request.`,
    );
    // The request saved before the re-login now sends the new session.
    const headers = await send(before.draft);
    expect(headers?.cookie).toBe('TotaraSession=n3w5e55i0n');
    expect(headers?.['x-totara-sesskey']).toBe('n3wK3y');
    const listed = await call<CredentialSummary[]>('listCredentials', {});
    expect(listed.map((c) => c.label)).toEqual([label]);
    expect(JSON.stringify([listed, fresh])).not.toMatch(/5e55i0n|K3y/);
  });

  it("makes a new credential when the site's one sends another CSRF header", async () => {
    const totara = await paste(copied('t0tara', 'X-Totara-Sesskey: t0k'));
    const other = await paste(copied('0ther', 'X-CSRF-Token: c5rf'));
    const host = new URL(site).host;
    expect(other.draft.auth).not.toEqual(totara.draft.auth);
    expect(other.notes).toContain(
      `"Browser session for ${host}" holds a session for the same site sent with another CSRF header (X-Totara-Sesskey), so it was left as it was and this one became a new credential.`,
    );
    const listed = await call<CredentialSummary[]>('listCredentials', {});
    expect(listed.map((c) => [c.label, c.fields.csrfHeader])).toEqual([
      [`Browser session for ${host}`, 'X-Totara-Sesskey'],
      [`Browser session for ${host} (2)`, 'X-CSRF-Token'],
    ]);
    expect((await send(totara.draft))?.cookie).toBe('TotaraSession=t0tara');
  });
});

describe('pasting a Moodle AJAX call with the sesskey in the address', () => {
  it('keeps the sesskey in the credential: the URL keeps an empty parameter, the name no query', async () => {
    const text = `curl 'https://learn.example.com/lib/ajax/service.php?sesskey=Qz7pLm2XkW&info=core_fetch_notifications' -b 'MoodleSession=7f3kq0vd2m9c' --data-raw '[]'`;
    const pasted = await call<{ draft: RequestDraft; name: string; notes: string[] }>('curlToDraft', {
      text,
    });
    expect(pasted.name).toBe('POST /lib/ajax/service.php');
    expect(pasted.draft.url).toBe(
      'https://learn.example.com/lib/ajax/service.php?sesskey=&info=core_fetch_notifications',
    );
    expect(pasted.draft.auth.type).toBe('browserSession');
    const listed = await call<CredentialSummary[]>('listCredentials', {});
    expect(listed.find((c) => c.kind === 'browserSession')?.secretPreview).toMatch(/CSRF token ••••2XkW$/);
    for (const secret of ['Qz7pLm2XkW', '7f3kq0vd2m9c']) {
      expect(JSON.stringify(pasted)).not.toContain(secret);
      expect(JSON.stringify(listed)).not.toContain(secret);
    }
  });
});

describe('a snippet of a pasted browser session, without secrets', () => {
  it("writes the credential's own CSRF header, and none when it has no token", async () => {
    const csrf = `curl 'https://app.example.com/api/me' -b 'sid=s9f8e7d6c' -H 'X-CSRF-Token: c5rf-771'`;
    const withToken = await call<{ draft: RequestDraft }>('curlToDraft', { text: csrf });
    const snippet = await call<{ code: string }>('exportSnippet', {
      draft: withToken.draft,
      language: 'curl-bash',
      includeSecrets: false,
    });
    expect(snippet.code).toContain("-H 'X-CSRF-Token: {{sesskey}}'");
    expect(snippet.code).not.toMatch(/X-Totara-Sesskey|c5rf-771|s9f8e7d6c/);

    const cookieOnly = `curl 'https://other.example.com/api/me' -b 'sid=s1a2b3c4d'`;
    const noToken = await call<{ draft: RequestDraft }>('curlToDraft', { text: cookieOnly });
    const plain = await call<{ code: string }>('exportSnippet', {
      draft: noToken.draft,
      language: 'curl-bash',
      includeSecrets: false,
    });
    expect(plain.code).toContain("-H 'Cookie: {{session_cookie}}'");
    expect(plain.code).not.toMatch(/sesskey/i);
  });
});

describe('importing a browser session', () => {
  it('fills a browser-session need from a fresh pasted cURL, or explains an unreadable one', async () => {
    const view = await call<WorkspaceView>('createWorkspace', { name: 'Imported' });
    const done = await call<{ view: WorkspaceView; skipped: string[] }>('importIntoWorkspace', {
      text: chromeBash,
      secrets: { 'browser-session-1': firefoxBash },
    });
    const request = done.view.root.folders[0]?.requests[0];
    const listed = await call<CredentialSummary[]>('listCredentials', {});
    const session = listed.find((c) => c.kind === 'browserSession');
    expect(session).toMatchObject({
      fields: { siteUrl: 'https://learn.example.com', csrfHeader: 'X-Totara-Sesskey' },
    });
    expect(request?.draft.auth).toEqual({ type: 'browserSession', credentialId: session?.id });
    expect(await everything(view.path)).not.toContain('5q0hv2n8c1kd4lqe7rbbg1dq2m');

    const refused = await call<{ skipped: string[] }>('importIntoWorkspace', {
      text: chromeBash,
      secrets: { 'browser-session-1': 'not a command' },
    });
    expect(refused.skipped).toContainEqual(
      expect.stringMatching(
        /^The credential "Browser session \(request .*\)" was not created: .*cURL command/,
      ),
    );
  });
});

describe('exportPostman environment files', () => {
  it('are written beside the collection, replacing only those an earlier Lantern export wrote', async () => {
    const view = await call<WorkspaceView>('createWorkspace', { name: 'Envs' });
    const envDir = path.join(view.path, 'environments');
    await mkdir(envDir, { recursive: true });
    await writeFile(
      path.join(envDir, 'staging.env.yaml'),
      'name: Staging\nvariables:\n  - name: base\n    value: https://s.example\n',
    );
    await call('reloadWorkspace', {});
    const out = path.join(dataDir, 'out');
    const target = path.join(out, 'envs.postman_collection.json');
    saveAs = target;
    const result = await call<{ environmentFiles: string[] }>('exportPostman', {});
    expect(result).toMatchObject({ saved: true, name: 'envs.postman_collection.json' });
    expect(result.environmentFiles).toEqual(['staging.postman_environment.json']);
    const envFile = path.join(out, 'staging.postman_environment.json');
    expect(JSON.parse(await readFile(envFile, 'utf8'))).toMatchObject({
      name: 'Staging',
    });

    // Exporting again to the same folder (the save dialog confirmed the collection) replaces Lantern's own files.
    const again = await call<{ environmentFiles: string[] }>('exportPostman', {});
    expect(again.environmentFiles).toEqual(result.environmentFiles);

    // ...but not once the user filled a value into one: that value would be lost.
    const filled = JSON.parse(await readFile(envFile, 'utf8')) as {
      values: { key: string; value: string }[];
    };
    filled.values.push({ key: 'api_token', value: 'typed-in-postman' });
    await writeFile(envFile, JSON.stringify(filled));
    await expect(call('exportPostman', {})).rejects.toThrow(
      /Nothing was saved: the environment file staging\.postman_environment\.json was written by an earlier Lantern export, but values were filled into it since \(api_token\) and a new export would replace them, so Lantern will not overwrite it\. Move or delete it, or choose another folder\./,
    );
    expect(await readFile(envFile, 'utf8')).toBe(JSON.stringify(filled));
    // A {{placeholder}} is not a filled-in value.
    filled.values[1] = { key: 'api_token', value: '{{api_token}}' };
    await writeFile(envFile, JSON.stringify(filled));
    await call('exportPostman', {});
    expect(JSON.parse(await readFile(envFile, 'utf8'))).toMatchObject({
      values: [{ key: 'base', value: 'https://s.example' }],
    });

    await writeFile(envFile, 'mine, keep me');
    await rm(target);
    await expect(call('exportPostman', {})).rejects.toThrow(
      /Nothing was saved: the environment file staging\.postman_environment\.json already exists and was not written by a Lantern export, so Lantern will not overwrite it\. Move or delete it/,
    );
    const postmans = JSON.stringify({
      name: 'Staging',
      values: [],
      _postman_exported_using: 'Postman/11.2.0',
    });
    await writeFile(envFile, postmans);
    await expect(call('exportPostman', {})).rejects.toThrow(/was not written by a Lantern export/);
    expect(await readFile(envFile, 'utf8')).toBe(postmans);
    await writeFile(envFile, 'mine, keep me');
    expect(await readFile(envFile, 'utf8')).toBe('mine, keep me');
    await expect(readFile(target, 'utf8')).rejects.toThrow(/ENOENT/);
  });
});
