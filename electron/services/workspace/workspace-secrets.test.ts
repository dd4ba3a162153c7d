import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WorkspaceView } from '../../../shared/calls/workspace-calls';
import { dispatch } from '../../../shared/dispatch';
import type { EnvironmentSummary } from '../../../shared/model/environment';
import { createServices } from '../create-services';
import { keyFileProtector } from '../vault/key-file-protector';
import { Vault } from '../vault/vault';
import { startHttpServer, type RunningServer } from '../../../test-support/servers';

/** A real server that remembers what it was sent and echoes it back (as httpbin would). */
let server: RunningServer;
let base: string;
const received: string[] = [];
beforeAll(async () => {
  server = await startHttpServer((request, response) => {
    received.push(request.url ?? '');
    response.setHeader('content-type', 'text/plain');
    response.end(`you sent ${request.url}`);
  });
  base = server.url;
});
afterAll(() => server.close());

let dataDir: string;
let services: ReturnType<typeof createServices>;
const canary = () => `canary-${randomBytes(8).toString('hex')}`;

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatch(services.handlers, name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** A "restart": new services over the same data folder (and so the same vault). */
async function restart(): Promise<void> {
  await services?.close();
  services = createServices({ mode: 'browser', version: 'test', dataDir, emit: () => undefined });
}

/** Every file under `dir` except the vault, as one text. */
function filesOutsideVault(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name !== 'vault.json')
    .map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8'))
    .join('\n');
}

const snapshotFiles = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [
        path.relative(dir, path.join(e.parentPath, e.name)),
        readFileSync(path.join(e.parentPath, e.name), 'utf8'),
      ]),
  );

async function send(savedRequestId: string, url: string, environmentId?: string) {
  const result = await dispatch(services.handlers, 'send', {
    requestId: `t-${randomBytes(4).toString('hex')}`,
    draft: { method: 'GET', url, headers: [], body: { mode: 'none' }, auth: { type: 'none' } },
    savedRequestId,
    environmentId,
  });
  return result;
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'lantern-ws-secrets-'));
  // A vault with the key-file protector: an existing vault keeps its protection.
  const vault = await Vault.open({ dir: dataDir, protector: keyFileProtector(dataDir) });
  await vault.set('seed', 'x');
  await vault.delete('seed');
  await restart();
});

afterEach(async () => {
  await services.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function workspaceWithSecretFolder(secret: string) {
  const view = await call<WorkspaceView>('createWorkspace', { name: 'Secrets' });
  const folder = await call<{ id: string }>('createFolder', { parentId: view.id, name: 'Admin' });
  await call('updateFolder', {
    id: folder.id,
    variables: [
      { name: 'token', value: secret, secret: true },
      { name: 'page', value: '2', secret: false },
    ],
  });
  const request = await call<{ id: string }>('createRequest', { folderId: folder.id, name: 'Users' });
  return { view, folderId: folder.id, requestId: request.id };
}

describe('secret folder variables and workspace environments', () => {
  it('keeps a folder secret in the vault, resolves it on send after a restart, and masks it everywhere', async () => {
    const secret = canary();
    const { view, requestId, folderId } = await workspaceWithSecretFolder(secret);
    const sent = await send(requestId, `${base}/users?t={{token}}&p={{page}}`);
    expect(sent.ok).toBe(true);
    expect(received.at(-1)).toBe(`/users?t=${secret}&p=2`);
    expect(JSON.stringify(sent)).not.toContain(secret);

    await restart();
    const reopened = await call<WorkspaceView>('openWorkspace', { path: view.path });
    const folder = reopened.root.folders.find((f) => f.id === folderId);
    expect(folder?.variables?.[0]).toMatchObject({
      name: 'token',
      secret: true,
      value: `••••${secret.slice(-4)}`,
    });
    expect(JSON.stringify(reopened)).not.toContain(secret);
    expect((await send(requestId, `${base}/again?t={{token}}`)).ok).toBe(true);
    expect(received.at(-1)).toBe(`/again?t=${secret}`);
    // The masked preview sent back (the folder editor saving other changes) keeps the value.
    await call('updateFolder', { id: folderId, variables: folder?.variables, name: 'Admin area' });
    await send(requestId, `${base}/kept?t={{token}}`);
    expect(received.at(-1)).toBe(`/kept?t=${secret}`);
    // Not in the workspace files, the app's files or history: only encrypted in the vault.
    expect(filesOutsideVault(dataDir)).not.toContain(secret);
    expect(readFileSync(path.join(dataDir, 'vault.json'), 'utf8')).not.toContain(secret);
  });

  it('removes a deleted folder secret, and brings it back with the undo', async () => {
    const secret = canary();
    const { requestId, folderId } = await workspaceWithSecretFolder(secret);
    const vaultIds = async () =>
      (await Vault.open({ dir: dataDir, protector: keyFileProtector(dataDir) })).ids();
    expect(await vaultIds()).toHaveLength(1);
    const { undoToken } = await call<{ undoToken: string }>('deleteItem', { kind: 'folder', id: folderId });
    expect(await vaultIds()).toEqual([]);
    await call('undoDelete', { token: undoToken });
    expect(await vaultIds()).toHaveLength(1);
    await send(requestId, `${base}/undone?t={{token}}`);
    expect(received.at(-1)).toBe(`/undone?t=${secret}`);
    // A renamed variable keeps its value; a removed one leaves nothing behind.
    await call('updateFolder', {
      id: folderId,
      variables: [{ name: 'apiToken', value: `••••${secret.slice(-4)}`, secret: true }],
    });
    await send(requestId, `${base}/renamed?t={{apiToken}}`);
    expect(received.at(-1)).toBe(`/renamed?t=${secret}`);
    await call('updateFolder', { id: folderId, variables: [] });
    expect(await vaultIds()).toEqual([]);
  });

  it('edits a workspace environment from the switcher, follows its file renamed outside Lantern, and reports a missing value', async () => {
    const secret = canary();
    const view = await call<WorkspaceView>('createWorkspace', { name: 'Envs' });
    const request = await call<{ id: string }>('createRequest', { folderId: view.id, name: 'R' });
    await mkdir(path.join(view.path, 'environments'), { recursive: true });
    // As a colleague's file arrives through git: the secret's name, never its value.
    await writeFile(
      path.join(view.path, 'environments', 'staging.env.yaml'),
      'name: Staging\nvariables:\n  - name: key\n    value: ""\n    secret: true\n',
    );
    const reloaded = await call<WorkspaceView>('reloadWorkspace', {});
    expect(reloaded.problems).toMatchObject([
      {
        path: 'environments/staging.env.yaml',
        severity: 'warning',
        reason: expect.stringMatching(/"key" of "Staging" has no value on this computer/),
      },
    ]);
    const id = reloaded.environmentIds.staging as string;
    const listed = await call<EnvironmentSummary[]>('listEnvironments', {});
    expect(listed.find((e) => e.id === id)).toMatchObject({
      builtIn: false,
      problem: expect.stringContaining('"key"'),
    });
    const blocked = await send(request.id, `${base}/?k={{key}}`, id);
    expect(blocked.ok ? '' : blocked.error.message).toMatch(/"key" has no value on this computer/);

    await call('saveEnvironment', {
      id,
      name: 'Staging',
      variables: [{ name: 'key', value: secret, secret: true }],
    });
    expect(readFileSync(path.join(view.path, 'environments', 'staging.env.yaml'), 'utf8')).toMatch(
      /^name: Staging\n/,
    );
    await send(request.id, `${base}/env?k={{key}}`, id);
    expect(received.at(-1)).toBe(`/env?k=${secret}`);

    // `git mv` of the file: a new id with the same name; the value follows it.
    await rename(
      path.join(view.path, 'environments', 'staging.env.yaml'),
      path.join(view.path, 'environments', 'stage.env.yaml'),
    );
    const moved = await call<WorkspaceView>('reloadWorkspace', {});
    const newId = moved.environmentIds.stage as string;
    expect(moved.problems).toEqual([]);
    await restart();
    await call('openWorkspace', { path: view.path });
    await send(request.id, `${base}/moved?k={{key}}`, newId);
    expect(received.at(-1)).toBe(`/moved?k=${secret}`);
    expect(filesOutsideVault(dataDir)).not.toContain(secret);

    // A copy of the file (same name, both present) does not get the value: reported, not leaked.
    await writeFile(
      path.join(view.path, 'environments', 'copy.env.yaml'),
      readFileSync(path.join(view.path, 'environments', 'stage.env.yaml')),
    );
    const copied = await call<WorkspaceView>('reloadWorkspace', {});
    expect(copied.problems.map((p) => p.path)).toEqual(['environments/copy.env.yaml']);
    const fromCopy = await send(request.id, `${base}/copy?k={{key}}`, copied.environmentIds.copy);
    expect(fromCopy.ok).toBe(false);
    await rm(path.join(view.path, 'environments', 'copy.env.yaml'));
    await call('reloadWorkspace', {});

    await call('deleteEnvironment', { id: newId });
    expect((await Vault.open({ dir: dataDir, protector: keyFileProtector(dataDir) })).ids()).toEqual([]);
  });

  it('with a corrupt vault: the workspace opens, the problem is reported, and no file changes', async () => {
    const secret = canary();
    const { view, folderId } = await workspaceWithSecretFolder(secret);
    await services.close();
    const vaultFile = path.join(dataDir, 'vault.json');
    await writeFile(vaultFile, '{ "version": 1, "entries": { broken');
    const before = snapshotFiles(dataDir);
    await restart();
    const opened = await call<WorkspaceView>('openWorkspace', { path: view.path });
    expect(opened.problems).toMatchObject([
      {
        severity: 'warning',
        reason: expect.stringMatching(
          /"token" of "Admin" has no value on this computer: Lantern cannot read its vault/,
        ),
      },
    ]);
    const refused = await dispatch(services.handlers, 'updateFolder', {
      id: folderId,
      variables: [{ name: 'token', value: 'typed-again', secret: true }],
    });
    expect(refused.ok ? '' : refused.error.message).toMatch(/cannot be saved now.*vault/);
    const after = snapshotFiles(dataDir);
    delete after['workspaces.json'];
    delete before['workspaces.json'];
    expect(after).toEqual(before);
    expect(statSync(vaultFile).size).toBeGreaterThan(0);
  });
});
