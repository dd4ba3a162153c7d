import { gzipSync } from 'node:zlib';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpEngine } from './http-engine';
import { startHttpServer, type RunningServer } from '../../../test-support/servers';

// A real node:http server that sends what httpbin cannot: broken gzip, odd charsets.
const text = 'Lantern tells you why. '.repeat(2_000);
const zipped = gzipSync(text);
const routes: Record<string, (res: ServerResponse) => void> = {
  '/truncated-gzip': (res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip' });
    res.end(zipped.subarray(0, zipped.length >> 1));
  },
  '/not-gzip': (res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip' });
    res.end('plain text, not gzip');
  },
  '/reset-mid-gzip': (res) => {
    res.writeHead(200, {
      'Content-Type': 'text/plain',
      'Content-Encoding': 'gzip',
      'Content-Length': zipped.length,
    });
    res.write(zipped.subarray(0, 100), () => res.socket?.destroy());
  },
  '/gzip': (res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip' });
    res.end(zipped);
  },
  '/zstd': (res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'zstd' });
    res.end('??');
  },
  '/latin1': (res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=ISO-8859-1' });
    res.end(Buffer.from('café crème', 'latin1'));
  },
  '/utf16': (res) => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset="utf-16le"' });
    res.end(Buffer.from('{"naïve":true}', 'utf16le'));
  },
  '/bogus-charset': (res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=klingon' });
    res.end('<p>qapla’</p>');
  },
  '/bad-utf8': (res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(Buffer.from([0x6f, 0x6b, 0xff, 0x21]));
  },
};

let server: RunningServer;
const engine = createHttpEngine({ env: {} });
beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    const route = routes[req.url ?? ''];
    if (route) route(res);
    else res.writeHead(404).end();
  });
});
afterAll(async () => {
  await engine.close();
  await server?.close();
});

let n = 0;
const get = (path: string) =>
  engine.execute(
    `d${n++}`,
    { url: new URL(`${server.url}${path}`), method: 'GET', headers: [], body: undefined },
    { timeoutMs: 10_000, connectTimeoutMs: 5_000 },
  );

describe('decoding bodies', () => {
  it('counts bytes on the wire and decoded', async () => {
    const exchange = await get('/gzip');
    expect(exchange.response.body.text).toBe(text);
    expect(exchange.response.bodyBytes).toBe(text.length);
    expect(exchange.response.wireBytes).toBe(zipped.length);
    expect(exchange.notes).toBeUndefined();
  });

  it.each([
    [
      '/truncated-gzip',
      /The gzip body ended before its end marker: the response was cut short\. Lantern shows the \d+ bytes/,
    ],
    ['/not-gzip', /not valid gzip although the server said it was .*Nothing could be decoded/],
    ['/zstd', /encoded as "zstd", which Lantern cannot decode/],
    ['/bogus-charset', /charset=klingon, which Lantern does not know/],
    ['/bad-utf8', /not valid UTF-8 although the server declared it so/],
  ])('answers %s with a note, not a crash', async (path, note) => {
    const exchange = await get(path);
    expect(exchange.response.status).toBe(200);
    expect(exchange.notes).toEqual([expect.stringMatching(note)]);
  });

  it('keeps what a truncated gzip stream did decode', async () => {
    const exchange = await get('/truncated-gzip');
    expect(exchange.response.bodyBytes).toBeGreaterThan(0);
    expect(text.startsWith(exchange.response.body.text)).toBe(true);
  });

  it('reports a connection cut inside a gzip body as a reset, not a decoding note', async () => {
    await expect(get('/reset-mid-gzip')).rejects.toMatchObject({ code: 'network.reset' });
  });

  it.each([
    ['/latin1', 'café crème'],
    ['/utf16', '{"naïve":true}'],
    ['/bad-utf8', 'ok\uFFFD!'],
  ])('decodes %s with its declared charset', async (path, expected) => {
    const exchange = await get(path);
    expect(exchange.response.body).toMatchObject({ text: expected, encoding: 'utf8' });
  });
});
