import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpbin, type RunningProcess } from '../../../test-support/processes';
import type { RequestDraft, SendOptions } from '../../../shared/model/request';
import type { Exchange } from '../../../shared/model/response';
import { CookieJar } from './cookie-jar';
import { createHttpEngine } from './http-engine';
import { prepareRequest } from './request-builder';

// The real httpbin (Debian's python3-httpbin) on 127.0.0.1: no mocks of HTTP.
let httpbin: RunningProcess;
const engine = createHttpEngine({ maxInlineBytes: 64 * 1024, env: {} });
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
const send = async (over: Partial<RequestDraft>, opts: SendOptions = options, jar?: CookieJar) =>
  engine.execute(`t${n++}`, await prepareRequest(draft(over)), opts, jar ? { jar } : {});
const json = (exchange: Exchange) => JSON.parse(exchange.response.body.text);
const header = (name: string, value: string) => ({ name, value, enabled: true });

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
      await prepareRequest(draft({ url: `${httpbin.url}/delay/10` })),
      options,
    );
    // Real time on purpose: httpbin is a real server, and the request must be on the wire, waiting
    // on /delay, when it is cancelled. Fake timers would stall undici's own timers.
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

  it('names a header value undici refuses, where auth added it after the checks', async () => {
    const prepared = await prepareRequest(draft({ url: 'http://127.0.0.1:9/' }));
    const withToken = { ...prepared, headers: [...prepared.headers, ['Authorization', 'Bearer abc\n']] };
    await expect(engine.execute(`t${n++}`, withToken as typeof prepared, options)).rejects.toMatchObject({
      code: 'request.invalid-header-value',
      message: expect.stringMatching(
        /could not send the Authorization header: .* Most likely it is a line break/,
      ),
    });
  });

  it('explains an unknown host as a DNS failure', async () => {
    await expect(send({ url: 'http://no-such-host.invalid/' })).rejects.toMatchObject({
      code: 'network.dns',
    });
  });
});

describe('http engine: redirects against httpbin', () => {
  it.each([
    ['/redirect/3', 3],
    ['/relative-redirect/2', 2],
    ['/absolute-redirect/2', 2],
  ])('follows %s and keeps the chain of %d', async (path, hops) => {
    const exchange = await send({ url: `${httpbin.url}${path}` });
    expect(exchange.response.status).toBe(200);
    expect(exchange.redirects).toHaveLength(hops);
    expect(exchange.redirects?.[0]).toEqual({
      status: 302,
      method: 'GET',
      url: `${httpbin.url}${path}`,
      location: expect.stringMatching(/^http:\/\/(127\.0\.0\.1|localhost):\d+\//),
      // Each hop keeps its own answer's headers (the Timeline shows them).
      headers: expect.arrayContaining([['location', expect.any(String)]]),
    });
    expect(exchange.response.url).toMatch(/\/get$/);
    expect(exchange.request.url).toBe(`${httpbin.url}${path}`);
    expect(exchange.timings.redirectMs).toBeGreaterThan(0);
    expect(exchange.notes).toBeUndefined();
  });

  it.each([
    [
      'POST',
      302,
      '/get',
      'GET',
      'The 302 redirect turned your POST into a GET: the body was not sent again.',
    ],
    [
      'POST',
      301,
      '/get',
      'GET',
      'The 301 redirect turned your POST into a GET: the body was not sent again.',
    ],
    ['PUT', 303, '/get', 'GET', 'The 303 redirect turned your PUT into a GET: the body was not sent again.'],
    ['POST', 307, '/post', 'POST', undefined],
    ['PATCH', 308, '/patch', 'PATCH', undefined],
  ])('%s answered %d goes to %s as %s', async (method, status, to, finalMethod, note) => {
    const exchange = await send({
      method,
      url: `${httpbin.url}/redirect-to?url=${to}&status_code=${status}`,
      body: { mode: 'json', text: '{"kept":true}' },
    });
    expect(exchange.response.status).toBe(200);
    expect(exchange.redirects).toEqual([expect.objectContaining({ status, method })]);
    const echoed = json(exchange);
    if (finalMethod === 'GET') {
      expect(echoed.headers['Content-Type']).toBeUndefined();
      expect(exchange.notes).toEqual([note]);
    } else {
      expect(echoed.json).toEqual({ kept: true });
      expect(exchange.notes).toBeUndefined();
    }
  });

  it('stops after the redirect limit, in plain words', async () => {
    await expect(
      send({ url: `${httpbin.url}/redirect/5` }, { ...options, maxRedirects: 2 }),
    ).rejects.toMatchObject({
      code: 'redirect.too-many',
      message: expect.stringMatching(/stopped after 2 redirects .* usually a loop/),
    });
  });

  it.each([{ maxRedirects: 0 }, { followRedirects: false }])(
    'returns the 3xx itself with %j',
    async (extra) => {
      const exchange = await send({ url: `${httpbin.url}/redirect/1` }, { ...options, ...extra });
      expect(exchange.response.status).toBe(302);
      expect(exchange.redirects).toBeUndefined();
      expect(exchange.notes?.[0]).toMatch(/Redirects are off, so this is the 302 itself, pointing to http/);
    },
  );

  it('does not hand Authorization or Cookie to another origin', async () => {
    const other = httpbin.url.replace('127.0.0.1', 'localhost');
    const exchange = await send({
      url: `${httpbin.url}/redirect-to?url=${encodeURIComponent(`${other}/headers`)}`,
      headers: [header('Authorization', 'Bearer s3cret'), header('Cookie', 'sid=1'), header('X-Keep', 'yes')],
    });
    const echoed = json(exchange).headers;
    expect(echoed.Authorization).toBeUndefined();
    expect(echoed.Cookie).toBeUndefined();
    expect(echoed['X-Keep']).toBe('yes');
    expect(exchange.notes?.[0]).toMatch(
      /another origin \(http:\/\/localhost:\d+\), so your Authorization and Cookie headers were not sent/,
    );
  });
});

describe('http engine: cookies, sizes and timing against httpbin', () => {
  it('stores cookies httpbin sets and sends them back, merged with a Cookie header', async () => {
    const jar = new CookieJar();
    const set = await send({ url: `${httpbin.url}/cookies/set?a=1&b=2` }, options, jar);
    expect(json(set)).toEqual({ cookies: { a: '1', b: '2' } });
    expect(jar.list().map((c) => [c.domain, c.name, c.value])).toEqual([
      ['127.0.0.1', 'a', '1'],
      ['127.0.0.1', 'b', '2'],
    ]);
    const merged = await send(
      { url: `${httpbin.url}/cookies`, headers: [header('Cookie', 'b=mine; c=3')] },
      options,
      jar,
    );
    expect(json(merged)).toEqual({ cookies: { a: '1', b: 'mine', c: '3' } });
    expect(merged.request.headers).toContainEqual(['Cookie', 'b=mine; c=3; a=1']);
    await send({ url: `${httpbin.url}/cookies/delete?a` }, options, jar);
    expect(jar.list().map((c) => c.name)).toEqual(['b']);
    const none = await send({ url: `${httpbin.url}/cookies` });
    expect(json(none)).toEqual({ cookies: {} });
  });

  it.each([
    ['/gzip', true],
    ['/brotli', true],
    ['/bytes/5000', false],
  ])('counts %s on the wire and decoded', async (path, compressed) => {
    const exchange = await send({ url: `${httpbin.url}${path}` });
    const length = Number(exchange.response.headers.find(([name]) => name === 'content-length')?.[1]);
    expect(exchange.response.wireBytes).toBe(length);
    if (compressed) expect(exchange.response.bodyBytes).not.toBe(length);
    else expect(exchange.response.bodyBytes).toBe(length);
  });

  it('reads a streamed (chunked) body', async () => {
    const exchange = await send({ url: `${httpbin.url}/stream/5` });
    const lines = exchange.response.body.text.trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).id)).toEqual([0, 1, 2, 3, 4]);
    expect(exchange.response.wireBytes).toBe(exchange.response.bodyBytes);
  });

  // httpbin's server closes every connection (HTTP/1.0), so reuse is tested in engine/tls.test.ts.
  it('splits a new connection into DNS and TCP', async () => {
    const fresh = createHttpEngine({ env: {} });
    try {
      const url = new URL(`${httpbin.url.replace('127.0.0.1', 'localhost')}/get`);
      const first = await fresh.execute(
        'first',
        { url, method: 'GET', headers: [], body: undefined },
        options,
      );
      expect(first.timings).toMatchObject({ reusedConnection: false, dnsMs: expect.any(Number) });
      expect(first.timings.connectMs).toBeGreaterThan(0);
      expect(first.timings.tlsMs).toBeUndefined();
      expect(first.tls).toBeUndefined();
    } finally {
      await fresh.close();
    }
  });
});
