import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpbin, type RunningProcess } from '../../e2e/support/processes';
import type { RequestDraft } from '../../shared/model/request';
import { createHttpEngine } from './http-engine';
import { prepareRequest } from './request-builder';

// The real httpbin (Debian's python3-httpbin) on 127.0.0.1: no mocks of HTTP.
let httpbin: RunningProcess;
const engine = createHttpEngine({ maxInlineBytes: 64 * 1024 });
beforeAll(async () => {
  httpbin = await startHttpbin();
}, 30_000);
afterAll(async () => {
  await engine.close();
  await httpbin?.stop();
});

let n = 0;
const options = { timeoutMs: 15_000, connectTimeoutMs: 5_000 };
const draft = (over: Partial<RequestDraft>): RequestDraft => ({
  method: 'GET',
  url: `${httpbin.url}/get`,
  headers: [],
  body: { mode: 'none' },
  auth: { type: 'none' },
  ...over,
});
// prepareRequest throws synchronously on bad input: keep that a rejection, as the pipeline sees it.
const send = async (over: Partial<RequestDraft>, opts = options) =>
  engine.execute(`t${n++}`, prepareRequest(draft(over)), opts);

describe('http engine against httpbin', () => {
  it('sends enabled headers only and reports what it sent', async () => {
    const exchange = await send({
      headers: [
        { name: 'X-One', value: '1', enabled: true },
        { name: 'X-Off', value: '2', enabled: false },
        { name: '', value: 'ignored', enabled: true },
      ],
    });
    expect(exchange.response.status).toBe(200);
    expect(exchange.response.statusText).toBe('OK');
    const echoed = JSON.parse(exchange.response.body.text).headers;
    expect(echoed['X-One']).toBe('1');
    expect(echoed['X-Off']).toBeUndefined();
    expect(exchange.request.headers).toContainEqual(['X-One', '1']);
    expect(exchange.timings.totalMs).toBeGreaterThanOrEqual(exchange.timings.firstByteMs);
  });

  it('posts a JSON body with a JSON content type unless one was set', async () => {
    const exchange = await send({
      method: 'POST',
      url: `${httpbin.url}/post`,
      body: { mode: 'json', text: '{"a":1}' },
    });
    const echoed = JSON.parse(exchange.response.body.text);
    expect(echoed.json).toEqual({ a: 1 });
    expect(echoed.headers['Content-Type']).toBe('application/json');
    const raw = await send({
      method: 'PUT',
      url: `${httpbin.url}/put`,
      headers: [{ name: 'content-type', value: 'text/csv', enabled: true }],
      body: { mode: 'raw', text: 'a,b', contentType: 'text/plain' },
    });
    expect(JSON.parse(raw.response.body.text)).toMatchObject({
      data: 'a,b',
      headers: { 'Content-Type': 'text/csv' },
    });
  });

  it.each([
    ['/status/418', 418, "I'm a Teapot"],
    ['/status/503', 503, 'Service Unavailable'],
  ])('reports %s as %d %s', async (path, status, reason) => {
    const exchange = await send({ url: `${httpbin.url}${path}` });
    expect([exchange.response.status, exchange.response.statusText]).toEqual([status, reason]);
  });

  it.each(['gzip', 'brotli', 'deflate'])('decodes a %s body', async (kind) => {
    const exchange = await send({ url: `${httpbin.url}/${kind}` });
    expect(JSON.parse(exchange.response.body.text)).toMatchObject({
      [kind === 'brotli' ? 'brotli' : kind === 'gzip' ? 'gzipped' : 'deflated']: true,
    });
  });

  it('keeps binary bodies as base64', async () => {
    const exchange = await send({ url: `${httpbin.url}/image/png` });
    expect(exchange.response.body.encoding).toBe('base64');
    expect(Buffer.from(exchange.response.body.text, 'base64').subarray(1, 4).toString()).toBe('PNG');
  });

  it('cuts the inline copy of a large body and says so, counting every byte', async () => {
    const exchange = await send({ url: `${httpbin.url}/bytes/102400` });
    expect(exchange.response.bodyBytes).toBe(102_400);
    expect(exchange.response.body.truncated).toBe(true);
    expect(Buffer.from(exchange.response.body.text, 'base64').length).toBe(64 * 1024);
  });

  it('cancels an in-flight request', async () => {
    const pending = engine.execute(
      'slow',
      prepareRequest(draft({ url: `${httpbin.url}/delay/10` })),
      options,
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(await engine.cancel({ requestId: 'slow' })).toEqual({ cancelled: true });
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    expect(await engine.cancel({ requestId: 'slow' })).toEqual({ cancelled: false });
  });

  it('gives up after the total timeout, in plain words', async () => {
    await expect(
      send({ url: `${httpbin.url}/delay/5` }, { timeoutMs: 1_000, connectTimeoutMs: 1_000 }),
    ).rejects.toMatchObject({
      code: 'network.timeout',
      message: expect.stringContaining('within 1 s'),
    });
  });
});

describe('http engine: failures in plain words', () => {
  it.each([
    [{ url: 'http://127.0.0.1:9/' }, 'network.refused', /connection was refused/],
    [{ url: 'http://exa mple.com/' }, 'invalid-url', /is not a valid URL/],
    [{ url: '' }, 'invalid-url', /URL is empty/],
    [{ url: 'ftp://example.com/' }, 'invalid-url', /http:\/\/ and https:\/\/ requests only/],
    [
      { headers: [{ name: 'Bad Name', value: 'x', enabled: true }] },
      'invalid-header',
      /"Bad Name" contains characters/,
    ],
    [
      { headers: [{ name: 'X-Split', value: 'a\r\nInjected: 1', enabled: true }] },
      'invalid-header',
      /line break/,
    ],
  ])('%j → %s', async (over, code, message) => {
    await expect(send(over as Partial<RequestDraft>)).rejects.toMatchObject({
      code,
      message: expect.stringMatching(message),
    });
  });

  it('explains an unknown host as a DNS failure', async () => {
    await expect(send({ url: 'http://no-such-host.invalid/' })).rejects.toMatchObject({
      code: 'network.dns',
    });
  });
});
