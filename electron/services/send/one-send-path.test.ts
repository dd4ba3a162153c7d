/**
 * One send path: a saved request that inherits its folder's auth, headers and variables sends the
 * same bytes from the app (its own draft + where it lives), from `lantern run` and as a re-send
 * from history. A real local server records what arrives.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceView } from '../../../shared/calls/workspace-calls';
import type { CallOutput } from '../../../shared/contract';
import { dispatch } from '../../../shared/dispatch';
import type { RequestDraft } from '../../../shared/model/request';
import { runCli } from '../../cli/run-cli';
import { createServices } from '../create-services';
import { keyFileProtector } from '../vault/key-file-protector';
import { Vault } from '../vault/vault';
import { startHttpServer, type RunningServer } from '../../../test-support/servers';

interface Arrival {
  method: string;
  url: string;
  /** Every header as it arrived, in order and case. */
  headers: string[];
  body: string;
}

let server: RunningServer;
let base: string;
const arrivals: Arrival[] = [];
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'lantern-one-path-'));
  server = await startHttpServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const headers: string[] = [];
      for (let i = 0; i < request.rawHeaders.length; i += 2)
        headers.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
      arrivals.push({ method: request.method ?? '', url: request.url ?? '', headers, body });
      response.setHeader('content-type', 'application/json');
      response.end('{"ok":true}');
    });
  });
  base = server.url;
});
afterAll(async () => {
  await server.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('one send path for the app, lantern run and history', () => {
  it('sends the same bytes for a request inheriting folder auth, headers and variables', async () => {
    const token = `tok-${randomBytes(8).toString('hex')}`;
    const apiKey = `key-${randomBytes(8).toString('hex')}`;
    // A vault whose key is in a file, so `lantern run` opens it as the app left it.
    const dataDir = path.join(scratch, 'data');
    await Vault.open({ dir: dataDir, protector: keyFileProtector(dataDir) });
    const services = createServices({ mode: 'browser', version: 'test', dataDir, emit: () => undefined });
    const call = async <T>(name: string, input: unknown): Promise<T> => {
      const result = await dispatch(services.handlers, name, input);
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.value as T;
    };
    const workspaceDir = path.join(scratch, 'workspace');
    let own: RequestDraft;
    let requestId: string;
    let workspaceId: string;
    try {
      const view = await call<WorkspaceView>('createWorkspace', { name: 'Inherit', path: workspaceDir });
      workspaceId = view.id;
      const credential = await call<{ id: string }>('saveCredential', {
        kind: 'bearer',
        label: 'Team token',
        fields: {},
        secret: token,
      });
      const folder = await call<{ id: string }>('createFolder', { parentId: view.id, name: 'Admin' });
      await call('updateFolder', {
        id: folder.id,
        auth: { type: 'bearer', credentialId: credential.id },
        headers: [{ name: 'X-Team', value: '{{team}}', enabled: true }],
        variables: [
          { name: 'team', value: 'blue', secret: false },
          { name: 'apiKey', value: apiKey, secret: true },
        ],
      });
      own = {
        method: 'POST',
        url: `${base}/users?team={{team}}&k={{apiKey}}`,
        headers: [{ name: 'X-Own', value: 'mine', enabled: true }],
        body: { mode: 'json', text: '{"team":"{{team}}"}' },
        auth: { type: 'none' },
      };
      const created = await call<{ id: string }>('createRequest', {
        folderId: folder.id,
        name: 'Create user',
        draft: own,
      });
      requestId = created.id;

      // The app: the tab's own draft and where it lives; the main side applies the folder.
      await call('send', { requestId: 'app-1', draft: own, savedRequestId: requestId, workspaceId });
      const app = arrivals.at(-1) as Arrival;
      expect(app.url).toBe(`/users?team=blue&k=${apiKey}`);
      expect(app.headers).toContain(`Authorization: Bearer ${token}`);
      expect(app.headers).toContain('X-Team: blue');
      expect(app.headers).toContain('X-Own: mine');
      expect(app.body).toBe('{"team":"blue"}');

      // History keeps the request as sent and where it came from; a re-send applies the folder again.
      const listed = await call<CallOutput<'listHistory'>>('listHistory', {});
      const entry = await call<CallOutput<'getHistoryEntry'>>('getHistoryEntry', {
        id: listed.entries[0]?.id,
      });
      expect(entry.origin).toEqual({ savedRequestId: requestId, workspaceId });
      await call('send', {
        requestId: 'history-1',
        draft: entry.draft,
        savedRequestId: entry.origin?.savedRequestId,
        workspaceId: entry.origin?.workspaceId,
        replay: true,
      });
      expect(arrivals.at(-1)).toEqual(app);
    } finally {
      await services.close();
    }

    // `lantern run` on the same workspace and data folder.
    const output: string[] = [];
    const code = await runCli(['run', workspaceDir, '--data-dir', dataDir], {
      out: (text) => output.push(text),
      err: (text) => output.push(text),
    });
    expect(output.join('')).toContain('PASS');
    expect(code).toBe(0);
    expect(arrivals.at(-1)).toEqual(arrivals.at(-2));
    expect(arrivals).toHaveLength(3);
  }, 60_000);
});
