import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpEngine } from './http-engine';
import { prepareRequest } from './request-builder';
import { BodyStore } from './body-store';

// A local server whose large bodies arrive in many chunks, as real downloads do.
const LINE = '{"id":1,"name":"ünïcode row"}\n';
const LINES = 100_000; // ~3 MB: above the 2 MB threshold
let server: Server;
let base: string;
let dir: string;
let store: BodyStore;
const engine = () => createHttpEngine({ env: {}, bodyStore: store });
let shared: ReturnType<typeof createHttpEngine>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lantern-spill-'));
  store = new BodyStore({ dir: path.join(dir, 'bodies') });
  shared = engine();
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    if (url.pathname === '/gzip') {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      return response.end(gzipSync(LINE.repeat(LINES)));
    }
    if (url.pathname === '/small') return response.end('{"small":true}');
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    const block = LINE.repeat(1000);
    let sent = 0;
    const more = () => {
      while (sent < LINES) {
        sent += 1000;
        if (url.pathname === '/reset' && sent > LINES / 2) return response.destroy();
        if (url.pathname === '/slow' && sent > LINES / 2) return setTimeout(more, 10_000).unref();
        if (!response.write(block)) return response.once('drain', more);
      }
      response.end();
    };
    more();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await shared.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const options = { timeoutMs: 15_000, connectTimeoutMs: 5_000 };
const get = async (pathname: string, on = shared) =>
  on.execute(
    `s${n++}`,
    await prepareRequest({
      method: 'GET',
      url: `${base}${pathname}`,
      headers: [],
      body: { mode: 'none' },
      auth: { type: 'none' },
    }),
    options,
  );
const files = () => readdirSync(path.join(dir, 'bodies'));

describe('large bodies go to the body store', () => {
  it('streams a body above the threshold to disk and sends only a preview inline', async () => {
    const exchange = await get('/big');
    const { body, bodyBytes } = exchange.response;
    expect(bodyBytes).toBe(Buffer.byteLength(LINE) * LINES);
    expect(body.stored).toMatchObject({ bytes: bodyBytes, rows: LINES + 1, lines: LINES + 1 });
    expect(body.truncated).toBe(true);
    expect(Buffer.byteLength(body.text)).toBeLessThanOrEqual(64 * 1024);
    expect(body.text.startsWith(LINE)).toBe(true);
    const window = await store.readRows(body.stored?.id ?? '', LINES - 1, 5);
    expect(window.rows.map((r) => r.text)).toEqual([LINE.trim(), '']);
  });

  it('stores the decoded bytes of a compressed body', async () => {
    const { response } = await get('/gzip');
    expect(response.body.stored?.bytes).toBe(Buffer.byteLength(LINE) * LINES);
    expect(response.wireBytes).toBeLessThan(100_000);
  });

  it('keeps small bodies inline', async () => {
    const { response } = await get('/small');
    expect(response.body).toEqual({
      text: '{"small":true}',
      encoding: 'utf8',
      truncated: false,
      contentType: '',
    });
  });

  it('deletes the partial file when the connection breaks mid-body', async () => {
    const before = files().length;
    await expect(get('/reset')).rejects.toMatchObject({ code: expect.any(String) });
    await new Promise((r) => setTimeout(r, 50));
    expect(files()).toHaveLength(before);
  });

  it('deletes the partial file when the request is cancelled', async () => {
    const before = files().length;
    const pending = get('/slow');
    await new Promise((r) => setTimeout(r, 300));
    await shared.cancel({ requestId: `s${n - 1}` });
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    await new Promise((r) => setTimeout(r, 50));
    expect(files()).toHaveLength(before);
  });

  it('keeps everything in memory, cut, when the store is turned off', async () => {
    const inMemory = createHttpEngine({ env: {}, bodyStore: false, maxInlineBytes: 1024 });
    const { response } = await get('/big', inMemory);
    expect(response.body.stored).toBeUndefined();
    expect(response.body.truncated).toBe(true);
    expect(Buffer.byteLength(response.body.text)).toBe(1024);
    await inMemory.close();
  });
});
