import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LanternError } from '../../../shared/model/result';
import { BodyStore } from './body-store';

const dirs: string[] = [];
const stores: BodyStore[] = [];
function newStore(options: { maxTotalBytes?: number; maxRowBytes?: number } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'lantern-body-store-'));
  dirs.push(dir);
  const store = new BodyStore({ dir: path.join(dir, 'bodies'), ...options });
  stores.push(store);
  return { store, dir: path.join(dir, 'bodies') };
}
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Stores `parts` as one body, in those chunks. */
async function put(store: BodyStore, parts: (string | Buffer)[]) {
  const writer = await store.begin();
  for (const part of parts) writer.write(Buffer.isBuffer(part) ? part : Buffer.from(part));
  return writer.finish();
}

describe('BodyStore', () => {
  it('stores a body with its size, rows and lines, and reads windows of rows', async () => {
    const { store } = newStore();
    const lines = Array.from({ length: 1000 }, (_, i) => `{"id":${i}}`);
    const stored = await put(store, [lines.slice(0, 500).join('\n'), '\n', lines.slice(500).join('\n')]);
    expect(stored).toMatchObject({ bytes: Buffer.byteLength(lines.join('\n')), rows: 1000, lines: 1000 });
    expect(stored.id).toMatch(/^b[0-9a-f]{24}$/);
    const window = await store.readRows(stored.id, 499, 3);
    expect(window.fromRow).toBe(499);
    expect(window.rows.map((r) => r.text)).toEqual(['{"id":499}', '{"id":500}', '{"id":501}']);
    expect(window.rows.map((r) => r.line)).toEqual([500, 501, 502]);
  });

  it('clips windows at the end of the body', async () => {
    const { store } = newStore();
    const stored = await put(store, ['a\nb\nc']);
    expect(await store.readRows(stored.id, 2, 100)).toEqual({
      fromRow: 2,
      rows: [{ line: 3, text: 'c', wrapped: false }],
      totalRows: 3,
      lines: 3,
      bytes: 5,
    });
    expect((await store.readRows(stored.id, 50, 2)).fromRow).toBe(2);
  });

  it('decodes characters split across chunks', async () => {
    const { store } = newStore();
    const bytes = Buffer.from('héllo wörld €\n😀 end');
    const parts = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
    const stored = await put(store, parts);
    const { rows } = await store.readRows(stored.id, 0, 10);
    expect(rows.map((r) => r.text)).toEqual(['héllo wörld €', '😀 end']);
  });

  it('cuts long lines into rows of at most maxRowBytes', async () => {
    const { store } = newStore({ maxRowBytes: 10 });
    const stored = await put(store, ['x'.repeat(25)]);
    expect([stored.rows, stored.lines]).toEqual([3, 1]);
    const { rows } = await store.readRows(stored.id, 0, 3);
    expect(rows.map((r) => [r.text.length, r.wrapped])).toEqual([
      [10, false],
      [10, true],
      [5, true],
    ]);
  });

  it('wraps a single long line to the width asked for, at any chunking, with its real line number', async () => {
    const { store } = newStore();
    const line = `{"a":"${'x'.repeat(95)}"}`; // 103 bytes
    const stored = await put(store, [line.slice(0, 40), line.slice(40), '\nend']);
    const window = await store.readRows(stored.id, 0, 100, 10);
    expect(window).toMatchObject({ fromRow: 0, totalRows: 12, lines: 2 });
    expect(window.rows.map((r) => r.text.length)).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 3, 3]);
    expect(window.rows.map((r) => r.text).join('')).toBe(`${line}end`);
    expect(window.rows.map((r) => [r.line, r.wrapped])).toEqual([
      [1, false],
      ...Array.from({ length: 10 }, () => [1, true]),
      [2, false],
    ]);
    // Another width is another layout of the same body; the first is still there.
    expect((await store.readRows(stored.id, 0, 1, 50)).totalRows).toBe(4);
    expect((await store.readRows(stored.id, 10, 2, 10)).rows.map((r) => r.text)).toEqual(['x"}', 'end']);
  });

  it("indexes a new body at the viewer's last width while it streams in, the same as from the file", async () => {
    const { store } = newStore();
    const first = await put(store, ['x'.repeat(30)]);
    await store.readRows(first.id, 0, 1, 12);
    const line = `${'y'.repeat(50)}\n${'z'.repeat(7)}`;
    const second = await put(store, [line.slice(0, 20), line.slice(20)]);
    const entry = store.get(second.id);
    expect(entry.layouts.get(12)?.index.bytes).toBe(Buffer.byteLength(line));
    const window = await store.readRows(second.id, 0, 100, 12);
    expect(window.rows.map((r) => r.text)).toEqual([
      'y'.repeat(12),
      ...Array(3).fill('y'.repeat(12)),
      'yy',
      'zzzzzzz',
    ]);
    expect(window.totalRows).toBe(6);
  });

  it('never splits a UTF-8 character when it wraps', async () => {
    const { store } = newStore();
    const text = 'é€😀'.repeat(200);
    const stored = await put(store, [Buffer.from(text)]);
    for (const width of [8, 9, 10, 11, 13]) {
      const { rows, totalRows } = await store.readRows(stored.id, 0, 2_000, width);
      expect(rows).toHaveLength(totalRows);
      expect(rows.map((r) => r.text).join('')).toBe(text);
      for (const row of rows) {
        expect(row.text).not.toContain('\ufffd');
        expect(Buffer.byteLength(row.text)).toBeLessThanOrEqual(width + 3);
      }
    }
  });

  it('says in plain words when an id is unknown or released', async () => {
    const { store } = newStore();
    const stored = await put(store, ['x']);
    expect(await store.release(stored.id)).toBe(true);
    expect(await store.release(stored.id)).toBe(false);
    await expect(store.readRows(stored.id, 0, 1)).rejects.toMatchObject({
      code: 'body.unknown',
      message: expect.stringContaining('no longer available'),
    });
  });

  it('removes the oldest bodies when the total passes its limit', async () => {
    const { store } = newStore({ maxTotalBytes: 250 });
    const first = await put(store, ['a'.repeat(100)]);
    const second = await put(store, ['b'.repeat(100)]);
    const third = await put(store, ['c'.repeat(100)]);
    expect(() => store.get(first.id)).toThrow(/no longer available/);
    expect(store.get(second.id).bytes).toBe(100);
    expect(store.get(third.id).bytes).toBe(100);
    expect(store.totalBytes()).toBe(200);
  });

  it('keeps only the start of a body larger than the whole limit, and says so', async () => {
    const { store } = newStore({ maxTotalBytes: 100 });
    const stored = await put(store, ['a'.repeat(60), 'b'.repeat(60)]);
    expect(stored).toMatchObject({ bytes: 60, cut: true });
  });

  it('deletes an aborted body and removes its folder on close', async () => {
    const { store, dir } = newStore();
    const writer = await store.begin();
    writer.write(Buffer.from('partial'));
    await writer.abort();
    expect(readdirSync(dir)).toEqual([]);
    await put(store, ['kept']);
    expect(readdirSync(dir)).toHaveLength(1);
    await store.close();
    expect(existsSync(dir)).toBe(false);
    await expect(store.begin()).rejects.toMatchObject({ code: 'body.closed' });
  });

  it('forgets a live body that stopped for a passing reason, and keeps why one was not JSON', async () => {
    const { store, dir } = newStore();
    const live = async () => {
      const writer = await store.begin();
      const entry = writer.live(new Promise(() => undefined));
      writer.write(Buffer.from('[1,'));
      await writer.written();
      return { writer, entry };
    };
    const full = await live();
    await full.writer.abort(
      new LanternError('body.store-failed', 'Lantern could not keep this large body on disk.'),
    );
    expect(full.entry.making).toBeUndefined();
    expect(() => store.get(full.entry.id)).toThrow(expect.objectContaining({ code: 'body.unknown' }));
    const stopped = await live();
    await stopped.writer.abort();
    expect(() => store.get(stopped.entry.id)).toThrow(expect.objectContaining({ code: 'body.unknown' }));
    const broken = await live();
    await broken.writer.abort(new LanternError('body.not-json', 'This body is not valid JSON.'));
    expect(broken.entry.making).toBeUndefined();
    expect(() => store.get(broken.entry.id)).toThrow('This body is not valid JSON.');
    // Their files are gone, and none counts against the limit.
    expect(readdirSync(dir)).toEqual([]);
    expect(store.totalBytes()).toBe(0);
  });

  it('decodes rows with the charset the response declared', async () => {
    const { store } = newStore();
    const writer = await store.begin('iso-8859-1');
    writer.write(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    const stored = await writer.finish();
    expect((await store.readRows(stored.id, 0, 1)).rows[0]?.text).toBe('café');
  });
});
