import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxConfigPatch } from '../index';
import { internal, messages, startTestSandbox, totaraHeaders } from './harness';
import type { TestSandbox } from './harness';

const status = { query: 'query { totara_webapi_status { status } }', variables: '{}' };
const ok = { data: { totara_webapi_status: { status: 'ok' } } };

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
beforeEach(() => t.sandbox.reset());
afterAll(() => t.sandbox.close());

describe('auth failures are HTTP 200 with masked message and exact debugMessage (§6 3, 4, 5, 6)', () => {
  const cases: {
    name: string;
    config?: SandboxConfigPatch;
    auth: (token: string) => string | null;
    debug: string;
  }[] = [
    { name: 'no Authorization header', auth: () => null, debug: messages.noAuthorization },
    {
      name: 'header sent but stripped by a proxy (fault)',
      config: { stripAuthorization: true },
      auth: (token) => `Bearer ${token}`,
      debug: messages.noAuthorization,
    },
    {
      name: 'empty Authorization header (unconfirmed)',
      auth: () => '',
      debug: 'Missing or invalid HTTP request headers',
    },
    { name: 'unknown token', auth: () => 'Bearer not-a-token', debug: messages.invalidToken },
    { name: 'lowercase bearer scheme', auth: (token) => `bearer ${token}`, debug: messages.invalidToken },
    { name: 'Bearer with no token', auth: () => 'Bearer ', debug: messages.invalidToken },
    {
      name: 'disabled client',
      config: { clientEnabled: false },
      auth: (token) => `Bearer ${token}`,
      debug: "Couldn't identify OAuth2 client provider for this request.",
    },
    {
      name: 'provider no longer linked to an API client',
      config: { apiClientLinked: false },
      auth: (token) => `Bearer ${token}`,
      debug: "Couldn't identify API client for this request.",
    },
    {
      name: 'API user missing',
      config: { apiUser: 'missing' },
      auth: (token) => `Bearer ${token}`,
      debug: "Couldn't identify API user for this request.",
    },
    ...(['suspended', 'deleted', 'guest', 'site_admin', 'tenant_mismatch'] as const).map((apiUser) => ({
      name: `API user ${apiUser}`,
      config: { apiUser },
      auth: (token: string) => `Bearer ${token}`,
      debug: 'API user is invalid.',
    })),
  ];
  it.each(cases)('$name', async ({ config, auth, debug }) => {
    const token = await t.token();
    if (config) t.sandbox.configure(config);
    const reply = await t.graphql(status, auth(token));
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual(internal(debug));
    expect(
      Object.fromEntries(Object.keys(totaraHeaders).map((name) => [name, reply.headers.get(name)])),
    ).toEqual(totaraHeaders);
  });
});

describe('token extraction as league/oauth2-server does it', () => {
  it.each([
    ['extra spaces after Bearer', (token: string) => `Bearer   ${token}  `],
    ['a bare token without scheme', (token: string) => token],
  ])('%s still authenticates', async (_name, auth) => {
    const reply = await t.graphql(status, auth(await t.token()));
    expect(reply.json).toEqual(ok);
  });
});

describe('token lifetime and client switches', () => {
  it('a token stops working once it expires (real expiry, 1 s)', async () => {
    t.sandbox.configure({ tokenExpirySeconds: 1 });
    const token = await t.token();
    expect((await t.graphql(status, `Bearer ${token}`)).json).toEqual(ok);
    // Real time: the expiry is the real server's, on its own clock (the point of this test).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await t.graphql(status, `Bearer ${token}`)).json).toEqual(internal(messages.invalidToken));
  });

  it('force-expire through the admin endpoint', async () => {
    const token = await t.token();
    const expired = await t.admin('POST', '/totara/tokens/expire');
    expect(expired.json).toEqual({ expired: 1 });
    expect((await t.graphql(status, `Bearer ${token}`)).json).toEqual(internal(messages.invalidToken));
  });

  it('disabling a client suspends its tokens; re-enabling revives them (§6 5)', async () => {
    const token = await t.token();
    await t.admin('POST', '/totara/client/disable');
    expect((await t.graphql(status, `Bearer ${token}`)).json).toEqual(
      internal("Couldn't identify OAuth2 client provider for this request."),
    );
    await t.admin('POST', '/totara/client/enable');
    expect((await t.graphql(status, `Bearer ${token}`)).json).toEqual(ok);
  });
});

describe('error response level (§6 7)', () => {
  it('None: bare "Internal server error" without debugMessage', async () => {
    t.sandbox.configure({ errorLevel: 'none' });
    const reply = await t.graphql(status, null);
    expect(reply.json).toEqual({
      errors: [{ message: 'Internal server error', extensions: { category: 'internal' } }],
      error: 'Internal server error',
    });
  });

  it('Developer: debugMessage plus a trace array', async () => {
    t.sandbox.configure({ errorLevel: 'developer' });
    const reply = await t.graphql(status, null);
    const error = (reply.json as { errors: Record<string, unknown>[] }).errors[0];
    expect(error?.debugMessage).toBe(messages.noAuthorization);
    expect(error?.message).toBe('Internal server error');
    expect(Array.isArray(error?.trace)).toBe(true);
  });

  it('later versions: debugMessage inside extensions', async () => {
    t.sandbox.configure({ debugMessageLocation: 'extensions' });
    const reply = await t.graphql(status, null);
    expect(reply.json).toEqual({
      errors: [
        {
          message: 'Internal server error',
          extensions: { category: 'internal', debugMessage: messages.noAuthorization },
        },
      ],
      error: 'Internal server error',
    });
  });
});
