/**
 * A body over 2 MB is kept on disk and read in windows; those windows, search hits, the pretty
 * copy and a saved file must hide secrets exactly as a small body does. Through Lantern's real
 * services against a local server that echoes a secret canary in a 3 MB JSON body.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../shared/contract';
import { dispatch } from '../../../shared/dispatch';
import { maskSecret } from '../../../shared/model/auth';
import { startHttpServer, type RunningServer } from '../../../test-support/servers';
import { createServices } from '../create-services';

const CANARY = 'canary-9d41c07be25f';
const MASK = maskSecret(CANARY);
const PREVIEW_BYTES = 64 * 1024;

/** ~3 MB of JSON: the canary on its own lines, straddling the 64 KB preview edge and inside a 40 KB line. */
function bigBody(): string {
  const head = `{"note":"${'p'.repeat(PREVIEW_BYTES - 5 - '{"note":"'.length)}${CANARY}",\n`;
  const records: string[] = [];
  for (let i = 0; i < 24_000; i++) {
    records.push(
      `  {"id":${i},"owner":"${i % 4_000 === 0 ? CANARY : `user-${i}`}","pad":"${'x'.repeat(100)}"}`,
    );
  }
  // One long minified line: the viewer cuts it into 2 KB rows, wherever the canary falls.
  const long = Array.from({ length: 400 }, (_, i) => `${'y'.repeat(i % 97)}${CANARY}`).join(',');
  return `${head}"records":[\n${records.join(',\n')}\n],\n"long":"${long}",\n"last":"${CANARY}"}\n`;
}

let server: RunningServer;
let dataDir: string;
let services: ReturnType<typeof createServices>;
let exchange: CallOutput<'send'>;
const body = bigBody();

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatch(services.handlers, name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    if (req.url === '/binary') {
      // Looks binary (octet-stream, NUL bytes), yet the viewer would show its rows as text.
      res.setHeader('content-type', 'application/octet-stream');
      res.end(Buffer.concat([Buffer.alloc(3 * 1024 * 1024, 0), Buffer.from(`\ntoken=${CANARY}\n`)]));
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(body);
  });
  dataDir = await mkdtemp(path.join(tmpdir(), 'lantern-stored-mask-'));
  services = createServices({ mode: 'browser', version: 'test', dataDir, emit: () => undefined });
  const environment = await call<{ id: string }>('saveEnvironment', {
    name: 'Canary',
    variables: [{ name: 'apiKey', value: CANARY, secret: true }],
  });
  exchange = await call('send', {
    requestId: 'stored-mask',
    draft: {
      method: 'GET',
      url: `${server.url}/big`,
      headers: [],
      body: { mode: 'none' },
      auth: { type: 'none' },
    },
    environmentId: environment.id,
  });
});
afterAll(async () => {
  await services.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

const storedId = () => {
  const stored = exchange.response.body.stored;
  if (!stored) throw new Error('the body was expected to be kept on disk');
  return stored.id;
};

describe('a large stored body echoing a secret', () => {
  it('is kept on disk, and its preview shows neither the secret nor its start', () => {
    expect(Buffer.byteLength(body)).toBeGreaterThan(3 * 1024 * 1024);
    expect(exchange.response.body.stored).toBeDefined();
    expect(exchange.response.body.text).not.toContain(CANARY);
    expect(exchange.response.body.text).not.toContain(CANARY.slice(0, 5));
  });

  it('reads every window masked, rows still whole', async () => {
    const { rows, lines } = exchange.response.body.stored!;
    const texts: string[] = [];
    for (let from = 0; from < rows; from += 2_000) {
      const window = await call<CallOutput<'readBodyRows'>>('readBodyRows', {
        bodyId: storedId(),
        fromRow: from,
        count: 2_000,
      });
      texts.push(...window.rows.map((row) => row.text));
    }
    expect(texts).toHaveLength(rows);
    const all = texts.join('\n');
    expect(all).not.toContain(CANARY);
    // Cut rows of the long line rejoin to exactly the masked line.
    expect(lines).toBe(body.split('\n').length);
    const expected = body.split(CANARY).join(MASK);
    expect(all.replace(/\n/g, '')).toBe(expected.replace(/\n/g, ''));
  });

  it('never finds the secret by search, and finds its mask where it was', async () => {
    const forSecret = await call<CallOutput<'searchBody'>>('searchBody', {
      bodyId: storedId(),
      query: CANARY,
    });
    expect(forSecret.total).toBe(0);
    const forStart = await call<CallOutput<'searchBody'>>('searchBody', {
      bodyId: storedId(),
      query: CANARY.slice(0, 10),
    });
    expect(forStart.total).toBe(0);
    const forMask = await call<CallOutput<'searchBody'>>('searchBody', { bodyId: storedId(), query: MASK });
    expect(forMask.total).toBe(body.split(CANARY).length - 1);
    // A hit's column points at the mask in the row the viewer shows (the first record's owner).
    expect(forMask.matches[0]!.row).toBeLessThan(forMask.matches[1]!.row);
    const hit = forMask.matches[1]!;
    const row = await call<CallOutput<'readBodyRows'>>('readBodyRows', {
      bodyId: storedId(),
      fromRow: hit.row,
      count: 1,
    });
    expect(row.rows[0]!.text.slice(hit.column, hit.column + MASK.length)).toBe(MASK);
  });

  it('pretty-prints and saves (browser mode: downloads) the masked body', async () => {
    const pretty = await call<CallOutput<'prettyBody'>>('prettyBody', { bodyId: storedId() });
    const found = await call<CallOutput<'searchBody'>>('searchBody', { bodyId: pretty.id, query: CANARY });
    expect(found.total).toBe(0);
    const pieces: Buffer[] = [];
    for (let offset: number | undefined = 0; offset !== undefined;) {
      const piece: CallOutput<'readBodyBytes'> = await call('readBodyBytes', { bodyId: storedId(), offset });
      pieces.push(Buffer.from(piece.data, 'base64'));
      offset = piece.nextOffset;
    }
    const saved = Buffer.concat(pieces).toString('utf8');
    expect(saved).not.toContain(CANARY);
    expect(JSON.parse(saved).last).toBe(MASK);
  });

  it('is masked whichever environment the send uses: every known secret counts', async () => {
    const clean = await call<CallOutput<'send'>>('send', {
      requestId: 'stored-clean',
      draft: {
        method: 'GET',
        url: `${server.url}/big`,
        headers: [],
        body: { mode: 'none' },
        auth: { type: 'none' },
      },
    });
    expect(clean.response.body.stored).toBeDefined();
    const { id, rows } = clean.response.body.stored!;
    const window = await call<CallOutput<'readBodyRows'>>('readBodyRows', {
      bodyId: id,
      fromRow: rows - 5,
      count: 5,
    });
    expect(window.rows.at(-2)?.text).toBe(`"last":"${MASK}"}`);
    expect(window.rows.map((r) => r.text).join('\n')).not.toContain(CANARY);
  });

  it('is masked even when the body looks binary', async () => {
    const binary = await call<CallOutput<'send'>>('send', {
      requestId: 'stored-binary',
      draft: {
        method: 'GET',
        url: `${server.url}/binary`,
        headers: [],
        body: { mode: 'none' },
        auth: { type: 'none' },
      },
    });
    expect(binary.response.body.encoding).toBe('base64');
    const { id, rows } = binary.response.body.stored!;
    const window = await call<CallOutput<'readBodyRows'>>('readBodyRows', {
      bodyId: id,
      fromRow: rows - 3,
      count: 3,
    });
    expect(window.rows.map((r) => r.text)).toContain(`token=${MASK}`);
  });
});
