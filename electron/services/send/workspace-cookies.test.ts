/**
 * One cookie jar per workspace, through Lantern's real services (createServices + dispatch)
 * against a local server that sets a session cookie and records the Cookie headers it receives.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../shared/contract';
import type { WorkspaceView } from '../../../shared/calls/workspace-calls';
import { dispatch } from '../../../shared/dispatch';
import { startHttpServer, type RunningServer } from '../../../test-support/servers';
import { createServices } from '../create-services';

let server: RunningServer;
/** The Cookie header of every request the server saw, in order ('' when none was sent). */
const received: string[] = [];

beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    received.push(req.headers.cookie ?? '');
    if (url.pathname === '/login') {
      res.setHeader('set-cookie', `session=${url.searchParams.get('as')}; Path=/; HttpOnly`);
    }
    res.setHeader('content-type', 'application/json');
    // Echoes the cookies, as httpbin's /cookies does: the exchange must show them masked.
    res.end(JSON.stringify({ cookie: req.headers.cookie ?? null }));
  });
});
afterAll(() => server.close());

let dataDir: string;
let services: ReturnType<typeof createServices>;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'lantern-ws-cookies-'));
  services = createServices({ mode: 'browser', version: 'test', dataDir, emit: () => undefined });
  received.length = 0;
});
afterEach(async () => {
  await services.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function call<K extends string>(name: K, input: unknown) {
  const result = await dispatch(services.handlers, name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

let sequence = 0;
async function get(pathAndQuery: string, workspaceId?: string) {
  const exchange = (await call('send', {
    requestId: `jar-${sequence++}`,
    draft: {
      method: 'GET',
      url: `${server.url}${pathAndQuery}`,
      headers: [],
      body: { mode: 'none' },
      auth: { type: 'none' },
    },
    ...(workspaceId ? { workspaceId } : {}),
  })) as CallOutput<'send'>;
  return { exchange, cookieSent: received.at(-1) };
}

const listCookies = async (workspaceId?: string) =>
  (await call('listCookies', workspaceId ? { workspaceId } : {})) as CallOutput<'listCookies'>;

describe('cookie jars per workspace', () => {
  it('never sends one workspace’s cookies to another’s requests, nor to requests outside a workspace', async () => {
    const a = (await call('createWorkspace', { name: 'Team A' })) as WorkspaceView;
    await get('/login?as=canary-a-51f0e2', a.id);
    await get('/login?as=canary-b-9c7d11', 'ws_other');

    expect((await get('/me', a.id)).cookieSent).toBe('session=canary-a-51f0e2');
    expect((await get('/me', 'ws_other')).cookieSent).toBe('session=canary-b-9c7d11');
    expect((await get('/me')).cookieSent).toBe('');

    // The echoed cookie comes back masked, whichever jar it came from.
    const echoed = await get('/me', a.id);
    expect(echoed.exchange.response.body.text).not.toContain('canary-a-51f0e2');

    const listedA = await listCookies(a.id);
    expect(listedA.jar).toEqual({ workspaceId: a.id, label: 'Workspace "Team A"', kept: 'vault' });
    expect(listedA.cookies.map((c) => [c.name, c.value])).toEqual([['session', '••••f0e2']]);
    expect((await listCookies()).jar.label).toBe('Requests outside a workspace');
    expect((await listCookies()).cookies).toEqual([]);

    // Clearing one workspace's jar leaves the other's alone.
    await call('clearCookies', { workspaceId: 'ws_other' });
    expect((await listCookies('ws_other')).cookies).toEqual([]);
    expect((await get('/me', a.id)).cookieSent).toBe('session=canary-a-51f0e2');
    expect((await get('/me', 'ws_other')).cookieSent).toBe('');
  });

  it('keeps a workspace’s jar across a restart, encrypted in the vault', async () => {
    await get('/login?as=canary-kept-3e8a90', 'ws_kept');
    await get('/login?as=canary-scratch-77aa', undefined);
    await services.close(); // writes the jars that changed
    const vaultFile = await readFile(path.join(dataDir, 'vault.json'), 'utf8');
    expect(vaultFile).toContain('cookies:ws_kept');
    expect(vaultFile).not.toContain('canary');

    services = createServices({ mode: 'browser', version: 'test', dataDir, emit: () => undefined });
    expect((await get('/me', 'ws_kept')).cookieSent).toBe('session=canary-kept-3e8a90');
    // Requests outside a workspace start with an empty jar in each run.
    expect((await get('/me')).cookieSent).toBe('');
  });
});
