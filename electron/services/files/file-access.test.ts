import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { grantRef } from '../../../shared/files/file-ref';
import { FileAccess } from './file-access';
import { GrantStore } from './grant-store';

const root = mkdtempSync(path.join(tmpdir(), 'lantern-access-'));
const workspace = path.join(root, 'ws');
const outside = path.join(root, 'outside.pem');
mkdirSync(path.join(workspace, 'fixtures'), { recursive: true });
writeFileSync(path.join(workspace, 'fixtures', 'upload.bin'), 'inside');
writeFileSync(outside, 'secret key');
symlinkSync(outside, path.join(workspace, 'fixtures', 'link.pem'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let picked: string | undefined;
const access = new FileAccess({
  grants: new GrantStore({ computer: 'test' }),
  dataDir: path.join(root, 'data'),
  home: path.join(root, 'home'),
  dialogs: {
    openFile: async () => picked,
    saveFile: async () => undefined,
    openFolder: async () => picked,
  },
});
const browser = new FileAccess({
  grants: new GrantStore({ computer: 'test' }),
  dataDir: path.join(root, 'data'),
});

describe('FileAccess.readable', () => {
  it('reads a file the user chose in the dialog, by its grant', async () => {
    picked = outside;
    const chosen = await access.choose('Choose');
    expect(chosen).toMatchObject({ name: 'outside.pem', size: 10 });
    expect(chosen?.ref).toMatch(/^grant:[0-9a-f]{32}\/outside\.pem$/);
    expect(await access.readable(chosen?.ref ?? '', { what: 'the body' })).toBe(outside);
    expect(await access.describe(chosen?.ref ?? '')).toEqual({ name: 'outside.pem', size: 10 });
  });

  it('a cancelled dialog grants nothing', async () => {
    picked = undefined;
    expect(await access.choose('Choose')).toBeUndefined();
  });

  it('reads a path written in a workspace only inside its folder', async () => {
    expect(await access.readable('fixtures/upload.bin', { what: 'the body', workspaceDir: workspace })).toBe(
      path.join(workspace, 'fixtures', 'upload.bin'),
    );
  });

  it.each([
    ['/etc/passwd', workspace],
    ['../outside.pem', workspace],
    ['fixtures/../../outside.pem', workspace],
    ['fixtures/link.pem', workspace],
    ['fixtures/upload.bin', undefined],
    [outside, undefined],
  ])('refuses %s (workspace %s) with one message naming the file', async (text, workspaceDir) => {
    const refusal = access.readable(text, {
      what: 'the client key',
      ...(workspaceDir ? { workspaceDir } : {}),
    });
    await expect(refusal).rejects.toMatchObject({
      code: 'file.not-granted',
      message: `Lantern did not read "${text}" (the client key): it reads only files you choose, or files inside the workspace's own folder, and this one is neither. Choose the file to allow it.`,
    });
  });

  it('answers the same for a file that exists and one that does not', async () => {
    const there = await access.readable('/etc/passwd', { what: 'x' }).catch((e: Error) => e.message);
    const missing = await access.readable('/etc/passwd', { what: 'x' }).catch((e: Error) => e.message);
    const nowhere = await access.readable('/etc/no-such-file', { what: 'x' }).catch((e: Error) => e.message);
    expect(there).toBe(missing);
    expect(nowhere).toBe(there.replace('/etc/passwd', '/etc/no-such-file'));
  });

  it('an unknown or foreign grant asks to choose the file again', async () => {
    await expect(
      access.readable(grantRef('0'.repeat(32), 'cert.pem'), { what: 'the CA file' }),
    ).rejects.toMatchObject({
      code: 'file.not-granted',
      message:
        'The file "cert.pem" (the CA file) was chosen on another computer, or Lantern no longer has it. Choose the file again.',
    });
    await expect(access.describe('/etc/shadow')).rejects.toMatchObject({ code: 'file.not-granted' });
  });
});

describe('FileAccess uploads (browser mode)', () => {
  it('keeps a copy in the data folder, granted once the last chunk is in', async () => {
    const first = await browser.uploadChunk({
      name: 'body.bin',
      size: 6,
      offset: 0,
      data: Buffer.from('abc').toString('base64'),
    });
    expect(first.file).toBeUndefined();
    const last = await browser.uploadChunk({
      uploadId: first.uploadId,
      name: 'body.bin',
      size: 6,
      offset: 3,
      data: Buffer.from('def').toString('base64'),
    });
    expect(last.file).toMatchObject({ name: 'body.bin', size: 6 });
    const copy = await browser.readable(last.file?.ref ?? '', { what: 'the body' });
    expect(copy.startsWith(path.join(root, 'data', 'uploads'))).toBe(true);
    expect(readFileSync(copy, 'utf8')).toBe('abcdef');
  });

  it('a name cannot steer the copy out of the uploads folder', async () => {
    const done = await browser.uploadChunk({ name: '../../.bashrc', size: 1, offset: 0, data: 'eA==' });
    const copy = await browser.readable(done.file?.ref ?? '', { what: 'the body' });
    expect(path.dirname(path.dirname(copy))).toBe(path.join(root, 'data', 'uploads'));
    expect(path.basename(copy)).toBe('_.._.bashrc');
  });

  it('refuses chunks out of order, and files over 512 MB', async () => {
    const first = await browser.uploadChunk({ name: 'a', size: 4, offset: 0, data: 'eA==' });
    await expect(
      browser.uploadChunk({ uploadId: first.uploadId, name: 'a', size: 4, offset: 3, data: 'eA==' }),
    ).rejects.toMatchObject({ code: 'file.upload-broken' });
    await expect(
      browser.uploadChunk({ name: 'big', size: 513 * 1024 * 1024, offset: 0, data: '' }),
    ).rejects.toMatchObject({
      code: 'file.too-large',
    });
  });

  it('browser mode has no dialogs and says what to use instead', async () => {
    await expect(browser.choose('x')).rejects.toMatchObject({
      code: 'file.no-dialog',
      message:
        'Browser mode cannot choose a file on the machine running Lantern. Use the file input in the page instead.',
    });
  });
});

describe('FileAccess.workspaceFolder', () => {
  it('takes a recent or listed folder as it is, and any other by the rules', async () => {
    expect(await access.workspaceFolder(workspace, [])).toBe(workspace);
    await expect(access.workspaceFolder('/etc', [])).rejects.toMatchObject({
      code: 'workspace.folder-refused',
    });
    await expect(
      access.workspaceFolder(path.join(workspace, '..', '..', '..', 'etc'), []),
    ).rejects.toMatchObject({
      code: 'workspace.folder-refused',
    });
  });

  it('resolves symlinks first: a link to a system folder is that folder', async () => {
    const link = path.join(root, 'etc-link');
    symlinkSync('/etc', link);
    await expect(access.workspaceFolder(link, [])).rejects.toMatchObject({
      message: expect.stringContaining('system folder /etc'),
    });
  });

  it('a folder to create needs its parent to exist', async () => {
    expect(await access.workspaceFolder(path.join(root, 'new-ws'), [], true)).toBe(path.join(root, 'new-ws'));
    await expect(access.workspaceFolder(path.join(root, 'a', 'b', 'c'), [], true)).rejects.toMatchObject({
      code: 'workspace.folder-missing',
    });
  });

  it('a folder chosen in the dialog is allowed as chosen', async () => {
    picked = workspace;
    expect(await access.chooseFolder('Choose')).toBe(workspace);
  });
});
