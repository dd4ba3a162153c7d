/**
 * A credential that takes its secret from a `{{variable}}` (issue 16 §2): a Postman collection
 * whose bearer token is `{{token}}` is imported, and the send fills the token in from an
 * environment against the sandbox's iHASCO API. The token is masked everywhere, though the
 * variable holding it is not marked secret: the send's own masks carry it.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services/create-services';
import { dispatch } from '../../shared/dispatch';
import type { CredentialSummary } from '../../shared/model/auth';
import type { Exchange } from '../../shared/model/response';
import type { WorkspaceView } from '../../shared/calls/workspace-calls';
import { startSandbox, type RunningSandbox } from '../index';

let sandbox: RunningSandbox;
let scratch: string;
let services: ReturnType<typeof createServices>;

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatch(services.handlers, name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const collection = (base: string) =>
  JSON.stringify({
    info: {
      name: 'iHASCO from Postman',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] },
    item: [
      {
        name: 'List users',
        request: { method: 'GET', url: `${base}/ihasco/users` },
        event: [{ listen: 'test', script: { exec: ['pm.response.to.have.status(200);'] } }],
      },
    ],
  });

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  scratch = await mkdtemp(path.join(tmpdir(), 'lantern-variable-secret-'));
  services = createServices({
    mode: 'browser',
    version: 'test',
    dataDir: path.join(scratch, 'data'),
    emit: () => undefined,
  });
}, 30_000);

afterAll(async () => {
  await services?.close();
  await sandbox?.close();
  await rm(scratch, { recursive: true, force: true });
});

async function everything(dir: string): Promise<string> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = names.filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
  return (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n');
}

describe('a bearer token taken from {{token}}', () => {
  it('is imported as a reference, sent from the environment, and kept out of history', async () => {
    const token = sandbox.credentials.ihasco.token;
    await call<WorkspaceView>('createWorkspace', { name: 'Imported', path: path.join(scratch, 'ws') });
    const imported = await call<{ view: WorkspaceView; skipped: string[] }>('importIntoWorkspace', {
      text: collection(sandbox.url),
    });
    expect(imported.skipped).toContain(
      'The credential "Bearer token (the collection "iHASCO from Postman")" takes its secret from {{token}}, as in the source: it is kept in lantern.workspace.yaml (no secret in it). Define {{token}} in an environment or a folder, or pass it to lantern run with --env-var, and it is filled in when a request is sent.',
    );
    const credentials = await call<CredentialSummary[]>('listCredentials', {});
    expect(credentials).toContainEqual(
      expect.objectContaining({
        kind: 'bearer',
        secretReference: '{{token}}',
        secretPreview: 'from {{token}}',
      }),
    );
    const folder = imported.view.root.folders[0];
    const request = folder?.requests[0];
    if (!request) throw new Error('The imported request is missing.');
    expect(request.draft.tests).toEqual([{ enabled: true, target: 'status', op: 'equals', expected: '200' }]);

    // No environment: the reference cannot be filled, and the send says which variable is missing.
    const blocked = await dispatch(services.handlers, 'send', {
      requestId: 'no-env',
      draft: request.draft,
      savedRequestId: request.id,
    });
    expect(blocked.ok).toBe(false);
    expect(!blocked.ok && blocked.error.message).toBe(
      'The variable {{token}} in the token of the credential "Bearer token (the collection "iHASCO from Postman")" is not defined in the globals. Define it, or remove the reference.',
    );

    // The variable is not marked secret: the value is masked because a credential sent it.
    const environment = await call<{ id: string }>('saveEnvironment', {
      name: 'Sandbox',
      variables: [{ name: 'token', value: token, secret: false }],
    });
    const sent = await call<Exchange>('send', {
      requestId: 'with-env',
      draft: request.draft,
      savedRequestId: request.id,
      environmentId: environment.id,
    });
    expect(sent.response.status).toBe(200);
    expect(sent.tests?.map((t) => t.passed)).toEqual([true]);
    expect(sent.auth?.steps[0]).toMatch(/^Sent the static bearer token of Bearer token/);
    expect(JSON.stringify(sent)).not.toContain(token);

    const history = await call<{ entries: { id: string }[] }>('listHistory', {});
    expect(history.entries.length).toBeGreaterThan(0);
    for (const entry of history.entries)
      expect(JSON.stringify(await call('getHistoryEntry', { id: entry.id }))).not.toContain(token);
    expect(await everything(path.join(scratch, 'data', 'history'))).not.toContain(token);
    // The workspace file carries the reference (a clone sends with it), never the value.
    const file = await readFile(path.join(scratch, 'ws', 'lantern.workspace.yaml'), 'utf8');
    expect(file).not.toContain(token);
    expect(file).toContain('{{token}}');
  });
});
