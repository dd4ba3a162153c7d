import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/contract';
import { dispatch } from '../../../shared/dispatch';
import type { WorkspaceView } from '../../../shared/calls/workspace-calls';
import { createServices } from '../create-services';

let dataDir: string;
let services: ReturnType<typeof createServices>;
const events: { name: EventName; payload: unknown }[] = [];

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatch(services.handlers, name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'lantern-ws-handlers-'));
  events.length = 0;
  services = createServices({
    mode: 'browser',
    version: 'test',
    dataDir,
    emit: (name, payload) => events.push({ name, payload }),
  });
});

afterEach(async () => {
  await services.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('workspace handlers', () => {
  it('creates a workspace in the data folder, with folders and requests, and lists it again', async () => {
    const view = await call<WorkspaceView>('createWorkspace', { name: 'Team API' });
    expect(view.path).toBe(path.join(dataDir, 'workspaces', 'team-api'));
    const folder = await call<{ id: string; view: WorkspaceView }>('createFolder', {
      parentId: view.id,
      name: 'Users',
    });
    const created = await call<{ id: string; view: WorkspaceView }>('createRequest', {
      folderId: folder.id,
      name: 'List',
    });
    expect(created.view.root.folders[0]?.requests[0]?.name).toBe('List');
    const listed = await call<{ workspaces: { name: string }[]; open?: WorkspaceView }>('listWorkspaces', {});
    expect(listed.workspaces.map((w) => w.name)).toEqual(['Team API']);
    expect(listed.open?.revisions[created.id]).toBeTruthy();
  });

  it('refuses to save over a file changed on disk, until told to overwrite', async () => {
    const view = await call<WorkspaceView>('createWorkspace', { name: 'Conflicts' });
    const { id, view: after } = await call<{ id: string; view: WorkspaceView }>('createRequest', {
      folderId: view.id,
      name: 'One',
    });
    const revision = after.revisions[id];
    const file = path.join(view.path, 'one.request.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('url: ""', 'url: https://changed.example'));
    const draft = { method: 'POST', url: 'https://mine.example', headers: [], body: { mode: 'none' } };
    const refused = await dispatch(services.handlers, 'saveRequest', {
      id,
      draft,
      expectedRevision: revision,
      overwrite: false,
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('workspace.conflict');
    await call('saveRequest', { id, draft, expectedRevision: revision, overwrite: true });
    expect(await readFile(file, 'utf8')).toContain('https://mine.example');
  });

  it('previews and imports a Postman collection; a typed secret becomes a credential', async () => {
    await call('createWorkspace', { name: 'Imports' });
    const collection = JSON.stringify({
      info: { name: 'Echo', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      auth: { type: 'bearer', bearer: [{ key: 'token', value: 'secret-token-1234', type: 'string' }] },
      item: [{ name: 'Get', request: { method: 'GET', url: 'https://echo.example/get' } }],
    });
    const preview = await call<{ format: string; collection: { credentials: { id: string }[] } }>(
      'previewImport',
      { text: collection },
    );
    expect(preview.format).toBe('postman');
    const need = preview.collection.credentials[0];
    expect(need).toBeDefined();
    const imported = await call<{ view: WorkspaceView; counts: { requests: number } }>(
      'importIntoWorkspace',
      {
        text: collection,
        secrets: { [need?.id ?? '']: 'secret-token-1234' },
      },
    );
    expect(imported.counts.requests).toBe(1);
    const folder = imported.view.root.folders[0];
    expect(folder?.name).toBe('Echo');
    const credentials = await call<{ id: string }[]>('listCredentials', {});
    expect(folder?.auth).toEqual({ type: 'bearer', credentialId: credentials[0]?.id });
  });

  it('turns a pasted cURL into a draft whose token became a credential', async () => {
    const { draft, notes } = await call<{
      draft: { auth: { type: string; credentialId?: string }; headers: unknown[] };
      notes: string[];
    }>('curlToDraft', {
      text: `curl 'https://api.example.com/users' -H 'Authorization: Bearer abc123456789'`,
    });
    expect(draft.auth.type).toBe('bearer');
    expect(draft.headers).toEqual([]);
    expect(notes.join(' ')).toMatch(/kept as the credential/);
    const secret = await call<{ value: string }>('revealSecret', { credentialId: draft.auth.credentialId });
    expect(secret.value).toBe('abc123456789');
  });

  it('exports snippets with placeholders unless secrets are asked for, and the workspace to Postman', async () => {
    const credential = await call<{ id: string }>('saveCredential', {
      kind: 'bearer',
      label: 'T',
      fields: {},
      secret: 'tok-98765',
    });
    const draft = {
      method: 'GET',
      url: 'https://x.example',
      headers: [],
      body: { mode: 'none' },
      auth: { type: 'bearer', credentialId: credential.id },
    };
    const hidden = await call<{ code: string }>('exportSnippet', {
      draft,
      language: 'curl-bash',
      includeSecrets: false,
    });
    expect(hidden.code).toContain('{{access_token}}');
    expect(hidden.code).not.toContain('tok-98765');
    const shown = await call<{ code: string }>('exportSnippet', {
      draft,
      language: 'python-requests',
      includeSecrets: true,
    });
    expect(shown.code).toContain('tok-98765');
    const view = await call<WorkspaceView>('createWorkspace', { name: 'Export me' });
    await call('createRequest', { folderId: view.id, name: 'One', draft });
    // Browser mode writes nothing itself: the files come back for the page to download.
    const exported = await call<{
      saved: boolean;
      downloads: { name: string; text: string; mimeType: string }[];
    }>('exportPostman', {});
    expect(exported.saved).toBe(false);
    expect(exported.downloads.map((d) => [d.name, d.mimeType])).toEqual([
      ['export-me.postman_collection.json', 'application/json'],
    ]);
    const text = exported.downloads[0]?.text ?? '';
    expect((JSON.parse(text) as { item: { name: string }[] }).item.map((i) => i.name)).toEqual(['One']);
    expect(text).not.toContain('tok-98765');
  });

  it('saves the sample requests as a workspace, once', async () => {
    const first = await call<WorkspaceView>('saveSampleWorkspace', {});
    expect(first.root.folders.map((f) => f.name)).toContain('iHASCO REST API');
    const again = await call<WorkspaceView>('saveSampleWorkspace', {});
    expect(again.id).toBe(first.id);
  });
});
