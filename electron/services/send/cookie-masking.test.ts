/**
 * Cookie values and masking, through Lantern's real services (createServices + dispatch) against
 * a local server: preferences such as `dark` or `true` are masked in Cookie headers only, never in
 * bodies; a session id is masked wherever it appears, even when the response that sets it echoes it.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallOutput } from '../../../shared/contract';
import { dispatch } from '../../../shared/dispatch';
import { startHttpServer, type RunningServer } from '../../../test-support/servers';
import { createServices } from '../create-services';

const SESSION = 'q2b5r7t9v1x3z5a7c9e1';
const PASTED_SESSION = '4f3a9c1e8b7d6a5f0e1d';
const PREFS = '{"ok":true,"theme":"dark","lang":"en-US"}';
/** Over 2 MB, so it is kept on disk and masked there if it holds a secret. */
const BIG = `[\n${Array.from({ length: 80_000 }, (_, i) => `{"id":${i},"ok":true,"theme":"dark"}`).join(',\n')}\n]\n`;

let server: RunningServer;
beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/prefs') {
      res.setHeader('set-cookie', ['theme=dark; Path=/', 'ok=true; Path=/', 'lang=en-US; Path=/']);
      return res.end(PREFS);
    }
    if (url.pathname === '/login') {
      // The same response sets the session and shows it, as some login pages do.
      res.setHeader('set-cookie', `MoodleSession=${SESSION}; Path=/; HttpOnly`);
      return res.end(JSON.stringify({ welcome: true, session: SESSION }));
    }
    if (url.pathname === '/big') return res.end(BIG);
    res.end(JSON.stringify({ ok: true, theme: 'dark', cookie: req.headers.cookie ?? null }));
  });
});
afterAll(() => server.close());

let dataDir: string;
let services: ReturnType<typeof createServices>;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'lantern-cookie-masking-'));
  services = createServices({ mode: 'browser', version: 'test', dataDir, emit: () => undefined });
});
afterEach(async () => {
  await services.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatch(services.handlers, name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

let sequence = 0;
const send = (pathname: string, extra: Record<string, unknown> = {}) =>
  call<CallOutput<'send'>>('send', {
    requestId: `mask-${sequence++}`,
    draft: {
      method: 'GET',
      url: `${server.url}${pathname}`,
      headers: [],
      body: { mode: 'none' },
      auth: { type: 'none' },
      ...extra,
    },
    workspaceId: 'ws_prefs',
  });

describe('cookie values in masking', () => {
  it('leaves words such as dark, true and en-US in bodies, and masks them in cookie headers', async () => {
    const set = await send('/prefs');
    expect(set.response.body.text).toBe(PREFS);
    expect(set.response.headers.filter(([name]) => name === 'set-cookie').map(([, v]) => v)).toEqual([
      'theme=••••; Path=/',
      'ok=••••; Path=/',
      'lang=••••; Path=/',
    ]);

    const echoed = await send('/echo');
    expect(echoed.response.body.text).toContain('"ok":true,"theme":"dark"');
    expect(echoed.request.headers).toContainEqual(['Cookie', 'theme=••••; ok=••••; lang=••••']);

    // A large body is left as it was received: no masked copy damages it on disk.
    const big = await send('/big');
    const stored = big.response.body.stored;
    expect(stored).toBeDefined();
    const rows = await call<CallOutput<'readBodyRows'>>('readBodyRows', {
      bodyId: stored!.id,
      fromRow: 0,
      count: 3,
    });
    expect(rows.rows.map((row) => row.text)).toEqual([
      '[',
      '{"id":0,"ok":true,"theme":"dark"},',
      '{"id":1,"ok":true,"theme":"dark"},',
    ]);
    expect(stored!.bytes).toBe(Buffer.byteLength(BIG));
  });

  it('masks a session id set by this very response in its own body, and in history on disk', async () => {
    const login = await send('/login');
    expect(login.response.body.text).not.toContain(SESSION);
    expect(login.response.body.text).toContain(`"session":"••••${SESSION.slice(-4)}"`);
    expect(login.response.body.text).toContain('"welcome":true');

    // Later echoes of it are masked too (it is in the jar now).
    const echoed = await send('/echo');
    expect(echoed.response.body.text).not.toContain(SESSION);

    await services.close(); // writes history and the jar
    const historyDir = path.join(dataDir, 'history');
    const files = await readdir(historyDir, { recursive: true });
    const written = await Promise.all(
      files.filter((f) => /\.jsonl?$/.test(f)).map((f) => readFile(path.join(historyDir, f), 'utf8')),
    );
    expect(written.length).toBeGreaterThan(0);
    expect(written.join('\n')).toContain('••••');
    expect(written.join('\n')).not.toContain(SESSION);
    services = createServices({ mode: 'browser', version: 'test', dataDir, emit: () => undefined });
  });

  it('masks a pasted browser session id in bodies, but not the preferences pasted beside it', async () => {
    const { credential } = await call<CallOutput<'credentialFromCurl'>>('credentialFromCurl', {
      label: 'Pasted',
      text: `curl '${server.url}/echo' -H 'Cookie: theme=dark; ok=true; MoodleSession=${PASTED_SESSION}' -H 'X-Totara-Sesskey: Kd9xAbCdEf'`,
    });
    const echoed = await send('/echo', { auth: { type: 'browserSession', credentialId: credential.id } });
    const body = JSON.parse(echoed.response.body.text) as { ok: unknown; theme: unknown; cookie: string };
    expect(body).toMatchObject({ ok: true, theme: 'dark' });
    expect(body.cookie).not.toContain(PASTED_SESSION);
    await vi.waitFor(async () => {
      const list = await call<CallOutput<'listHistory'>>('listHistory', {});
      expect(list.entries.length).toBe(1);
    });
  });
});
