/**
 * Files by the user's choice, through the contract (dispatch) and Lantern's real services: a file
 * picked in the desktop dialog or uploaded from the page is sent by its grant; a path written in a
 * saved request is read only inside its workspace's folder; saves go where the dialog says.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../shared/contract';
import { dispatch } from '../../../shared/dispatch';
import type { WorkspaceView } from '../../../shared/calls/workspace-calls';
import { startHttpServer, type RunningServer } from '../../../test-support/servers';
import { createServices } from '../create-services';

let server: RunningServer;
/** The last body the server received, and its content type. */
let last: { body: string; type: string } = { body: '', type: '' };
beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      last = { body: Buffer.concat(chunks).toString(), type: req.headers['content-type'] ?? '' };
      res.end('ok');
    });
  });
});
afterAll(() => server.close());

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** Services as the desktop app builds them, with dialogs that answer as the user would. */
async function desktop(answers: { open?: string; save?: string; folder?: string }) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'lantern-files-'));
  dirs.push(dataDir);
  const services = createServices({
    mode: 'desktop',
    version: 'test',
    dataDir,
    emit: () => undefined,
    dialogs: {
      openFile: async () => answers.open,
      saveFile: async () => answers.save,
      openFolder: async () => answers.folder,
    },
  });
  return { dataDir, services, call: caller(services) };
}

async function browser() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'lantern-files-'));
  dirs.push(dataDir);
  const services = createServices({ mode: 'browser', version: 'test', dataDir, emit: () => undefined });
  return { dataDir, services, call: caller(services) };
}

function caller(services: ReturnType<typeof createServices>) {
  return async <N extends Parameters<typeof dispatch>[1]>(name: N, input: unknown) => {
    const result = await dispatch(services.handlers, name, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as CallOutput<N & keyof typeof services.handlers>;
  };
}

const post = (body: unknown) => ({ method: 'POST', url: `${server.url}/upload`, headers: [], body });

describe('a file picked in the desktop dialog', () => {
  it('is sent by its grant; the renderer sees its name and size, never its path', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'lantern-picked-'));
    dirs.push(folder);
    const file = path.join(folder, 'payload.bin');
    writeFileSync(file, 'picked bytes');
    const { services, call } = await desktop({ open: file });
    const { file: chosen } = await call('pickFile', { title: 'Body file' });
    expect(chosen).toMatchObject({ name: 'payload.bin', size: 12 });
    expect(JSON.stringify(chosen)).not.toContain(folder);
    expect(await call('inspectFile', { ref: chosen?.ref })).toEqual({ name: 'payload.bin', size: 12 });
    await call('send', { requestId: 'd1', draft: post({ mode: 'binary', path: chosen?.ref }) });
    expect(last.body).toBe('picked bytes');
    await services.close();
  });

  it('stays granted after a restart on this computer (the data folder keeps it)', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'lantern-picked-'));
    dirs.push(folder);
    writeFileSync(path.join(folder, 'ca.txt'), 'kept');
    const first = await desktop({ open: path.join(folder, 'ca.txt') });
    const { file: chosen } = await first.call('pickFile', {});
    await first.services.close();
    const again = createServices({
      mode: 'desktop',
      version: 'test',
      dataDir: first.dataDir,
      emit: () => undefined,
    });
    const result = await dispatch(again.handlers, 'send', {
      requestId: 'd2',
      draft: post({ mode: 'binary', path: chosen?.ref }),
    });
    expect(result.ok).toBe(true);
    expect(last.body).toBe('kept');
    await again.close();
  });

  it('a cancelled dialog picks nothing', async () => {
    const { services, call } = await desktop({});
    expect(await call('pickFile', {})).toEqual({});
    await services.close();
  });
});

describe('a file uploaded from the page (browser mode)', () => {
  it('is sent as a multipart part under its own name', async () => {
    const { services, call } = await browser();
    const first = await call('uploadFile', {
      name: 'photo.txt',
      size: 10,
      offset: 0,
      data: Buffer.from('hello').toString('base64'),
    });
    const done = await call('uploadFile', {
      uploadId: first.uploadId,
      name: 'photo.txt',
      size: 10,
      offset: 5,
      data: Buffer.from('world').toString('base64'),
    });
    expect(done.file).toMatchObject({ name: 'photo.txt', size: 10 });
    await call('send', {
      requestId: 'b1',
      draft: post({ mode: 'multipart', fields: [{ kind: 'file', name: 'photo', path: done.file?.ref }] }),
    });
    expect(last.type).toMatch(/^multipart\/form-data/);
    expect(last.body).toContain('filename="photo.txt"');
    expect(last.body).toContain('helloworld');
    await services.close();
  });

  it('has no dialogs: picking and saving say what to use instead', async () => {
    const { services } = await browser();
    expect(await dispatch(services.handlers, 'pickFile', {})).toEqual({
      ok: false,
      error: {
        code: 'file.no-dialog',
        message:
          'Browser mode cannot choose a file on the machine running Lantern. Use the file input in the page instead.',
      },
    });
    await services.close();
  });
});

describe('a path written in a saved request', () => {
  async function savedRequest(bodyPath: string) {
    const { services, call } = await browser();
    const view: WorkspaceView = await call('createWorkspace', { name: 'Files' });
    mkdirSync(path.join(view.path, 'fixtures'), { recursive: true });
    writeFileSync(path.join(view.path, 'fixtures', 'upload.txt'), 'from the workspace');
    const outside = path.join(path.dirname(view.path), 'outside.txt');
    writeFileSync(outside, 'not in the workspace');
    symlinkSync(outside, path.join(view.path, 'fixtures', 'link.txt'));
    const draft = post({ mode: 'binary', path: bodyPath });
    const { id } = await call('createRequest', { folderId: view.id, name: 'Upload', draft });
    const send = () =>
      dispatch(services.handlers, 'send', {
        requestId: 'w1',
        draft,
        savedRequestId: id,
        workspaceId: view.id,
      });
    return { services, send };
  }

  it('is read when it stays inside the workspace folder', async () => {
    const { services, send } = await savedRequest('fixtures/upload.txt');
    expect((await send()).ok).toBe(true);
    expect(last.body).toBe('from the workspace');
    await services.close();
  });

  it.each(['../outside.txt', 'fixtures/link.txt', '/etc/hostname'])(
    'is refused when %s leads out of it, naming the file and what to do',
    async (written) => {
      const { services, send } = await savedRequest(written);
      expect(await send()).toEqual({
        ok: false,
        error: {
          code: 'file.not-granted',
          message: `Lantern did not read "${written}" (the body): it reads only files you choose, or files inside the workspace's own folder, and this one is neither. Choose the file to allow it.`,
        },
      });
      await services.close();
    },
  );
});

describe('saves go where the save dialog says', () => {
  it('writes the text and its companions there, and nothing when cancelled', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'lantern-saved-'));
    dirs.push(folder);
    const target = path.join(folder, 'chosen.json');
    const { services, call } = await desktop({ save: target });
    expect(
      await call('saveTextFile', {
        suggestedName: 'response.json',
        text: '{"a":1}',
        companions: [{ name: 'env.json', text: '{}' }],
      }),
    ).toEqual({ saved: true, name: 'chosen.json', bytes: 7 });
    expect(readFileSync(target, 'utf8')).toBe('{"a":1}');
    expect(readFileSync(path.join(folder, 'env.json'), 'utf8')).toBe('{}');
    // A companion never replaces a file that is there: nothing at all is written then.
    const refused = await dispatch(services.handlers, 'saveTextFile', {
      suggestedName: 'x.json',
      text: 'new',
      companions: [{ name: 'env.json', text: 'new' }],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'file.would-overwrite' } });
    expect(readFileSync(target, 'utf8')).toBe('{"a":1}');
    await services.close();
    const cancelled = await desktop({});
    expect(await cancelled.call('saveTextFile', { suggestedName: 'r.json', text: 'x' })).toEqual({
      saved: false,
    });
    await cancelled.services.close();
  });
});

describe('workspace folders', () => {
  it('the desktop folder dialog answers with the folder the user chose, which then opens', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'lantern-chosen-ws-'));
    dirs.push(folder);
    const { services, call } = await desktop({ folder });
    expect(await call('chooseWorkspaceFolder', {})).toEqual({ path: folder });
    const view = await call('createWorkspace', { name: 'Chosen', path: folder });
    expect(view.path).toBe(folder);
    await services.close();
  });
});
