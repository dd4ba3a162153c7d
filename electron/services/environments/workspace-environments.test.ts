/**
 * Environments created while a workspace is open are files of that workspace (secret values in the
 * vault), so a clone of it and `lantern run` on it have them; with none open they stay the app's.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceView } from '../../../shared/calls/workspace-calls';
import { dispatch } from '../../../shared/dispatch';
import type { EnvironmentSummary } from '../../../shared/model/environment';
import { startHttpServer, type RunningServer } from '../../../test-support/servers';
import { createServices } from '../create-services';
import { keyFileProtector } from '../vault/key-file-protector';
import { Vault } from '../vault/vault';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

let server: RunningServer;
const received: string[] = [];
let scratch: string;
beforeAll(async () => {
  server = await startHttpServer((request, response) => {
    received.push(request.url ?? '');
    response.end('ok');
  });
  scratch = await mkdtemp(path.join(tmpdir(), 'lantern-ws-env-'));
});
afterAll(async () => {
  await server.close();
  await rm(scratch, { recursive: true, force: true });
});

/** The app's services over a data folder whose vault key is a file, as `lantern run` finds it later. */
async function servicesIn(name: string) {
  const dataDir = path.join(scratch, name);
  const vault = await Vault.open({ dir: dataDir, protector: keyFileProtector(dataDir) });
  await vault.set('seed', 'x');
  await vault.delete('seed');
  const services = createServices({ mode: 'browser', version: 'test', dataDir, emit: () => undefined });
  const call = async <T>(call: string, input: unknown): Promise<T> => {
    const result = await dispatch(services.handlers, call, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  return { dataDir, services, call };
}

function lanternRun(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/lantern.mjs'), 'run', ...args], {
    env: { ...process.env, LANTERN_CLI_FROM_SOURCE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

describe('environments while a workspace is open', () => {
  it('creates, renames and deletes them as environments/*.env.yaml, secret values in the vault only', async () => {
    const { dataDir, services, call } = await servicesIn('data-crud');
    try {
      const secret = `secret-${randomBytes(6).toString('hex')}`;
      const view = await call<WorkspaceView>('createWorkspace', {
        name: 'Team API',
        path: path.join(scratch, 'team-api'),
      });
      const created = await call<EnvironmentSummary>('saveEnvironment', {
        name: 'Staging',
        variables: [
          { name: 'base', value: 'https://staging.example', secret: false },
          { name: 'key', value: secret, secret: true },
        ],
      });
      const file = path.join(view.path, 'environments', 'staging.env.yaml');
      expect(created.location).toEqual({
        kind: 'workspace',
        workspaceName: 'Team API',
        file: 'environments/staging.env.yaml',
      });
      expect(created.variables.find((v) => v.name === 'key')?.value).not.toContain(secret);
      const text = readFileSync(file, 'utf8');
      expect(text).toMatch(/^name: Staging\n/);
      expect(text).toContain('https://staging.example');
      expect(text).not.toContain(secret);
      // Not in the app's own file, and nowhere in the data folder but the (encrypted) vault.
      const appFile = path.join(dataDir, 'environments.json');
      if (existsSync(appFile)) expect(readFileSync(appFile, 'utf8')).not.toContain('Staging');

      const renamed = await call<EnvironmentSummary>('saveEnvironment', {
        id: created.id,
        name: 'Staging EU',
        variables: created.variables.map((v) => ({ ...v, keepValue: v.secret })),
      });
      expect(renamed.id).toBe(created.id);
      expect(readFileSync(file, 'utf8')).toMatch(/^name: Staging EU\n/);
      const listed = await call<EnvironmentSummary[]>('listEnvironments', {});
      expect(listed.find((e) => e.id === created.id)?.name).toBe('Staging EU');

      await call('deleteEnvironment', { id: created.id });
      expect(existsSync(file)).toBe(false);
      expect((await call<EnvironmentSummary[]>('listEnvironments', {})).map((e) => e.id)).not.toContain(
        created.id,
      );
    } finally {
      await services.close();
    }
  });

  it('keeps them in the app (on this computer) while no workspace is open', async () => {
    const { dataDir, services, call } = await servicesIn('data-app');
    try {
      const created = await call<EnvironmentSummary>('saveEnvironment', { name: 'Local', variables: [] });
      expect(created.location).toEqual({ kind: 'app' });
      expect(readFileSync(path.join(dataDir, 'environments.json'), 'utf8')).toContain('"Local"');
    } finally {
      await services.close();
    }
  });

  it('`lantern run` on the workspace uses an environment created in the app, its secret from the vault', async () => {
    const { dataDir, services, call } = await servicesIn('data-run');
    const key = `key-${randomBytes(6).toString('hex')}`;
    let workspace: string;
    try {
      const view = await call<WorkspaceView>('createWorkspace', {
        name: 'Runs',
        path: path.join(scratch, 'runs'),
      });
      workspace = view.path;
      await call('saveEnvironment', {
        name: 'CI',
        variables: [
          { name: 'base', value: server.url, secret: false },
          { name: 'key', value: key, secret: true },
        ],
      });
      await call('createRequest', {
        folderId: view.root.id,
        name: 'Ping',
        draft: {
          method: 'GET',
          url: '{{base}}/ping?k={{key}}',
          headers: [],
          body: { mode: 'none' },
          auth: { type: 'none' },
        },
      });
    } finally {
      await services.close();
    }
    const run = await lanternRun([workspace, '--env', 'ci', '--data-dir', dataDir]);
    expect(run.output).not.toContain(key);
    expect(run.code).toBe(0);
    expect(received).toContain(`/ping?k=${key}`);
  }, 60_000);
});
