/**
 * sandbox/openapi.yaml describes the sandbox's iHASCO-style REST API. Imported through the app's
 * services (the Import dialog's calls), every request it makes is sent to the running sandbox and
 * must succeed, with its response-schema test switched on and passing: so the description stays
 * true to the sandbox, and the importer's requests, auth and schema tests work end to end.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runLanternCli as lantern } from '../../test-support/processes';
import { dispatch } from '../../shared/dispatch';
import { createServices } from '../../electron/services/create-services';
import { WorkspaceStore } from '../../electron/services/workspace';
import type { WorkspaceView } from '../../shared/calls/workspace-calls';
import type { Folder, SavedRequest } from '../../shared/model/collection';
import type { Exchange } from '../../shared/model/response';
import { startSandbox, type RunningSandbox } from '../index';

let scratch: string;
let sandbox: RunningSandbox;
let services: ReturnType<typeof createServices>;

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatch(services.handlers, name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

function allRequests(folder: Folder, path: string[] = []): [string, SavedRequest][] {
  return [
    ...folder.requests.map((request): [string, SavedRequest] => [
      [...path, request.name].join(' / '),
      request,
    ]),
    ...folder.folders.flatMap((child) => allRequests(child, [...path, child.name])),
  ];
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'lantern-openapi-'));
  sandbox = await startSandbox({ port: 0 });
  services = createServices({
    mode: 'browser',
    version: 'test',
    dataDir: path.join(scratch, 'data'),
    emit: () => undefined,
  });
  await call('createWorkspace', { name: 'Imported', path: path.join(scratch, 'ws') });
}, 30_000);

afterAll(async () => {
  await services?.close();
  await sandbox?.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('sandbox/openapi.yaml imported into a workspace', () => {
  it('makes requests that all succeed against the sandbox, their response-schema tests passing', async () => {
    const description = await readFile(path.join(repoRoot, 'sandbox/openapi.yaml'), 'utf8');
    // The server variable `port` picks this sandbox: the description's own default is 4010.
    const port = new URL(sandbox.url).port;
    const text = description.replace("default: '4010'", `default: '${port}'`);

    const preview = await call<{ format: string; counts: object; skipped: string[] }>('previewImport', {
      text,
    });
    expect(preview.format).toBe('openapi');
    expect(preview.counts).toEqual({ folders: 2, requests: 4, environments: 1 });
    expect(preview.skipped).toEqual([
      'The body of request "Update a user" in Users is built as application/json; the description also offers' +
        ' application/x-www-form-urlencoded, which Lantern did not build. Change the body mode to send one of those.',
    ]);

    const imported = await call<{ view: WorkspaceView; skipped: string[] }>('importIntoWorkspace', {
      text,
      secrets: { 'bearer-1': sandbox.credentials.ihasco.token },
    });
    expect(imported.skipped).toEqual(preview.skipped);
    const { view } = imported;
    const environment = view.environments.find((e) => e.name === 'iHASCO sandbox — Local sandbox');
    expect(environment?.variables).toEqual([
      { name: 'baseUrl', value: `${sandbox.url}/ihasco`, secret: false },
    ]);
    const environmentId = view.environmentIds[environment?.id ?? ''];

    const requests = allRequests(view.root);
    expect(requests.map(([name, r]) => `${r.draft.method} ${name}`)).toEqual([
      'GET iHASCO sandbox / Users / List users',
      'GET iHASCO sandbox / Users / Get a user',
      'PATCH iHASCO sandbox / Users / Update a user',
      'GET iHASCO sandbox / Results / List course results',
    ]);
    for (const [name, request] of requests) {
      const tests = request.draft.tests ?? [];
      expect(
        tests.map((t) => [t.op, t.enabled]),
        name,
      ).toEqual([['matchesSchema', false]]);
      const draft = { ...request.draft, tests: tests.map((t) => ({ ...t, enabled: true })) };
      const exchange = await call<Exchange>('send', {
        requestId: `openapi-${request.id}`.slice(0, 64),
        draft,
        savedRequestId: request.id,
        environmentId,
        workspaceId: view.id,
      });
      expect([name, exchange.response.status]).toEqual([name, 200]);
      expect(exchange.request.url.startsWith(`${sandbox.url}/ihasco/`), name).toBe(true);
      expect(
        exchange.tests?.map((t) => [t.passed, t.message]),
        name,
      ).toEqual([[true, 'It matches the JSON Schema.']]);
    }
  }, 60_000);
});

describe('lantern import of an OpenAPI description', () => {
  it('writes the same requests and environment, and says what it left out', async () => {
    const into = path.join(scratch, 'cli');
    const run = await lantern(['import', path.join(repoRoot, 'sandbox/openapi.yaml'), '--into', into]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `Imported "iHASCO sandbox" into ${into}: 4 requests, 2 folders, 1 environments.\n` +
        'Not carried over:\n' +
        '  - The body of request "Update a user" in Users is built as application/json; the description also' +
        ' offers application/x-www-form-urlencoded, which Lantern did not build. Change the body mode to send one of those.\n' +
        '  - The credential "Bearer token (scheme ihascoToken)" came without its secret: open a request that uses' +
        ' it and pick or create a credential in its Auth tab.\n',
    );
    const store = await WorkspaceStore.open(into, { watch: false });
    try {
      expect(store.workspace.environments.map((e) => e.variables)).toEqual([
        [{ name: 'baseUrl', value: 'http://127.0.0.1:4010/ihasco', secret: false }],
      ]);
    } finally {
      store.close();
    }
  }, 60_000);

  it('refuses an invalid description with where it is wrong, exit code 1', async () => {
    const file = path.join(scratch, 'broken.yaml');
    await writeFile(file, 'openapi: 3.0.3\ninfo: { title: x }\npaths: {}\n');
    const run = await lantern(['import', file, '--into', path.join(scratch, 'never')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `lantern: ${file}: This OpenAPI description is not valid: at info: "version" is missing. Correct the description and import it again.\n`,
    );
  }, 60_000);
});
