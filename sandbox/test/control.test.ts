import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../cli-args';
import { defaultConfig, startSandbox } from '../index';
import { startTestSandbox } from './harness';
import type { TestSandbox } from './harness';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ maxDepth: 14 });
});
afterAll(() => t.sandbox.close());

describe('admin endpoint /__sandbox', () => {
  it.each([
    ['no admin header', {}],
    ['wrong admin token', { 'X-Sandbox-Admin': 'guess' }],
  ])('401 with %s', async (_name, headers) => {
    const reply = await t.request('/__sandbox/config', { headers });
    expect(reply.status).toBe(401);
    expect(reply.json).toEqual({
      error: 'admin_token_required',
      message: 'Send the sandbox admin token (printed at start) in the X-Sandbox-Admin header.',
    });
  });

  it('GET /config returns the start options merged over the defaults', async () => {
    const reply = await t.admin('GET', '/config');
    expect(reply.json).toEqual({ config: { ...defaultConfig, maxDepth: 14 } });
  });

  it('PUT /config changes switches at run time, POST /reset restores them', async () => {
    const put = await t.admin('PUT', '/config', { introspection: false, errorLevel: 'none' });
    expect(put.status).toBe(200);
    expect((put.json as { config: Record<string, unknown> }).config).toMatchObject({
      introspection: false,
      errorLevel: 'none',
    });
    expect(t.sandbox.config().introspection).toBe(false);
    const reset = await t.admin('POST', '/reset');
    expect((reset.json as { config: Record<string, unknown> }).config).toMatchObject({
      introspection: true,
      maxDepth: 14,
    });
  });

  it.each([
    ['unknown key', { maxDeth: 3 }, 'invalid_config', /maxDeth|Unrecognized key/],
    ['wrong type', { maxDepth: 'deep' }, 'invalid_config', /^Invalid sandbox config\. maxDepth: /],
    ['bad enum', { errorLevel: 'loud' }, 'invalid_config', /errorLevel: .*"none"\|"normal"\|"developer"/],
    ['negative window', { rateWindowMs: -1 }, 'invalid_config', /rateWindowMs/],
    ['not JSON', 'maxDepth=3', 'bad_request', /JSON object/],
    ['a JSON array', [1], 'bad_request', /JSON object/],
  ])('PUT /config with %s → 400 with a clear message', async (_name, body, error, message) => {
    const reply = await t.admin('PUT', '/config', body);
    expect(reply.status).toBe(400);
    const json = reply.json as { error: string; message: string };
    expect(json.error).toBe(error);
    expect(json.message).toMatch(message);
  });

  it('token expiry: all, one, and bad input', async () => {
    const first = await t.token();
    await t.token();
    expect((await t.admin('POST', '/totara/tokens/expire', { token: first })).json).toEqual({ expired: 1 });
    expect((await t.admin('POST', '/totara/tokens/expire')).json).toEqual({ expired: 1 });
    const bad = await t.admin('POST', '/totara/tokens/expire', { tokn: 'x' });
    expect(bad.status).toBe(400);
    const list = (await t.admin('GET', '/totara/tokens')).json as { tokens: { expired: boolean }[] };
    expect(list.tokens.every((token) => token.expired)).toBe(true);
  });

  it('client disable/enable flip clientEnabled', async () => {
    expect(
      ((await t.admin('POST', '/totara/client/disable')).json as { config: { clientEnabled: boolean } })
        .config.clientEnabled,
    ).toBe(false);
    expect(
      ((await t.admin('POST', '/totara/client/enable')).json as { config: { clientEnabled: boolean } }).config
        .clientEnabled,
    ).toBe(true);
  });

  it('GET /credentials, unknown admin route 404, wrong method 405', async () => {
    const credentials = (await t.admin('GET', '/credentials')).json as { credentials: unknown };
    expect(credentials.credentials).toEqual(t.credentials);
    expect((await t.admin('GET', '/nothing')).status).toBe(404);
    expect((await t.admin('DELETE', '/config')).status).toBe(405);
    expect((await t.admin('DELETE', '/ihasco/tokens/unknown')).status).toBe(404);
  });
});

describe('startSandbox()', () => {
  it('refuses a non-loopback host and bad options', async () => {
    await expect(startSandbox({ host: '0.0.0.0' })).rejects.toThrow(/loopback only/);
    await expect(startSandbox({ maxDepth: -1 })).rejects.toThrow(/maxDepth/);
  });

  it('binds 127.0.0.1 on a random port; configure() validates', async () => {
    const other = await startSandbox({ credentials: { totara: { clientSecret: 'custom' } } });
    try {
      expect(other.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(other.url).not.toBe(t.sandbox.url);
      expect(other.credentials.totara.clientSecret).toBe('custom');
      expect(() => other.configure({ maxDepth: 'x' as unknown as number })).toThrow(/maxDepth/);
    } finally {
      await other.close();
    }
  });
});

describe('CLI flags', () => {
  it.each([
    [['--port', '4011'], { port: 4011 }],
    [['--', '--port=0', '--host', 'localhost'], { port: 0, host: 'localhost' }],
    [['--max-depth', '12', '--error-level=developer'], { maxDepth: 12, errorLevel: 'developer' }],
    [['--no-introspection', '--strip-authorization'], { introspection: false, stripAuthorization: true }],
    [['--skip-validation', 'false', '--dev-mode'], { skipValidation: false, devMode: true }],
    [
      ['--admin-token', 'abc', '--token-expiry-seconds', '120'],
      { adminToken: 'abc', tokenExpirySeconds: 120 },
    ],
  ])('%j', (argv, options) => {
    expect(parseCliArgs(argv)).toEqual({ ok: true, help: false, options });
  });

  it.each([
    [['--bogus'], /Unknown flag --bogus/],
    [['--max-depth', 'x'], /--max-depth: /],
    [['--port', '99999'], /--port must be/],
    [['--no-max-depth'], /only works for on\/off switches/],
    [['stray'], /Unexpected argument/],
  ])('%j is refused', (argv, message) => {
    const parsed = parseCliArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});
