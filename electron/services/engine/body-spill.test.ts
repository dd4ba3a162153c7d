import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHttpServer, type RunningServer } from '../../../test-support/servers';
import { createHttpEngine } from './http-engine';
import { prepareRequest } from './request-builder';
import { BodyStore } from './body-store';

// A local server whose large bodies arrive in many chunks, as real downloads do.
const LINE = '{"id":1,"name":"ünïcode row"}\n';
const LINES = 100_000; // ~3 MB: above the 2 MB threshold
/** The engine's default: bodies longer than this spill to a file in the body store. */
const SPILL_ABOVE = 2 * 1024 * 1024;
/** How far a held body gets before it stalls: well past the threshold, so it is on disk. */
const HOLD_AFTER_BYTES = SPILL_ABOVE + 512 * 1024;
let server: RunningServer;
let base: string;
let dir: string;
let store: BodyStore;
const engine = () => createHttpEngine({ env: {}, bodyStore: store });
let shared: ReturnType<typeof createHttpEngine>;
/** Responses of /hold, stalled mid-body until the test breaks them off. */
const held: ServerResponse[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lantern-spill-'));
  store = new BodyStore({ dir: path.join(dir, 'bodies') });
  shared = engine();
  server = await startHttpServer((request, response) => {
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
        if (url.pathname === '/hold' && sent * Buffer.byteLength(LINE) > HOLD_AFTER_BYTES) {
          held.push(response);
          return;
        }
        sent += 1000;
        if (!response.write(block)) return response.once('drain', more);
      }
      response.end();
    };
    more();
  });
  base = server.url;
});
afterAll(async () => {
  await shared.close();
  await server.close();
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
const files = () => readdirSync(path.join(dir, 'bodies')).sort();

/**
 * Waits until a held body has spilled to a file of its own and the server has stalled, and
 * returns that file's name: a test of its deletion must first see it exist.
 */
async function spilledFileBeside(before: string[]): Promise<string> {
  return vi.waitFor(
    () => {
      const [added, ...more] = files().filter((file) => !before.includes(file));
      if (!added || more.length > 0 || held.length !== 1) throw new Error('the body has not spilled yet');
      return added;
    },
    { timeout: 10_000, interval: 20 },
  );
}

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
    const before = files();
    const pending = get('/hold');
    const partial = await spilledFileBeside(before);
    held.shift()?.destroy();
    await expect(pending).rejects.toMatchObject({ code: expect.any(String) });
    // The engine rejects only once the partial file is deleted: no wait is needed.
    expect(files()).not.toContain(partial);
    expect(files()).toEqual(before);
  });

  it('deletes the partial file when the request is cancelled', async () => {
    const before = files();
    const pending = get('/hold');
    const partial = await spilledFileBeside(before);
    await shared.cancel({ requestId: `s${n - 1}` });
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    expect(files()).not.toContain(partial);
    expect(files()).toEqual(before);
    held.shift()?.destroy();
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
