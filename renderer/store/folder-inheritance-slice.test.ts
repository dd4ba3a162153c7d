import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test-support/fake-renderer-api';
import { inheritanceOf, workspaceOf } from '../../test-support/renderer-fixtures';
import { folderInheritanceOf } from './folder-inheritance-slice';
import { useLantern } from './index';

vi.mock('../api', () => import('../../test-support/fake-renderer-api').then((m) => m.fakeApi.module));

const shown = (folderId: string) => folderInheritanceOf(folderId)(useLantern.getState());
let stop: (() => void) | undefined;

beforeEach(() => {
  stop?.();
  fakeApi.reset();
  useLantern.setState({ folderInheritance: undefined, workspaceView: workspaceOf('ws') });
});

describe('folder inheritance slice', () => {
  it('asks the main side what a folder inherits, by its id', async () => {
    fakeApi.answer('inheritance', inheritanceOf('blue'));
    stop = useLantern.getState().watchFolderInheritance('child');
    await fakeApi.settle();
    expect(fakeApi.callsOf('inheritance')).toEqual([{ folderId: 'child' }]);
    expect(shown('child')?.view?.headers[0]?.value).toBe('blue');
    expect(shown('other')).toBeUndefined();
  });

  it('asks again when the workspace tree changes while the editor is open, and not after', async () => {
    fakeApi.answer('inheritance', inheritanceOf('blue'));
    stop = useLantern.getState().watchFolderInheritance('child');
    useLantern.setState({ workspaceView: workspaceOf('ws', { name: 'renamed' }) });
    expect(fakeApi.callsOf('inheritance')).toHaveLength(2);
    stop();
    useLantern.setState({ workspaceView: workspaceOf('ws') });
    expect(fakeApi.callsOf('inheritance')).toHaveLength(2);
  });

  it('says why when the main side cannot tell', async () => {
    fakeApi.fail('inheritance', 'workspace.folder-missing', 'That folder is no longer in the workspace.');
    stop = useLantern.getState().watchFolderInheritance('gone');
    await fakeApi.settle();
    expect(shown('gone')?.error).toBe('That folder is no longer in the workspace.');
  });

  it('ignores an older answer that arrives after a newer one (the parent folder was edited meanwhile)', async () => {
    const held = fakeApi.hold('inheritance');
    stop = useLantern.getState().watchFolderInheritance('child');
    useLantern.setState({ workspaceView: workspaceOf('ws', { name: 'edited' }) });
    await held.answer(1, { ok: true, value: inheritanceOf('green') });
    await held.answer(0, { ok: true, value: inheritanceOf('blue') });
    expect(shown('child')?.view?.headers[0]?.value).toBe('green');
  });

  it('never shows one folder’s answer for another opened after it', async () => {
    const held = fakeApi.hold('inheritance');
    useLantern.getState().watchFolderInheritance('first')();
    stop = useLantern.getState().watchFolderInheritance('second');
    await held.answer(0, { ok: true, value: inheritanceOf('first folder') });
    expect(shown('second')).toBeUndefined();
    expect(shown('first')).toBeUndefined();
  });
});
