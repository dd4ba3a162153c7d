import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { persistedOperations } from '../ajax/operations';
import { startTestSandbox, totaraHeaders } from './harness';
import type { TestSandbox } from './harness';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
beforeEach(() => t.sandbox.reset());
afterAll(() => t.sandbox.close());

const sesskeyIn = (html: string) => /"sesskey":"([A-Za-z0-9]{10})"/.exec(html)?.[1];
const cookieIn = (headers: Headers) => /TotaraSession=([a-f0-9]+)/.exec(headers.get('set-cookie') ?? '')?.[1];

async function login(password = t.credentials.ajax.password) {
  const reply = await t.request('/login/index.php', {
    method: 'POST',
    body: new URLSearchParams({ username: t.credentials.ajax.username, password }),
  });
  return {
    reply,
    cookie: `TotaraSession=${cookieIn(reply.headers) ?? ''}`,
    sesskey: sesskeyIn(reply.text) ?? '',
  };
}

const ajax = (body: unknown, headers: Record<string, string> = {}) =>
  t.request('/totara/webapi/ajax.php', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

const status = { operationName: 'totara_webapi_status', variables: {} };
const safeError = (message: string, category: string) => ({
  errors: [{ message, extensions: { category } }],
  error: message,
});

describe('login page', () => {
  it('GET shows a form and embeds a sesskey in M.cfg like Totara', async () => {
    const reply = await t.request('/login/index.php');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(reply.text).toContain('<form action="/login/index.php" method="post"');
    expect(reply.text).toMatch(
      /M\.cfg = \{"wwwroot":"http:\\\/\\\/127\.0\.0\.1:\d+","sesskey":"[A-Za-z0-9]{10}"/,
    );
    expect(cookieIn(reply.headers)).toBeDefined();
  });

  it('POST with the right password sets TotaraSession and shows the sesskey', async () => {
    const { reply, sesskey } = await login();
    expect(reply.status).toBe(200);
    expect(reply.headers.get('set-cookie')).toMatch(
      /^TotaraSession=[a-f0-9]{32}; path=\/; HttpOnly; SameSite=Lax$/,
    );
    expect(reply.text).toContain('You are logged in as');
    expect(sesskey).toHaveLength(10);
  });

  it('a wrong password shows the login error', async () => {
    const { reply } = await login('wrong');
    expect(reply.text).toContain('Invalid login, please try again');
  });
});

describe('POST /totara/webapi/ajax.php', () => {
  it('runs a persisted operation with cookie + X-Totara-Sesskey', async () => {
    const { cookie, sesskey } = await login();
    const reply = await ajax(status, { Cookie: cookie, 'X-Totara-Sesskey': sesskey });
    expect(reply.status).toBe(200);
    const data = (reply.json as { data: { totara_webapi_status: { status: string; timestamp: string } } })
      .data;
    expect(data.totara_webapi_status.status).toBe('ok');
    expect(reply.headers.get('content-type')).toBe(totaraHeaders['content-type']);
  });

  it('runs core_user_users with variables', async () => {
    const { cookie, sesskey } = await login();
    const reply = await ajax(
      { operationName: 'core_user_users', variables: { query: { pagination: { limit: 2 } } } },
      { Cookie: cookie, 'X-Totara-Sesskey': sesskey },
    );
    const result = (reply.json as { data: { core_user_users: { items: unknown[]; total: number } } }).data
      .core_user_users;
    expect(result.items).toHaveLength(2);
    expect(result.total).toBe(50);
  });

  it('_nosession operations need neither cookie nor sesskey', async () => {
    const reply = await ajax({
      operationName: 'core_lang_strings_nosession',
      variables: { lang: 'en', ids: ['edit,core'] },
    });
    expect(reply.json).toEqual({
      data: { lang_strings: [{ lang: 'en', identifier: 'edit', component: 'core', string: 'Edit' }] },
    });
  });

  const sesskeyCases: { name: string; headers: () => Promise<Record<string, string>>; category: string }[] = [
    {
      name: 'logged in, wrong sesskey → require_refresh',
      headers: async () => ({ Cookie: (await login()).cookie, 'X-Totara-Sesskey': 'stale12345' }),
      category: 'require_refresh',
    },
    {
      name: 'logged in, no sesskey → require_refresh',
      headers: async () => ({ Cookie: (await login()).cookie }),
      category: 'require_refresh',
    },
    {
      name: 'no session at all → require_login',
      headers: async () => ({ 'X-Totara-Sesskey': 'abc' }),
      category: 'require_login',
    },
    {
      name: 'expired/unknown session cookie → require_login',
      headers: async () => ({ Cookie: 'TotaraSession=deadbeef', 'X-Totara-Sesskey': 'abc' }),
      category: 'require_login',
    },
  ];
  it.each(sesskeyCases)('$name (§6 17)', async ({ headers, category }) => {
    const reply = await ajax(status, await headers());
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual(safeError('Invalid sesskey, page reload required', category));
  });

  it.each([
    [
      'a query is sent',
      { query: '{ totara_webapi_status { status } }', variables: {} },
      'Direct GraphQL queries are not supported, only persistent queries.',
    ],
    [
      'variables missing',
      { operationName: 'totara_webapi_status' },
      'Invalid request, expecting at least operationName and variables',
    ],
    [
      'operationName missing',
      { variables: {} },
      'Invalid request, expecting at least operationName and variables',
    ],
  ])('refuses when %s', async (_name, body, message) => {
    const reply = await ajax(body);
    expect(reply.json).toEqual(safeError(message, 'graphql'));
  });

  it('unknown operation is a bare Internal server error, the reason only with developer debugging', async () => {
    const { cookie, sesskey } = await login();
    const headers = { Cookie: cookie, 'X-Totara-Sesskey': sesskey };
    const body = { operationName: 'mod_nothing_here', variables: {} };
    expect((await ajax(body, headers)).json).toEqual({
      errors: [{ message: 'Internal server error', extensions: { category: 'internal' } }],
      error: 'Internal server error',
    });
    t.sandbox.configure({ ajaxDebug: true });
    const debug = (await ajax(body, headers)).json as { errors: { debugMessage: string }[] };
    expect(debug.errors[0]?.debugMessage).toBe('Invalid persisted operation name: mod_nothing_here');
  });
});

describe('developer executor and operation registry', () => {
  it('dev endpoint returns an empty 200 unless GRAPHQL_DEVELOPMENT_MODE (devMode) is on (§6 18)', async () => {
    const body = JSON.stringify({ query: '{ totara_webapi_status { status } }' });
    const off = await t.request('/totara/webapi/dev_graphql_executor.php', { method: 'POST', body });
    expect(off.status).toBe(200);
    expect(off.text).toBe('');
    t.sandbox.configure({ devMode: true });
    const on = await t.request('/totara/webapi/dev_graphql_executor.php', { method: 'POST', body });
    expect(on.json).toEqual({ data: { totara_webapi_status: { status: 'ok' } } });
  });

  it('GET /__sandbox/operations lists name → stored query, no admin token needed', async () => {
    const reply = await t.request('/__sandbox/operations');
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ operations: persistedOperations });
    expect(Object.keys(persistedOperations)).toEqual(
      expect.arrayContaining(['totara_webapi_status', 'core_user_users', 'core_lang_strings_nosession']),
    );
  });
});
