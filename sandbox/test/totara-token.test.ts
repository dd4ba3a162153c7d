import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox } from './harness';
import type { TestSandbox } from './harness';

const invalidClient = {
  error: 'invalid_client',
  error_description: 'Client authentication failed',
  message: 'Client authentication failed',
};
const unsupportedGrant = {
  error: 'unsupported_grant_type',
  error_description: 'The authorization grant type is not supported by the authorization server.',
  hint: 'Check that all required parameters have been provided',
  message: 'The authorization grant type is not supported by the authorization server.',
};
const invalidRequest = {
  error: 'invalid_request',
  error_description:
    'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.',
  hint: 'Check the `client_id` parameter',
  message:
    'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.',
};

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ tokenExpirySeconds: 3600 });
});
afterAll(() => t.sandbox.close());

describe('POST /totara/oauth2/token.php errors (HTTP 200, §6 scenarios 1 and 2)', () => {
  const good = () => ({
    grant_type: 'client_credentials',
    client_id: t.credentials.totara.clientId,
    client_secret: t.credentials.totara.clientSecret,
  });
  const cases: { name: string; init: () => RequestInit; body: unknown }[] = [
    {
      name: 'wrong client secret',
      init: () => ({ method: 'POST', body: new URLSearchParams({ ...good(), client_secret: 'nope' }) }),
      body: invalidClient,
    },
    {
      name: 'unknown client id',
      init: () => ({ method: 'POST', body: new URLSearchParams({ ...good(), client_id: 'someone-else' }) }),
      body: invalidClient,
    },
    {
      name: 'missing client secret',
      init: () => ({
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: good().client_id }),
      }),
      body: invalidClient,
    },
    {
      name: 'JSON body instead of a form body',
      init: () => ({
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(good()),
      }),
      body: unsupportedGrant,
    },
    {
      name: 'form fields sent with a text/plain content type',
      init: () => ({
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: new URLSearchParams(good()).toString(),
      }),
      body: unsupportedGrant,
    },
    {
      name: 'missing grant type',
      init: () => ({ method: 'POST', body: new URLSearchParams({ client_id: 'x', client_secret: 'y' }) }),
      body: unsupportedGrant,
    },
    {
      name: 'wrong grant type',
      init: () => ({ method: 'POST', body: new URLSearchParams({ ...good(), grant_type: 'password' }) }),
      body: unsupportedGrant,
    },
    {
      name: 'missing client id',
      init: () => ({
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'client_credentials', client_secret: 'y' }),
      }),
      body: invalidRequest,
    },
    { name: 'GET request', init: () => ({ method: 'GET' }), body: unsupportedGrant },
  ];
  it.each(cases)('$name', async ({ init, body }) => {
    const reply = await t.request('/totara/oauth2/token.php', init());
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual(body);
  });

  it('disabled client gets invalid_client', async () => {
    await t.admin('POST', '/totara/client/disable');
    const reply = await t.tokenRequest(good());
    await t.admin('POST', '/totara/client/enable');
    expect(reply.json).toEqual(invalidClient);
  });
});

describe('token success', () => {
  it('returns a Bearer JWT-looking token with the client expiry, as text/html (unconfirmed type)', async () => {
    const reply = await t.tokenRequest({
      grant_type: 'client_credentials',
      client_id: t.credentials.totara.clientId,
      client_secret: t.credentials.totara.clientSecret,
    });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const body = reply.json as { token_type: string; expires_in: number; access_token: string };
    expect(Object.keys(body)).toEqual(['token_type', 'expires_in', 'access_token']);
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(3600);
    const [, payload] = body.access_token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as {
      exp: number;
      iat: number;
    };
    expect(claims.exp - claims.iat).toBe(3600);
  });

  it('keeps several tokens of one client valid at once', async () => {
    const first = await t.token();
    const second = await t.token();
    expect(first).not.toBe(second);
    for (const token of [first, second]) {
      const reply = await t.graphql({ query: '{ totara_webapi_status { status } }' }, `Bearer ${token}`);
      expect(reply.json).toEqual({ data: { totara_webapi_status: { status: 'ok' } } });
    }
  });
});
