import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../shared/contract';
import { startHost } from './server';

const token = 'a'.repeat(64);
let host: Awaited<ReturnType<typeof startHost>>;

beforeAll(async () => {
  const rendererDir = mkdtempSync(path.join(tmpdir(), 'lantern-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Lantern</title>');
  const handlers = {
    appInfo: async () => ({ version: '0.1.0', mode: 'browser', platform: 'linux' }),
  } as unknown as Handlers;
  host = await startHost({ handlers, rendererDir, token });
});
afterAll(() => host.close());

async function hit(pathname: string, headers: Record<string, string>, method = 'POST') {
  const response = await request(`http://127.0.0.1:${host.port}${pathname}`, {
    method: method as 'POST',
    headers,
    body: method === 'POST' ? '{}' : undefined,
  });
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}

const call = '/api/call/appInfo';
const own = () => ({ host: `127.0.0.1:${host.port}` });

describe('browser-mode host: who may call', () => {
  it.each([
    ['no token', () => own(), 401],
    ['a wrong token', () => ({ ...own(), authorization: `Bearer ${'b'.repeat(64)}` }), 401],
    ['a token of the wrong length', () => ({ ...own(), authorization: 'Bearer abc' }), 401],
    ['the token in the wrong scheme', () => ({ ...own(), authorization: `Basic ${token}` }), 401],
    [
      'a foreign Host (DNS rebinding)',
      () => ({ host: `evil.example:${host.port}`, authorization: `Bearer ${token}` }),
      403,
    ],
    ['a Host on another port', () => ({ host: '127.0.0.1:1', authorization: `Bearer ${token}` }), 403],
    [
      'a foreign Origin',
      () => ({ ...own(), origin: 'https://evil.example', authorization: `Bearer ${token}` }),
      403,
    ],
    ['the right token', () => ({ ...own(), authorization: `Bearer ${token}` }), 200],
    [
      'the right token via localhost',
      () => ({ host: `localhost:${host.port}`, authorization: `Bearer ${token}` }),
      200,
    ],
    [
      'the right token with our own Origin',
      () => ({ ...own(), origin: `http://127.0.0.1:${host.port}`, authorization: `Bearer ${token}` }),
      200,
    ],
  ])('%s → %d', async (_what, headers, status) => {
    const response = await hit(call, headers());
    expect(response.status).toBe(status);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    if (status === 200)
      expect(JSON.parse(response.body)).toEqual({
        ok: true,
        value: expect.objectContaining({ mode: 'browser' }),
      });
    else expect(JSON.parse(response.body).error.message).toMatch(/token|Refused/);
  });

  it('binds to loopback only', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(host.launchUrl).toBe(`${host.url}#token=${token}`);
  });

  it('serves the page with a strict CSP, and refuses a foreign Host for it too', async () => {
    const page = await hit('/', own(), 'GET');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect((await hit('/', { host: 'attacker.test' }, 'GET')).status).toBe(403);
  });

  it('does not serve files outside the renderer folder', async () => {
    expect((await hit('/..%2f..%2fetc%2fpasswd', own(), 'GET')).status).toBe(404);
  });

  it('answers malformed call bodies with a 400 and a reason', async () => {
    const response = await request(`http://127.0.0.1:${host.port}${call}`, {
      method: 'POST',
      headers: { ...own(), authorization: `Bearer ${token}` },
      body: '{not json',
    });
    expect(response.statusCode).toBe(400);
    expect(await response.body.json()).toMatchObject({
      ok: false,
      error: { message: 'The call body is not valid JSON.' },
    });
  });
});
