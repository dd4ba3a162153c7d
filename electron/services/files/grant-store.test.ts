import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GrantStore } from './grant-store';

const dir = mkdtempSync(path.join(tmpdir(), 'lantern-grants-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('GrantStore', () => {
  it('gives an unguessable id for a path, and the same id for the same path', async () => {
    const store = new GrantStore({ computer: 'pc-1' });
    const id = await store.grant('/home/ana/a.pem', 'read');
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(await store.grant('/home/ana/a.pem', 'read')).toBe(id);
    expect(await store.pathOf(id, 'read')).toBe('/home/ana/a.pem');
  });

  it('a read grant is no folder grant, and an unknown id grants nothing', async () => {
    const store = new GrantStore({ computer: 'pc-1' });
    const id = await store.grant('/home/ana/ws', 'read');
    expect(await store.pathOf(id, 'folder')).toBeUndefined();
    expect(await store.pathOf('0'.repeat(32), 'read')).toBeUndefined();
    expect(await store.isGranted('/home/ana/ws', 'folder')).toBe(false);
  });

  it('keeps grants across restarts in a private file, for this computer only', async () => {
    const file = path.join(dir, 'grants.json');
    const id = await new GrantStore({ file, computer: 'pc-1' }).grant('/home/ana/body.bin', 'read');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await new GrantStore({ file, computer: 'pc-1' }).pathOf(id, 'read')).toBe('/home/ana/body.bin');
    // The same data folder on another computer (synced, copied) grants nothing there.
    expect(await new GrantStore({ file, computer: 'pc-2' }).pathOf(id, 'read')).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toContain('/home/ana/body.bin');
  });

  it('an unreadable grants file grants nothing and is replaced on the next grant', async () => {
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, '{ not json');
    const store = new GrantStore({ file, computer: 'pc-1' });
    expect(await store.isGranted('/x', 'read')).toBe(false);
    const id = await store.grant('/x', 'read');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      version: 1,
      grants: [{ id, path: '/x' }],
    });
  });
});
