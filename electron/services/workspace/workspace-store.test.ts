import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initWorkspace, inspectFolder } from './init-workspace';
import { openWorkspace } from './load-workspace';
import { tempDir } from '../../../test-support/temp-dirs';
import { sampleRequest } from './test-support';
import { WorkspaceStore } from './workspace-store';

let dir: string;
let cleanup: () => Promise<void>;
let store: WorkspaceStore;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  await initWorkspace(dir, 'Payments API');
  store = await WorkspaceStore.open(dir, { watch: false });
});
afterEach(async () => {
  store.close();
  await cleanup();
});

const rootId = () => store.workspace.id;
const read = (rel: string) => readFile(path.join(dir, rel), 'utf8');

describe('WorkspaceStore', () => {
  it('creates requests as slug-named files, made unique, and loads them back in order', async () => {
    await store.createRequest(rootId(), sampleRequest({ id: 'r1', name: 'List users' }));
    await store.createRequest(rootId(), sampleRequest({ id: 'r2', name: 'List users' }));
    await store.createRequest(rootId(), sampleRequest({ id: 'r3', name: 'LIST  users!' }), 0);
    expect((await readdir(dir)).filter((f) => f.endsWith('.request.yaml')).sort()).toEqual([
      'list-users-2.request.yaml',
      'list-users-3.request.yaml',
      'list-users.request.yaml',
    ]);
    const { workspace, problems } = await openWorkspace(dir);
    expect(problems).toEqual([]);
    expect(workspace.name).toBe('Payments API');
    expect(workspace.root.requests.map((r) => r.id)).toEqual(['r3', 'r1', 'r2']);
    expect(workspace.root.requests[1]).toEqual(sampleRequest({ id: 'r1', name: 'List users' }));
  });

  it('renames, duplicates, moves, deletes and undoes', async () => {
    const folder = await store.createFolder(rootId(), { name: 'Admin' });
    const inner = await store.createFolder(folder.id, { name: 'Deep' });
    await store.createRequest(rootId(), sampleRequest({ id: 'r1', name: 'Get user' }));
    await store.renameRequest('r1', 'Fetch user');
    expect(await readdir(dir)).toContain('fetch-user.request.yaml');
    expect(await readdir(dir)).not.toContain('get-user.request.yaml');
    const copy = await store.duplicateRequest('r1');
    expect(copy.name).toBe('Fetch user copy');
    expect(store.workspace.root.requests.map((r) => r.id)).toEqual(['r1', copy.id]);
    await store.moveRequest('r1', inner.id, 0);
    expect(await readdir(path.join(dir, 'admin', 'deep'))).toContain('fetch-user.request.yaml');
    const original = await read('admin/deep/fetch-user.request.yaml');
    const token = await store.deleteRequest('r1');
    expect(await readdir(path.join(dir, 'admin', 'deep'))).not.toContain('fetch-user.request.yaml');
    await store.undo(token);
    expect(await read('admin/deep/fetch-user.request.yaml')).toBe(original);
    await expect(store.undo(token)).rejects.toThrow(/can no longer be undone/);

    await store.renameFolder(folder.id, 'Administration');
    expect(await readdir(dir)).toContain('administration');
    expect(store.revisionOf('r1')).toBeDefined();
    await store.updateRequest('r1', { description: 'still reachable after the folder rename' });
    const folderToken = await store.deleteFolder(folder.id);
    expect(await readdir(dir)).not.toContain('administration');
    expect(store.revisionOf('r1')).toBeUndefined();
    await store.undo(folderToken);
    const reopened = await openWorkspace(dir);
    expect(reopened.workspace.root.folders.map((f) => f.name)).toEqual(['Administration']);
    expect(reopened.workspace.root.folders[0]?.folders[0]?.requests[0]?.description).toBe(
      'still reachable after the folder rename',
    );
  });

  it('moves a folder, refusing to move it into itself', async () => {
    const a = await store.createFolder(rootId(), { name: 'A' });
    const b = await store.createFolder(rootId(), { name: 'B' });
    await store.createRequest(a.id, sampleRequest({ id: 'r1' }));
    await expect(store.moveFolder(a.id, a.id)).rejects.toThrow(/into itself/);
    await store.moveFolder(a.id, b.id);
    expect(await readdir(path.join(dir, 'b', 'a'))).toContain('list-users.request.yaml');
    await store.updateRequest('r1', { name: 'Renamed inside moved folder' });
    const { workspace } = await openWorkspace(dir);
    expect(workspace.root.folders[0]?.folders[0]?.requests[0]?.name).toBe('Renamed inside moved folder');
  });

  it('keeps sidebar order in _folder.yaml', async () => {
    for (const name of ['c', 'a', 'b'])
      await store.createRequest(rootId(), sampleRequest({ id: name, name }));
    await store.moveRequest('b', rootId(), 0);
    expect(await read('_folder.yaml')).toBe(
      'order:\n  - b.request.yaml\n  - c.request.yaml\n  - a.request.yaml\n',
    );
    const { workspace } = await openWorkspace(dir);
    expect(workspace.root.requests.map((r) => r.id)).toEqual(['b', 'c', 'a']);
  });

  it('never writes a secret value, in environments or folder variables', async () => {
    const canary = 'CANARY-7f3a9d-secret';
    const environment = await store.saveEnvironment({
      name: 'Staging',
      variables: [
        { name: 'baseUrl', value: 'https://staging.example.com', secret: false },
        { name: 'apiKey', value: canary, secret: true },
      ],
    });
    const folder = await store.createFolder(rootId(), {
      name: 'F',
      variables: [{ name: 'token', value: canary, secret: true }],
    });
    expect(environment.id).toBe('staging');
    expect(await read('environments/staging.env.yaml')).toBe(
      'name: Staging\nvariables:\n  - name: baseUrl\n    value: https://staging.example.com\n    secret: false\n  - name: apiKey\n    value: ""\n    secret: true\n',
    );
    expect(folder.variables).toEqual([{ name: 'token', value: '', secret: true }]);
    for (const file of await readdir(dir, { recursive: true })) {
      const full = path.join(dir, file);
      if (file.endsWith('.yaml')) expect(await readFile(full, 'utf8')).not.toContain(canary);
    }
    const token = await store.deleteEnvironment('staging');
    await store.undo(token);
    expect((await openWorkspace(dir)).workspace.environments.map((e) => e.name)).toEqual(['Staging']);
  });

  it('reports a corrupt file with its line, loads the rest, and never rewrites it', async () => {
    await store.createRequest(rootId(), sampleRequest({ id: 'good' }));
    const corrupt = 'id: bad\nname: Broken\nmethod: GET\nurl: "unterminated\nheaders: []\n';
    await writeFile(path.join(dir, 'broken.request.yaml'), corrupt);
    await mkdir(path.join(dir, 'sub'));
    const badMeta = 'id: fld_x\nname: Sub\norder: [unclosed\n';
    await writeFile(path.join(dir, 'sub', '_folder.yaml'), badMeta);
    store.close();
    store = await WorkspaceStore.open(dir, { watch: false });
    expect(store.problems).toEqual([
      expect.objectContaining({ path: 'broken.request.yaml', line: 4, severity: 'error' }),
      expect.objectContaining({ path: 'sub/_folder.yaml', line: 3, severity: 'error' }),
    ]);
    expect(store.problems[0]?.reason).toMatch(/not valid YAML.*Fix the file/);
    expect(store.workspace.root.requests.map((r) => r.id)).toEqual(['good']);
    const sub = store.workspace.root.folders[0];
    await store.createRequest(sub?.id ?? '', sampleRequest({ id: 'in-sub', name: 'Broken' }));
    await store.createRequest(rootId(), sampleRequest({ id: 'other', name: 'Broken' }));
    await store.updateRequest('good', { description: 'saved again' });
    expect(await readdir(dir)).toContain('broken-2.request.yaml');
    expect(await read('broken.request.yaml')).toBe(corrupt);
    expect(await read('sub/_folder.yaml')).toBe(badMeta);
    await expect(store.updateFolder(sub?.id ?? '', { description: 'x' })).rejects.toThrow(
      /will not overwrite/,
    );
    expect(await read('sub/_folder.yaml')).toBe(badMeta);
  });

  it('refuses to save over a file changed on disk since it was loaded', async () => {
    await store.createRequest(rootId(), sampleRequest({ id: 'r1' }));
    const before = store.revisionOf('r1');
    await writeFile(
      path.join(dir, 'list-users.request.yaml'),
      (await read('list-users.request.yaml')).replace('List users', 'Theirs'),
    );
    await expect(store.updateRequest('r1', { description: 'mine' })).rejects.toThrow(/changed on disk/);
    await expect(
      store.updateRequest('r1', { description: 'mine' }, { expectedRevision: 'stale' }),
    ).rejects.toThrow(/changed on disk/);
    await store.updateRequest('r1', { description: 'mine' }, { overwrite: true });
    expect(store.revisionOf('r1')).not.toBe(before);
  });
});

describe('opening and initialising folders', () => {
  it('explains that a plain folder is not a workspace, and initialising it leaves its files alone', async () => {
    const other = await tempDir();
    try {
      await writeFile(path.join(other.dir, 'bruno.json'), '{"name":"x"}');
      await writeFile(path.join(other.dir, 'get.bru'), 'meta {\n}\n');
      await expect(openWorkspace(other.dir)).rejects.toThrow(/is not a Lantern workspace.*Initialise it/);
      expect(await inspectFolder(other.dir)).toEqual({ kind: 'other', foreign: ['bruno'], entries: 2 });
      await initWorkspace(other.dir, 'Imported');
      expect(await readFile(path.join(other.dir, 'get.bru'), 'utf8')).toBe('meta {\n}\n');
      expect((await readdir(other.dir)).sort()).toEqual(['bruno.json', 'get.bru', 'lantern.workspace.yaml']);
      await expect(initWorkspace(other.dir, 'Again')).rejects.toThrow(/already a Lantern workspace/);
      expect((await openWorkspace(other.dir)).workspace.name).toBe('Imported');
    } finally {
      await other.cleanup();
    }
  });
});
