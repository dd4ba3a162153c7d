import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initWorkspace } from './init-workspace';
import { encodeRequest } from '../../../shared/workspace-format/request-file';
import { tempDir } from '../../../test-support/temp-dirs';
import { sampleRequest } from './test-support';
import type { WorkspaceChangeEvent } from '../../../shared/workspace-format/types';
import { WorkspaceStore } from './workspace-store';

let dir: string;
let cleanup: () => Promise<void>;
let store: WorkspaceStore;
let events: WorkspaceChangeEvent[];

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  await initWorkspace(dir, 'Watched');
  store = await WorkspaceStore.open(dir, { debounceMs: 50 });
  events = [];
  store.onChange((event) => events.push(event));
});
afterEach(async () => {
  store.close();
  await cleanup();
});

/**
 * Real time throughout this file: the watcher reacts to real file-system events, which arrive
 * when the OS delivers them, so tests wait for an outcome (or, for "nothing happens", past the
 * 50 ms debounce by a wide margin) instead of moving a fake clock.
 */
async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('watching a workspace', () => {
  it('reloads an edit made outside Lantern and changes the revision', async () => {
    await store.createRequest(store.workspace.id, sampleRequest({ id: 'r1' }));
    const before = store.revisionOf('r1');
    const file = path.join(dir, 'list-users.request.yaml');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('name: List users', 'name: Pulled from git'),
    );
    await until(() => events.length > 0, 'a change event');
    expect(events[0]).toEqual({ type: 'changed', paths: ['list-users.request.yaml'], requestIds: ['r1'] });
    expect(store.workspace.root.requests[0]?.name).toBe('Pulled from git');
    expect(store.revisionOf('r1')).not.toBe(before);
  });

  it('picks up folders added and removed outside, with the files in them', async () => {
    await mkdir(path.join(dir, 'orders', 'refunds'), { recursive: true });
    await writeFile(
      path.join(dir, 'orders', 'refunds', 'refund.request.yaml'),
      encodeRequest(sampleRequest({ id: 'refund', name: 'Refund' })),
    );
    await until(() => store.revisionOf('refund') !== undefined, 'the new request');
    expect(store.workspace.root.folders[0]?.folders[0]?.requests[0]?.name).toBe('Refund');
    // A file written into the new folder after it was first seen is noticed too.
    await writeFile(
      path.join(dir, 'orders', 'refunds', 'later.request.yaml'),
      encodeRequest(sampleRequest({ id: 'later', name: 'Later' })),
    );
    await until(() => store.revisionOf('later') !== undefined, 'the later request');
    await rm(path.join(dir, 'orders'), { recursive: true });
    await until(() => store.workspace.root.folders.length === 0, 'the folder to go');
    expect(store.revisionOf('refund')).toBeUndefined();
  });

  it('does not echo its own writes as outside changes', async () => {
    await store.createRequest(store.workspace.id, sampleRequest({ id: 'r1' }));
    const folder = await store.createFolder(store.workspace.id, { name: 'Mine' });
    await store.moveRequest('r1', folder.id);
    await store.updateRequest('r1', { name: 'Renamed here' });
    await store.saveEnvironment({ name: 'Local', variables: [] });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(events).toEqual([]);
  });

  it('reports a file that becomes corrupt, and keeps it as it is', async () => {
    await store.createRequest(store.workspace.id, sampleRequest({ id: 'r1' }));
    const file = path.join(dir, 'list-users.request.yaml');
    await writeFile(file, 'id: r1\nname: [broken\n');
    await until(() => store.problems.length > 0, 'a problem');
    expect(store.problems[0]).toMatchObject({ path: 'list-users.request.yaml', line: 2, severity: 'error' });
    expect(store.revisionOf('r1')).toBeUndefined();
    await store.createRequest(store.workspace.id, sampleRequest({ id: 'r2' }));
    expect(await readFile(file, 'utf8')).toBe('id: r1\nname: [broken\n');
  });
});
