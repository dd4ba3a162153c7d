import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls } from '../../../shared/contract';
import { dispatch } from '../../../shared/dispatch';
import type { Handlers } from '../../../shared/contract';
import { bodyHandlers } from './body-handlers';
import { BodyStore } from '../engine/body-store';
import { FileAccess } from '../files/file-access';
import { GrantStore } from '../files/grant-store';

let dir: string;
let store: BodyStore;
let handlers: ReturnType<typeof bodyHandlers>;
/** What the fake save dialog answers (the user's choice), and the name it was offered. */
let saveAnswer: string | undefined;
let proposed: string | undefined;
const desktopFiles = () =>
  new FileAccess({
    grants: new GrantStore({ computer: 'test' }),
    dataDir: dir,
    dialogs: {
      openFile: async () => undefined,
      openFolder: async () => undefined,
      saveFile: async ({ defaultName }) => ((proposed = defaultName), saveAnswer),
    },
  });
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'lantern-body-calls-'));
  store = new BodyStore({ dir: path.join(dir, 'bodies'), maxRowBytes: 64 });
  handlers = bodyHandlers(store, desktopFiles());
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function put(text: string, chunk = 5) {
  const writer = await store.begin();
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += chunk) writer.write(bytes.subarray(i, i + chunk));
  return writer.finish();
}
const search = (bodyId: string, query: string, more: { caseSensitive?: boolean; maxResults?: number } = {}) =>
  handlers.searchBody(calls.searchBody.input.parse({ bodyId, query, ...more }));

describe('searchBody', () => {
  it('finds every match with its row and UTF-16 column, across chunk edges', async () => {
    const body = await put('alpha needle\nbeta\nné needle needle\n😀needle');
    expect(await search(body.id, 'needle')).toEqual({
      matches: [
        { row: 0, column: 6 },
        { row: 2, column: 3 },
        { row: 2, column: 10 },
        { row: 3, column: 2 },
      ],
      total: 4,
      complete: true,
    });
  });

  it('ignores ASCII case unless asked not to', async () => {
    const body = await put('Needle NEEDLE needle');
    expect((await search(body.id, 'nEEdle')).total).toBe(3);
    expect((await search(body.id, 'NEEDLE', { caseSensitive: true })).matches).toEqual([
      { row: 0, column: 7 },
    ]);
  });

  it('lists at most maxResults matches but counts them all', async () => {
    const body = await put('x\n'.repeat(5000));
    const result = await search(body.id, 'x', { maxResults: 10 });
    expect(result.matches).toHaveLength(10);
    expect(result.matches[9]).toEqual({ row: 9, column: 0 });
    expect(result.total).toBe(5000);
  });

  it('gives rows as the viewer shows them when long lines are cut', async () => {
    const body = await put(`${'a'.repeat(150)}needle`);
    expect((await search(body.id, 'needle')).matches).toEqual([{ row: 2, column: 22 }]);
  });

  it('finds matches spanning the 1 MB read chunks', async () => {
    const filler = 'y'.repeat((1 << 20) - 3);
    const body = await put(`${filler}needle and needle`, 1 << 16);
    expect((await search(body.id, 'needle')).total).toBe(2);
  });
});

describe('prettyBody', () => {
  it('stores a formatted copy, and gives the same copy when asked again', async () => {
    const body = await put('{"a":[1,{"b":"é"}],"c":{}}', 3);
    const pretty = await handlers.prettyBody({ bodyId: body.id });
    expect(pretty.id).not.toBe(body.id);
    const { rows } = await handlers.readBodyRows({ bodyId: pretty.id, fromRow: 0, count: 100 });
    expect(rows.map((r) => r.text).join('\n')).toBe(JSON.stringify({ a: [1, { b: 'é' }], c: {} }, null, 2));
    expect((await handlers.prettyBody({ bodyId: body.id })).id).toBe(pretty.id);
  });

  it('explains where a body stops being JSON', async () => {
    const body = await put('{"a": 1,\n "b": nope}');
    await expect(handlers.prettyBody({ bodyId: body.id })).rejects.toMatchObject({
      code: 'body.not-json',
      message: expect.stringMatching(/not valid JSON: "nope".*line 2, column 7.*raw view shows it/),
    });
  });
});

describe('saveBody', () => {
  it('writes the body where the user chose in the save dialog, and says only the name', async () => {
    const body = await put('saved text');
    const target = path.join(dir, 'out.txt');
    saveAnswer = target;
    expect(await handlers.saveBody({ bodyId: body.id, suggestedName: 'response.txt' })).toEqual({
      saved: true,
      name: 'out.txt',
      bytes: 10,
    });
    expect(readFileSync(target, 'utf8')).toBe('saved text');
    expect(proposed).toBe('response.txt');
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const body = await put('x');
    saveAnswer = undefined;
    expect(await handlers.saveBody({ bodyId: body.id, suggestedName: 'a.txt' })).toEqual({ saved: false });
  });

  it('says in plain words when the chosen place cannot be written', async () => {
    const body = await put('x');
    saveAnswer = '/no/such/folder/out.txt';
    await expect(handlers.saveBody({ bodyId: body.id, suggestedName: 'a.txt' })).rejects.toMatchObject({
      code: 'file.save-failed',
      message: expect.stringContaining('Could not save "out.txt"'),
    });
  });

  it('browser mode has no save dialog: it reads the body in pieces for a download', async () => {
    const body = await put('downloaded text');
    const browser = bodyHandlers(
      store,
      new FileAccess({ grants: new GrantStore({ computer: 'test' }), dataDir: dir }),
    );
    await expect(browser.saveBody({ bodyId: body.id, suggestedName: 'a.txt' })).rejects.toMatchObject({
      code: 'file.no-dialog',
    });
    const piece = await browser.readBodyBytes({ bodyId: body.id, offset: 0 });
    expect(Buffer.from(piece.data, 'base64').toString()).toBe('downloaded text');
    expect(piece).toMatchObject({ total: 15 });
    expect(piece.nextOffset).toBeUndefined();
  });
});

describe('body calls through the contract', () => {
  const all = { ...bodyHandlers(undefined, desktopFiles()) } as unknown as Handlers;

  it('refuses ids Lantern never gave out before touching the disk', async () => {
    const result = await dispatch(all, 'readBodyRows', { bodyId: '../../etc/passwd', fromRow: 0, count: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!result.ok) expect(result.error.message).toContain('is not a body id Lantern gave out');
  });

  it.each([
    ['readBodyRows', { fromRow: -1, count: 1 }],
    ['readBodyRows', { fromRow: 0, count: 100_000 }],
    ['searchBody', { query: '' }],
    ['saveBody', { path: '/etc/cron.d/x' }],
  ])('validates %s input %j', async (name, input) => {
    const result = await dispatch(all, name, { bodyId: `b${'0'.repeat(24)}`, ...input });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('answers an unknown or expired id with what to do', async () => {
    const result = await dispatch(all, 'searchBody', { bodyId: `b${'0'.repeat(24)}`, query: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'body.unknown' } });
    if (!result.ok) expect(result.error.message).toContain('Send the request again');
  });
});
