/**
 * Lantern's real auth path (token manager, session login, one retry) against the sandbox's
 * Totara token endpoint and AJAX site. Lives beside the sandbox's own tests: only sandbox/,
 * e2e/, bench/ and the launcher may import the sandbox.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services/create-services';
import { TokenManager } from '../../electron/services/auth/token-manager';
import type { CallOutput } from '../../shared/contract';
import { dispatch } from '../../shared/dispatch';
import { startSandbox, type RunningSandbox } from '../index';

let sandbox: RunningSandbox;
const services = createServices({
  mode: 'browser',
  version: 'test',
  dataDir: mkdtempSync(path.join(tmpdir(), 'lantern-auth-')),
  emit: () => undefined,
});
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await services.close();
  await sandbox.close();
});

const totara = (overrides = {}) => ({
  id: 'totara',
  kind: 'oauth2' as const,
  label: 'Totara client',
  tokenUrl: sandbox.endpoints.totaraToken,
  clientId: sandbox.credentials.totara.clientId,
  clientSecret: sandbox.credentials.totara.clientSecret,
  clientAuth: 'body' as const,
  ...overrides,
});

describe('token manager against the sandbox Totara token endpoint', () => {
  it('gets a JWT-looking token whose expiry comes from expires_in', async () => {
    const now = Date.now();
    const { token } = await new TokenManager(() => now).tokenFor(totara());
    expect(token.expiresAt).toBe(now + 86_400_000);
  });

  it('treats invalid_client answered with HTTP 200 as a failure, saying the status lies', async () => {
    await expect(new TokenManager().tokenFor(totara({ clientSecret: 'wrong-secret' }))).rejects.toMatchObject(
      {
        code: 'oauth.invalid_client',
        message: expect.stringMatching(
          /Client authentication failed.*HTTP 200: do not trust the status code/,
        ),
      },
    );
  });

  it('explains a disabled client', async () => {
    sandbox.configure({ clientEnabled: false });
    try {
      await expect(new TokenManager().tokenFor(totara())).rejects.toMatchObject({
        code: 'oauth.invalid_client',
      });
    } finally {
      sandbox.configure({ clientEnabled: true });
    }
  });
});

describe('session login + CSRF against the sandbox AJAX site', () => {
  const send = async (operationName: string) => {
    const result = await dispatch(services.handlers, 'send', {
      requestId: `a-${operationName}-${Math.random()}`,
      draft: {
        method: 'POST',
        url: sandbox.endpoints.ajaxGraphql,
        headers: [],
        body: { mode: 'json', text: JSON.stringify({ operationName, variables: {} }) },
        auth: { type: 'session', credentialId: 'ajax' },
      },
    });
    if (!result.ok) throw new Error(result.error.message);
    return result.value as CallOutput<'send'>;
  };

  beforeAll(() => {
    services.auth.credentials.put({
      id: 'ajax',
      kind: 'session',
      label: 'AJAX login',
      loginUrl: sandbox.endpoints.ajaxLogin,
      username: sandbox.credentials.ajax.username,
      password: sandbox.credentials.ajax.password,
      csrfPattern: '"sesskey":"([^"]+)"',
      csrfHeader: 'X-Totara-Sesskey',
    });
  });

  it('logs in, sends the cookie and the sesskey, and logs in again once when the session is gone', async () => {
    const first = await send('totara_webapi_status');
    expect(JSON.parse(first.response.body.text).data.totara_webapi_status.status).toBe('ok');
    expect(first.auth?.steps[0]).toMatch(/^Logged in to/);
    sandbox.reset(); // the site forgets every session: the next call gets require_login
    const second = await send('totara_webapi_status');
    expect(JSON.parse(second.response.body.text).data.totara_webapi_status.status).toBe('ok');
    expect(second.auth?.steps).toEqual([
      expect.stringMatching(/^Used the logged-in session/),
      expect.stringMatching(/^Logged in to/),
      expect.stringMatching(/^Retried once with a fresh credential/),
    ]);
  });

  it('skips the session for _nosession operations', async () => {
    const exchange = await send('core_lang_strings_nosession');
    expect(exchange.auth?.steps).toEqual(['Skipped the session: _nosession operations need none.']);
    expect(exchange.request.headers.map(([n]) => n.toLowerCase())).not.toContain('x-totara-sesskey');
  });

  it('explains a wrong password', async () => {
    services.auth.credentials.put({
      id: 'ajax-bad',
      kind: 'session',
      label: 'bad',
      loginUrl: sandbox.endpoints.ajaxLogin,
      username: 'learner',
      password: 'nope',
      csrfPattern: '"sesskey":"([^"]+)"',
      csrfHeader: 'X-Totara-Sesskey',
    });
    const result = await dispatch(services.handlers, 'send', {
      requestId: 'bad-login',
      draft: {
        method: 'POST',
        url: sandbox.endpoints.ajaxGraphql,
        headers: [],
        body: { mode: 'json', text: '{"operationName":"totara_webapi_status","variables":{}}' },
        auth: { type: 'session', credentialId: 'ajax-bad' },
      },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'auth.login-failed', message: expect.stringContaining('Invalid login') },
    });
  });
});

describe('credential fields resolve {{variables}} from the environment', () => {
  it('takes the token URL from the active environment, and names the field when one is undefined', async () => {
    services.auth.credentials.putTransient(
      totara({ id: 'templated', tokenUrl: '{{auth_base}}/totara/oauth2/token.php' }),
    );
    const saved = await dispatch(services.handlers, 'saveEnvironment', {
      name: 'Templated',
      variables: [{ name: 'auth_base', value: sandbox.url.replace(/\/$/, ''), secret: false }],
    });
    if (!saved.ok) throw new Error(saved.error.message);
    const draft = {
      method: 'POST',
      url: sandbox.endpoints.totaraGraphql,
      headers: [],
      body: { mode: 'json' as const, text: '{"query":"query { totara_webapi_status { status } }"}' },
      auth: { type: 'oauth2' as const, credentialId: 'templated' },
    };
    const sent = await dispatch(services.handlers, 'send', {
      requestId: 't-env',
      draft,
      environmentId: (saved.value as { id: string }).id,
    });
    expect(sent).toMatchObject({ ok: true, value: { response: { status: 200 } } });
    const missing = await dispatch(services.handlers, 'send', { requestId: 't-noenv', draft });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'template.unresolved', message: expect.stringContaining('token URL') },
    });
  });
});

describe('a token the server refused', () => {
  it('is marked rejected in the token list, with when and by which request, and never used again', async () => {
    services.auth.credentials.put(totara({ id: 'totara-rejected' }));
    const send = async (id: string) => {
      const result = await dispatch(services.handlers, 'send', {
        requestId: id,
        draft: {
          method: 'POST',
          url: sandbox.endpoints.totaraGraphql,
          headers: [],
          body: { mode: 'json', text: JSON.stringify({ query: '{ totara_webapi_status { status } }' }) },
          auth: { type: 'oauth2', credentialId: 'totara-rejected' },
        },
      });
      if (!result.ok) throw new Error(result.error.message);
      return result.value as CallOutput<'send'>;
    };
    await send('first');
    const tokens = async () =>
      (
        (await dispatch(services.handlers, 'listTokens', {})) as { value: CallOutput<'listTokens'> }
      ).value.filter((t) => t.credentialId === 'totara-rejected');
    const [granted] = await tokens();
    expect(granted?.rejected).toBeUndefined();
    // The server forgets it (as after a restart or a revocation): the next send is refused, then retried.
    sandbox.expireTokens();
    const retried = await send('second');
    expect(retried.auth?.steps.join(' ')).toMatch(/Retried once with a fresh credential/);
    const after = await tokens();
    const old = after.find((t) => t.id === granted?.id);
    expect(old?.rejected).toMatchObject({ method: 'POST', url: sandbox.endpoints.totaraGraphql });
    expect(after.filter((t) => !t.rejected)).toHaveLength(1);
  });
});
