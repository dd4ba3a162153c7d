/** `lantern run` on a workspace where one request file cannot be read: the run fails and names it. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningServer } from '../../test-support/servers';
import { initWorkspace, WorkspaceStore } from '../services/workspace';
import { runCli } from './run-cli';

let server: RunningServer;
let scratch: string;
beforeAll(async () => {
  server = await startHttpServer((_request, response) => response.end('ok'));
  scratch = await mkdtemp(path.join(tmpdir(), 'lantern-cli-unreadable-'));
});
afterAll(async () => {
  await server.close();
  await rm(scratch, { recursive: true, force: true });
});

async function runCliCollect(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

describe('lantern run with a request file it cannot read', () => {
  it('fails the run in every reporter and names the file with the reason', async () => {
    const dir = path.join(scratch, 'workspace');
    await initWorkspace(dir, 'Conflicted');
    const store = await WorkspaceStore.open(dir, { watch: false });
    await store.createRequest(store.workspace.root.id, {
      id: 'req_ok',
      name: 'Works',
      draft: { method: 'GET', url: server.url, headers: [], body: { mode: 'none' }, auth: { type: 'none' } },
      inheritAuth: true,
    });
    store.close();
    // What a merge conflict leaves behind.
    await writeFile(
      path.join(dir, 'broken.request.yaml'),
      '<<<<<<< HEAD\nname: Broken\n=======\nname: Broken too\n>>>>>>> theirs\n',
    );
    const dataDir = path.join(scratch, 'data');
    const text = await runCliCollect(['run', dir, '--data-dir', dataDir]);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/^PASS {2}GET {4}Works {2}200 OK/m);
    expect(text.out).toMatch(/^FAIL {2}broken\.request\.yaml {2}broken\.request\.yaml(:\d+)?: /m);
    expect(text.out).toContain('1 passed, 1 failed of 2');
    const json = await runCliCollect(['run', dir, '--data-dir', dataDir, '--reporter', 'json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.out) as { failed: number; results: { unreadableFile?: string }[] };
    expect(report.failed).toBe(1);
    expect(report.results.map((r) => r.unreadableFile).filter(Boolean)).toEqual(['broken.request.yaml']);
    const junit = await runCliCollect(['run', dir, '--data-dir', dataDir, '--reporter', 'junit']);
    expect(junit.code).toBe(1);
    expect(junit.out).toContain('failures="1"');
    expect(junit.out).toContain('name="broken.request.yaml"');
  }, 60_000);

  it('fails a request whose folder settings cannot be read, instead of sending it without its auth', async () => {
    const dir = path.join(scratch, 'folder-conflict');
    await initWorkspace(dir, 'Folder conflict');
    const store = await WorkspaceStore.open(dir, { watch: false });
    const folder = await store.createFolder(store.workspace.root.id, { name: 'Admin' });
    await store.updateFolder(folder.id, { auth: { type: 'bearer', credentialId: 'cred_admin' } });
    await store.createRequest(folder.id, {
      id: 'req_admin',
      name: 'Admin users',
      draft: { method: 'GET', url: server.url, headers: [], body: { mode: 'none' }, auth: { type: 'none' } },
      inheritAuth: true,
    });
    store.close();
    await writeFile(
      path.join(dir, 'admin', '_folder.yaml'),
      '<<<<<<< HEAD\nname: Admin\n=======\n>>>>>>> theirs\n',
    );
    const run = await runCliCollect(['run', dir, '--data-dir', path.join(scratch, 'data-2')]);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(
      /FAIL {2}GET {4}admin \/ Admin users {2}The settings of the folder "admin" cannot be read \(admin\/_folder\.yaml/,
    );
  }, 60_000);
});
