import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LanternError } from '../../../shared/model/result';
import { prettyCopy, searchStoredBody } from './body-files';
import { BodyStore, summarize } from './body-store';
import { JsonPrettyPrinter } from './json-pretty';

const dirs: string[] = [];
const stores: BodyStore[] = [];
function newStore() {
  const dir = mkdtempSync(path.join(tmpdir(), 'lantern-body-files-'));
  dirs.push(dir);
  const store = new BodyStore({ dir: path.join(dir, 'bodies') });
  stores.push(store);
  return store;
}
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function put(store: BodyStore, text: string | Buffer) {
  const writer = await store.begin();
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += 64 * 1024) writer.write(bytes.subarray(i, i + 64 * 1024));
  return store.get((await writer.finish()).id);
}

/** Every row of a stored body at `width`, joined as the viewer shows them (one line per line). */
async function textOf(store: BodyStore, id: string, width?: number) {
  const { totalRows } = await store.readRows(id, 0, 1, width);
  const rows = [];
  for (let from = 0; from < totalRows; from += 2_000)
    rows.push(...(await store.readRows(id, from, 2_000, width)).rows);
  return rows.map((r, i) => (i > 0 && !r.wrapped ? '\n' : '') + r.text).join('');
}

/** A one-line JSON array of about `megabytes` MB. */
const oneLine = (megabytes: number, last = 'the end') =>
  JSON.stringify([
    ...Array.from({ length: Math.round((megabytes * 1024 * 1024) / 60) }, (_, i) => ({
      id: i,
      name: `Learner ${i}`,
      tags: ['a', 'b'],
      ok: i % 2 === 0,
    })),
    { note: last },
  ]);

const search = (store: BodyStore, bodyId: string, query: string, width?: number, caseSensitive = false) =>
  searchStoredBody(store, { bodyId, query, caseSensitive, maxResults: 1_000, width });

describe('searching a stored body', () => {
  it('places a hit in a wrapped single line at the row and column the viewer shows', async () => {
    const store = newStore();
    const text = oneLine(3, 'Needle-Ü here'); // one line, past the 1 MB read chunks
    const entry = await put(store, text);
    const at = Buffer.byteLength(text.slice(0, text.indexOf('Needle')));
    for (const width of [80, 117, undefined]) {
      const result = await search(store, entry.id, 'needle-Ü', width);
      expect(result).toMatchObject({ total: 1, complete: true });
      const [match] = result.matches;
      const row = (await store.readRows(entry.id, match?.row ?? 0, 1, width)).rows[0];
      expect(row?.text.slice(match?.column, (match?.column ?? 0) + 8)).toBe('Needle-Ü');
      expect(match?.row).toBe(Math.floor(at / (width ?? 2048)));
    }
  });

  it('finds matches across its read chunks, counts them all and folds ASCII case only', async () => {
    const store = newStore();
    const filler = 'x'.repeat((1 << 20) - 3);
    const entry = await put(store, `${filler}ABCDEF\nabcdef\nÄbcdef abcdéf`);
    expect((await search(store, entry.id, 'abcdef')).total).toBe(2);
    expect((await search(store, entry.id, 'abcdef', undefined, true)).total).toBe(1);
    const lines = await search(store, entry.id, 'bcd', 100);
    expect(lines.total).toBe(4);
    // Line 1 (the filler and ABCDEF) takes `first` rows of 100 bytes; its last holds ABCDEF.
    const first = Math.ceil((filler.length + 6) / 100);
    expect(lines.matches).toEqual([
      { row: first - 1, column: (filler.length % 100) + 1 },
      { row: first, column: 1 },
      { row: first + 1, column: 1 },
      { row: first + 1, column: 8 },
    ]);
  });
});

describe('the pretty copy of a large body', () => {
  it('is readable before it is complete, says how far it is, and ends as a full pretty print', async () => {
    const store = newStore();
    const text = oneLine(4);
    const entry = await put(store, text);
    const copy = await prettyCopy(store, entry);
    // One 1 MB read chunk of about four formatted: 25%, as the summary the renderer gets says.
    expect(copy.making?.progress).toBeCloseTo(1 / 4, 1);
    expect(summarize(copy).making).toEqual({ percent: Math.floor((copy.making?.progress ?? 0) * 100) });
    const early = await store.readRows(copy.id, 0, 3, 60);
    expect(early.rows.map((r) => r.text)).toEqual(['[', '  {', '    "id": 0,']);
    await copy.making?.done;
    const done = await store.readRows(copy.id, 0, 1, 60);
    expect(done.making).toBeUndefined();
    expect(await textOf(store, copy.id)).toBe(JSON.stringify(JSON.parse(text), null, 2));
    // Asked again, the same copy.
    expect((await prettyCopy(store, entry)).id).toBe(copy.id);
  });

  it('fails at once when the JSON is broken early, and fails its reads when broken further on', async () => {
    const store = newStore();
    await expect(prettyCopy(store, await put(store, '{"a" 1}'))).rejects.toThrow(
      /not valid JSON: '1' where ':' was expected \(line 1, column 6/,
    );
    const late = await put(store, `${oneLine(3).slice(0, -1)},]`);
    const copy = await prettyCopy(store, late);
    await copy.making?.done;
    const failure = await store.readRows(copy.id, 0, 1).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LanternError);
    expect((failure as LanternError).code).toBe('body.not-json');
    expect((failure as LanternError).message).toMatch(
      /']' where a value was expected.*The raw view shows it as received\.$/,
    );
    await expect(prettyCopy(store, late)).rejects.toThrow(/not valid JSON/);
  });

  it('tries again when asked after a copy failed for a reason other than broken JSON', async () => {
    const store = newStore();
    const text = oneLine(3);
    const entry = await put(store, text);
    // Failing mid-way (here the printer's second chunk; a full disk alike): the copy is forgotten.
    const push = JsonPrettyPrinter.prototype.push;
    let chunks = 0;
    const spy = vi.spyOn(JsonPrettyPrinter.prototype, 'push').mockImplementation(function (
      this: JsonPrettyPrinter,
      chunk,
    ) {
      if (++chunks === 2) throw new Error('the disk went away');
      return push.call(this, chunk);
    });
    const failed = await prettyCopy(store, entry);
    await failed.making?.done;
    spy.mockRestore();
    expect(failed.making).toBeUndefined();
    expect(existsSync(failed.file)).toBe(false);
    expect(() => store.get(failed.id)).toThrow(expect.objectContaining({ code: 'body.unknown' }));
    const again = await prettyCopy(store, entry);
    expect(again.id).not.toBe(failed.id);
    await again.making?.done;
    expect(await textOf(store, again.id)).toBe(JSON.stringify(JSON.parse(text), null, 2));
    // Failing at once (its source unreadable for a moment): the next ask tries again too.
    const small = await put(store, '{"a": 1}');
    rmSync(small.file);
    await expect(prettyCopy(store, small)).rejects.toMatchObject({ code: 'body.pretty-failed' });
    writeFileSync(small.file, '{"a": 1}');
    expect(await textOf(store, (await prettyCopy(store, small)).id)).toBe('{\n  "a": 1\n}');
  });
});
