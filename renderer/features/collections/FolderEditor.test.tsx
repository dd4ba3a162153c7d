// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Folder } from '../../../shared/model/collection';
import { fakeApi } from '../../../test-support/fake-renderer-api';
import { credentialOf, workspaceOf } from '../../../test-support/renderer-fixtures';
import { useLantern } from '../../store';
import { FolderEditor } from './FolderEditor';

vi.mock('../../api', () => import('../../../test-support/fake-renderer-api').then((m) => m.fakeApi.module));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// jsdom has <dialog> but not its modal methods.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.open = true;
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  this.open = false;
  this.dispatchEvent(new Event('close'));
};

const child: Folder = { id: 'child', name: 'Admin', folders: [], requests: [] };
let container: HTMLDivElement;
let root: Root;
const byTestId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);

beforeEach(() => {
  fakeApi.reset();
  useLantern.setState({
    workspaceView: workspaceOf('ws', { folders: [child] }),
    folderInheritance: undefined,
  });
  container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('FolderEditor', () => {
  it('shows what the folder inherits as the main side computes it, secrets masked or missing', async () => {
    fakeApi.answer('listCredentials', [credentialOf('cred_team', 'Team token')]).answer('inheritance', {
      headers: [{ name: 'X-Team', value: 'blue', from: 'Shared', fromId: 'root', overridden: false }],
      variables: [
        {
          name: 'base',
          value: 'http://127.0.0.1:1',
          secret: false,
          missing: false,
          from: 'Shared',
          fromId: 'root',
        },
        { name: 'api_key', value: '••••', secret: true, missing: true, from: 'Shared', fromId: 'root' },
      ],
      auth: { value: { type: 'bearer', credentialId: 'cred_team' }, from: 'Shared', fromId: 'root' },
      authUsed: 'none',
    });
    await act(async () => root.render(<FolderEditor folder={child} onClose={() => undefined} />));
    expect(fakeApi.callsOf('inheritance')).toEqual([{ folderId: 'child' }]);
    expect(byTestId('folder-auth-effective')?.textContent).toBe(
      'Effective: bearer · Team token (from Shared)',
    );
    expect(byTestId('folder-inherited-headers')?.textContent).toContain('X-Teambluefrom Shared');
    const variables = byTestId('folder-inherited-variables')?.textContent;
    expect(variables).toContain('basehttp://127.0.0.1:1from Shared');
    expect(variables).toContain('api_key(no value on this computer)from Shared');
  });

  it('says so while the main side has not answered, and why when it cannot', async () => {
    const held = fakeApi.hold('inheritance');
    fakeApi.answer('listCredentials', []);
    await act(async () => root.render(<FolderEditor folder={child} onClose={() => undefined} />));
    expect(byTestId('folder-auth-effective')?.textContent).toBe('Effective: checking the folders above…');
    await act(() =>
      held.answer(0, {
        ok: false,
        error: { code: 'workspace.folder-missing', message: 'That folder is gone.' },
      }),
    );
    expect(byTestId('folder-inherited-error')?.textContent).toBe('That folder is gone.');
    expect(byTestId('folder-auth-effective')?.textContent).toBe('Effective: not known (see below)');
  });
});
