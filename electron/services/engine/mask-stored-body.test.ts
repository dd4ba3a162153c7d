import { existsSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BodyStore } from './body-store';
import { maskStoredBody } from './mask-stored-body';

let dir: string;
let store: BodyStore;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'lantern-mask-body-'));
  store = new BodyStore({ dir: path.join(dir, 'bodies'), maxRowBytes: 16 });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function put(text: string, chunk = 7) {
  const writer = await store.begin();
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += chunk) writer.write(bytes.subarray(i, i + chunk));
  return writer.finish();
}

describe('maskStoredBody', () => {
  it('keeps a body without any secret as it is: same id, same file', async () => {
    const stored = await put('line one\nline two\n');
    const file = store.get(stored.id).file;
    expect(await maskStoredBody(store, stored, ['secret-value-1'])).toBe(stored);
    expect(await maskStoredBody(store, stored, ['abc'])).toBe(stored); // too short to be masked anywhere
    expect(existsSync(file)).toBe(true);
  });

  it('replaces a body holding a secret by a masked copy, deletes the raw file, re-indexes rows', async () => {
    const text = 'token=secret-value-1\nshort\nsecret-value-1secret-value-1 and more text after it\n';
    const stored = await put(text);
    const raw = store.get(stored.id).file;
    const masked = await maskStoredBody(store, stored, ['secret-value-1']);
    expect(masked?.id).not.toBe(stored.id);
    expect(() => store.get(stored.id)).toThrow(/no longer available/);
    expect(existsSync(raw)).toBe(false);
    const { rows } = await store.readRows(masked!.id, 0, 100);
    expect(rows.map((r) => r.text).join('')).toBe(
      text.replace(/\n/g, '').split('secret-value-1').join('••••ue-1'),
    );
    expect(masked).toMatchObject({ lines: 4, rows: rows.length });
  });

  it('drops a body it cannot read back and says why in plain words, never handing it out unmasked', async () => {
    const stored = await put('token=secret-value-1\n');
    unlinkSync(store.get(stored.id).file); // as a temp-folder cleaner would
    await expect(maskStoredBody(store, stored, ['secret-value-1'])).rejects.toMatchObject({
      name: 'LanternError',
      code: 'body.unreadable',
      message: expect.stringMatching(/could not read back .*\(ENOENT\).*Send the request again/),
    });
    expect(() => store.get(stored.id)).toThrow(/no longer available/);
  });
});
