/**
 * `lantern run` with secret folder and workspace-environment variables: the real bin/lantern.mjs
 * in its own process, over a data folder whose vault the app's services filled, against a real
 * local server that records what it was sent.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceView } from '../../shared/calls/workspace-calls';
import { dispatch } from '../../shared/dispatch';
import { createServices } from '../services/create-services';
import { fakeSafeStorage } from '../../test-support/fake-safe-storage';
import { keyFileProtector } from '../services/vault/key-file-protector';
import type { SafeStorageLike } from '../services/vault/safe-storage-protector';
import { Vault } from '../services/vault/vault';
import { runLanternCli } from '../../test-support/processes';
import { startHttpServer, type RunningServer } from '../../test-support/servers';

/** Remembers every URL and Authorization header it was sent. */
let server: RunningServer;
let base: string;
const received: { url: string; authorization?: string }[] = [];
beforeAll(async () => {
  server = await startHttpServer((request, response) => {
    received.push({ url: request.url ?? '', authorization: request.headers.authorization });
    response.end(`you sent ${request.url}`);
  });
  base = server.url;
});
afterAll(() => server.close());

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'lantern-cli-secrets-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** The real bin/lantern.mjs, from source, with nothing on stdin. */
const lantern = (args: string[]) => runLanternCli(args);

/** A data folder whose vault key is in a file (no OS keyring needed): as the CLI finds it later. */
async function dataFolder(name: string): Promise<string> {
  const dir = path.join(scratch, name);
  const vault = await Vault.open({ dir, protector: keyFileProtector(dir) });
  await vault.set('seed', 'x');
  await vault.delete('seed');
  return dir;
}

const canary = () => `canary-${randomBytes(8).toString('hex')}`;

/**
 * Through the app's services: a workspace whose folder "Admin" has the secret `token`, whose
 * environment "Staging" has the secret `key`, a request using both, and a request in "Broken"
 * whose host is `{{key}}.invalid`: its error message (which names the host) must be masked.
 */
async function secretWorkspace(
  dataDir: string,
  token: string,
  key: string,
  safeStorage?: SafeStorageLike,
): Promise<string> {
  const services = createServices({
    mode: 'browser',
    version: 'test',
    dataDir,
    emit: () => undefined,
    safeStorage,
  });
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const result = await dispatch(services.handlers, name, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  try {
    const view = await call<WorkspaceView>('createWorkspace', {
      name: 'Secrets',
      path: path.join(scratch, `ws-${randomBytes(4).toString('hex')}`),
    });
    const folder = await call<{ id: string }>('createFolder', { parentId: view.id, name: 'Admin' });
    await call('updateFolder', {
      id: folder.id,
      variables: [{ name: 'token', value: token, secret: true }],
    });
    await call('createRequest', {
      folderId: folder.id,
      name: 'Users',
      draft: {
        method: 'GET',
        url: `${base}/echo?t={{token}}&k={{key}}`,
        headers: [{ name: 'Authorization', value: 'Bearer {{key}}', enabled: true }],
        body: { mode: 'none' },
        auth: { type: 'none' },
      },
    });
    const broken = await call<{ id: string }>('createFolder', { parentId: view.id, name: 'Broken' });
    await call('createRequest', {
      folderId: broken.id,
      name: 'Unknown host',
      draft: {
        method: 'GET',
        url: 'http://{{key}}.invalid/',
        headers: [],
        body: { mode: 'none' },
        auth: { type: 'none' },
      },
    });
    await mkdir(path.join(view.path, 'environments'), { recursive: true });
    await writeFile(
      path.join(view.path, 'environments', 'staging.env.yaml'),
      'name: Staging\nvariables:\n  - name: key\n    value: ""\n    secret: true\n',
    );
    const reloaded = await call<WorkspaceView>('reloadWorkspace', {});
    await call('saveEnvironment', {
      id: reloaded.environmentIds.staging,
      name: 'Staging',
      variables: [{ name: 'key', value: key, secret: true }],
    });
    return view.path;
  } finally {
    await services.close();
  }
}

describe('lantern run with secret variables kept in the vault', () => {
  it('sends secret folder and workspace-environment values, and no reporter prints them', async () => {
    const token = canary();
    const key = canary();
    const dataDir = await dataFolder('data-secrets');
    const workspace = await secretWorkspace(dataDir, token, key);
    const recent = readFileSync(path.join(dataDir, 'workspaces.json'), 'utf8');
    for (const reporter of ['text', 'json', 'junit']) {
      const before = received.length;
      const run = await lantern([
        'run',
        workspace,
        '--env',
        'staging',
        '--data-dir',
        dataDir,
        '--reporter',
        reporter,
      ]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      expect(received.slice(before)).toEqual([
        { url: `/echo?t=${token}&k=${key}`, authorization: `Bearer ${key}` },
      ]);
      const output = run.stdout + run.stderr;
      expect(output).not.toContain(token);
      expect(output).not.toContain(key);
      // The unknown host's error names it, masked.
      expect(output).toContain(`••••${key.slice(-4)}.invalid`);
    }
    const passing = await lantern([
      'run',
      workspace,
      '--folder',
      'admin',
      '--env',
      'Staging',
      '--data-dir',
      dataDir,
    ]);
    expect(passing.stdout).toMatch(/PASS {2}GET {4}Admin \/ Users {2}200 OK/);
    expect(passing.code).toBe(0);
    // A run does not change the app's list of recent workspaces (which the app reopens at start).
    expect(readFileSync(path.join(dataDir, 'workspaces.json'), 'utf8')).toBe(recent);
  }, 90_000);

  it('fails a request whose secret has no value on this computer, naming it and how to set it', async () => {
    const workspace = await secretWorkspace(await dataFolder('data-origin'), canary(), canary());
    // The same workspace on another computer: its files, and a vault that holds none of its secrets.
    const elsewhere = await dataFolder('data-elsewhere');
    const before = received.length;
    const folderOnly = await lantern(['run', workspace, '--folder', 'Admin', '--data-dir', elsewhere]);
    expect(folderOnly.code).toBe(1);
    expect(folderOnly.stdout).toMatch(
      /FAIL {2}GET {4}Admin \/ Users {2}\{\{token\}\} is a secret variable of the folder "Admin" and has no value on this computer: .*open the workspace in Lantern with this data folder and type its value in the folder's "Auth, headers, variables…" settings/,
    );
    // {{key}} needs --env: without it, it is simply not defined (said after the secret).
    expect(folderOnly.stdout).not.toMatch(/\{\{token\}\}[^.]*not defined/);
    expect(folderOnly.stdout).toMatch(/then run again\. The variable \{\{key\}\} in the URL is not defined/);
    // The environment's too, in the JSON report.
    const withEnv = await lantern([
      'run',
      workspace,
      '--env',
      'Staging',
      '--data-dir',
      elsewhere,
      '--reporter',
      'json',
    ]);
    expect(withEnv.code).toBe(1);
    const report = JSON.parse(withEnv.stdout) as { failed: number; results: { error?: string }[] };
    expect(report.failed).toBe(2);
    expect(report.results[0]?.error).toMatch(
      /\{\{token\}\} is a secret variable of the folder "Admin".*\{\{key\}\} is a secret variable of the "Staging" environment and has no value on this computer: .*the environment editor/,
    );
    expect(report.results[1]?.error).toMatch(
      /^\{\{key\}\} is a secret variable of the "Staging" environment/,
    );
    // Warned up front too, and nothing was sent.
    expect(withEnv.stderr).toMatch(/environments\/staging\.env\.yaml: .*"key" of "Staging" has no value/);
    expect(received.length).toBe(before);
  }, 90_000);

  it('says why when the vault is the desktop app’s, which only the desktop app can unlock', async () => {
    const dataDir = path.join(scratch, 'data-desktop');
    const token = canary();
    const workspace = await secretWorkspace(dataDir, token, canary(), fakeSafeStorage());
    const before = received.length;
    const run = await lantern(['run', workspace, '--folder', 'Admin', '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /\{\{token\}\} is a secret variable of the folder "Admin" and has no value on this computer: Lantern cannot use its vault .*only the desktop app can unlock/,
    );
    expect(run.stdout + run.stderr).not.toContain(token);
    expect(received.length).toBe(before);
  }, 90_000);
});
