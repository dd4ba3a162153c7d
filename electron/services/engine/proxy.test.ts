import { describe, expect, it } from 'vitest';
import { bypassesProxy, maskProxyUrl, resolveProxy } from './proxy';

const http = new URL('http://api.example.com/x');
const https = new URL('https://api.example.com/x');

describe('resolveProxy', () => {
  it.each([
    ['nothing set', https, {}, undefined, undefined],
    ['HTTPS_PROXY for https', https, { HTTPS_PROXY: 'http://p:3128' }, undefined, 'http://p:3128/'],
    [
      'https_proxy wins over HTTPS_PROXY',
      https,
      { https_proxy: 'http://low:1', HTTPS_PROXY: 'http://up:2' },
      undefined,
      'http://low:1/',
    ],
    ['HTTPS_PROXY not used for http', http, { HTTPS_PROXY: 'http://p:3128' }, undefined, undefined],
    ['HTTP_PROXY for http', http, { HTTP_PROXY: 'p:8080' }, undefined, 'http://p:8080/'],
    ['ALL_PROXY as the fallback', https, { ALL_PROXY: 'http://all:1' }, undefined, 'http://all:1/'],
    [
      'the setting beats the environment',
      https,
      { HTTPS_PROXY: 'http://env:1' },
      'http://set:2',
      'http://set:2/',
    ],
    ['an empty setting means direct', https, { HTTPS_PROXY: 'http://env:1' }, '', undefined],
    ['NO_PROXY bypasses the setting too', https, { NO_PROXY: 'example.com' }, 'http://set:2', undefined],
    [
      'no_proxy lower case',
      https,
      { HTTPS_PROXY: 'http://p:1', no_proxy: '.example.com' },
      undefined,
      undefined,
    ],
  ])('%s', (_name, target, env, setting, expected) => {
    const resolved = resolveProxy(target, { env, ...(setting !== undefined ? { setting } : {}) });
    expect(resolved?.url).toBe(expected);
  });

  it('names the variable a bad proxy address came from', () => {
    expect(() => resolveProxy(https, { env: { HTTPS_PROXY: 'socks5://p:1080' } })).toThrow(
      /the HTTPS_PROXY environment variable\) uses socks5:/,
    );
    expect(() => resolveProxy(https, { env: {}, setting: 'http://bad host' })).toThrow(/the proxy setting/);
  });

  it('lets noProxy replace NO_PROXY', () => {
    const env = { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'example.com' };
    expect(resolveProxy(https, { env, noProxy: 'other.org' })?.url).toBe('http://p:1/');
  });
});

describe('bypassesProxy (NO_PROXY)', () => {
  it.each([
    ['*', 'https://anything.org/', true],
    ['example.com', 'https://example.com/', true],
    ['example.com', 'https://api.example.com/', true],
    ['example.com', 'https://notexample.com/', false],
    ['.example.com', 'https://example.com/', true],
    ['*.example.com', 'https://a.b.example.com/', true],
    ['localhost, 127.0.0.1', 'http://127.0.0.1:8080/', true],
    ['api.example.com:8443', 'https://api.example.com:8443/', true],
    ['api.example.com:8443', 'https://api.example.com/', false],
    ['example.com:443', 'https://example.com/', true],
    ['[::1]', 'http://[::1]:3000/', true],
    ['::1', 'http://[::1]:3000/', true],
    ['[::1]:3000', 'http://[::1]:4000/', false],
    ['EXAMPLE.COM', 'https://api.example.com/', true],
    ['foo.org bar.org', 'https://bar.org/', true],
    ['', 'https://example.com/', false],
  ])('%j, %s → %s', (list, url, expected) => {
    expect(bypassesProxy(new URL(url), list)).toBe(expected);
  });
});

describe('maskProxyUrl', () => {
  it.each([
    ['http://user:s3cret@proxy:3128', 'http://user:••••@proxy:3128'],
    ['http://proxy:3128/', 'http://proxy:3128'],
    ['proxy:3128', 'http://proxy:3128'],
    ['http://user@proxy:3128', 'http://user@proxy:3128'],
  ])('%s → %s', (raw, masked) => {
    expect(maskProxyUrl(raw)).toBe(masked);
  });
});
