/**
 * `lantern run` (in process) against a real local server: an OAuth token fetched during the run
 * and a session cookie set during it are masked when a later error or status echoes them, and
 * the run never writes the data folder's vault (the desktop app may be saving to it meanwhile).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceView } from '../../shared/calls/workspace-calls';
import { dispatch } from '../../shared/dispatch';
import { createServices } from '../services/create-services';
import { keyFileProtector } from '../services/vault/key-file-protector';
import { Vault } from '../services/vault/vault';
import { runWorkspace } from './run-command';
import { startHttpServer, type RunningServer } from '../../test-support/servers';

const hex = () => randomBytes(8).toString('hex');
/** Lower-case hex: it is a valid host name label, so a redirect can put it in a host. */
const accessToken = `tok${hex()}`;
const session = `sess${hex()}`;
let server: RunningServer;
let base: string;
beforeAll(async () => {
  server = await startHttpServer((request, response) => {
    const bearer = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (request.url === '/token') {
      response
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ access_token: accessToken, token_type: 'Bearer', expires_in: 3600 }));
    } else if (request.url === '/login') {
      response.writeHead(200, { 'Set-Cookie': `MoodleSession=${session}; Path=/` }).end('ok');
    } else if (request.url === '/redirect-cookie') {
      // Its error (an unknown host) names the host, which holds the session cookie's value.
      const cookie = /MoodleSession=(\w+)/.exec(request.headers.cookie ?? '')?.[1] ?? 'none';
      response.writeHead(302, { Location: `http://${cookie}.invalid/` }).end();
    } else if (request.url === '/redirect') {
      // The same with the OAuth token.
      response.writeHead(302, { Location: `http://${bearer}.invalid/` }).end();
    } else response.writeHead(404).end();
  });
  base = server.url;
});
afterAll(() => server.close());

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'lantern-cli-tokens-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** A data folder (vault key in a file) holding an OAuth client, and a workspace whose requests use it. */
async function setUp(): Promise<{ dataDir: string; workspace: string }> {
  const dataDir = path.join(scratch, 'data');
  const vault = await Vault.open({ dir: dataDir, protector: keyFileProtector(dataDir) });
  await vault.set('seed', 'x');
  await vault.delete('seed');
  const services = createServices({ mode: 'browser', version: 'test', dataDir, emit: () => undefined });
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const result = await dispatch(services.handlers, name, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  try {
    const credential = await call<{ id: string }>('saveCredential', {
      kind: 'oauth2',
      label: 'Local client',
      fields: { tokenUrl: `${base}/token`, clientId: 'lantern' },
      secret: `client-secret-${hex()}`,
    });
    const view = await call<WorkspaceView>('createWorkspace', {
      name: 'Tokens',
      path: path.join(scratch, 'ws'),
    });
    const request = (name: string, url: string, auth: unknown) =>
      call('createRequest', {
        folderId: view.id,
        name,
        draft: { method: 'GET', url, headers: [], body: { mode: 'none' }, auth },
      });
    const oauth = { type: 'oauth2', credentialId: credential.id };
    await request('1 login', `${base}/login`, { type: 'none' });
    await request('2 cookie', `${base}/redirect-cookie`, { type: 'none' });
    await request('3 redirect', `${base}/redirect`, oauth);
    return { dataDir, workspace: view.path };
  } finally {
    await services.close();
    // What the app would repair or sweep at its start: a damaged kept jar, a secret nothing uses.
    const after = await Vault.open({ dir: dataDir, protector: keyFileProtector(dataDir) });
    await after.set('cookies:ws_damaged', '{"version":1,"cook');
    await after.set('env:env_deleted:key', `orphan-${hex()}`);
  }
}

describe('lantern run masks what it learns during the run, and leaves the vault alone', () => {
  it('masks an OAuth token and a session cookie a later answer or error echoes', async () => {
    const { dataDir, workspace } = await setUp();
    const vaultBefore = readFileSync(path.join(dataDir, 'vault.json'), 'utf8');
    let out = '';
    let err = '';
    const code = await runWorkspace(
      {
        command: 'run',
        workspace,
        dataDir,
        reporter: 'json',
        rateWindowSeconds: 60,
        maxWaitSeconds: 5,
        timeoutSeconds: 10,
        bail: false,
        delayMs: 0,
        history: false,
        envVars: [],
      },
      { out: (text) => (out += text), err: (text) => (err += text) },
    );
    expect(code).toBe(1);
    const report = JSON.parse(out) as {
      results: { name: string; status?: number; statusText?: string; error?: string }[];
    };
    const [login, cookie, redirect] = report.results;
    expect(login?.status).toBe(200);
    // The answers did echo them: only masked previews are printed.
    expect(cookie?.error).toContain(`••••${session.slice(-4)}.invalid`);
    expect(redirect?.error).toContain(`••••${accessToken.slice(-4)}.invalid`);
    expect(out + err).not.toContain(accessToken);
    expect(out + err).not.toContain(session);
    // Nothing the run did (cookies, tokens) was written to the vault.
    expect(readFileSync(path.join(dataDir, 'vault.json'), 'utf8')).toBe(vaultBefore);
  }, 60_000);
});
