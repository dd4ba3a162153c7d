import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test-support/fake-renderer-api';
import { credentialOf, draftOf, workspaceOf } from '../../test-support/renderer-fixtures';
import { useLantern } from './index';
import { activeTab } from './tabs-slice';

vi.mock('../api', () => import('../../test-support/fake-renderer-api').then((m) => m.fakeApi.module));

const pasted = (url: string) => ({ ok: true as const, value: { draft: draftOf(url), name: url, notes: [] } });
const urlOf = (tabId: string) => useLantern.getState().tabs.find((t) => t.id === tabId)?.draft.url;
let stop: (() => void) | undefined;

beforeEach(() => {
  stop?.();
  stop = undefined;
  fakeApi.reset();
  useLantern.setState({ workspaceError: undefined, workspaceView: workspaceOf('ws') });
  useLantern.getState().openTab({ draft: draftOf('http://127.0.0.1:1/before') });
});

describe('a cURL command pasted into the URL field', () => {
  it('replaces the draft of the tab it was pasted into, even if another tab is active by then', async () => {
    const held = fakeApi.hold('curlToDraft');
    const pastedInto = activeTab(useLantern.getState()).id;
    const paste = useLantern.getState().pasteCurl("curl 'http://127.0.0.1:1/pasted'");
    useLantern.getState().openTab({ draft: draftOf('http://127.0.0.1:1/other') });
    await held.answer(0, pasted('http://127.0.0.1:1/pasted'));
    await paste;
    expect(urlOf(pastedInto)).toBe('http://127.0.0.1:1/pasted');
    expect(activeTab(useLantern.getState()).draft.url).toBe('http://127.0.0.1:1/other');
  });

  it('an earlier paste that answers after a later one is ignored', async () => {
    const held = fakeApi.hold('curlToDraft');
    const tabId = activeTab(useLantern.getState()).id;
    void useLantern.getState().pasteCurl("curl 'http://127.0.0.1:1/first'");
    void useLantern.getState().pasteCurl("curl 'http://127.0.0.1:1/second'");
    await held.answer(1, pasted('http://127.0.0.1:1/second'));
    await held.answer(0, pasted('http://127.0.0.1:1/first'));
    expect(urlOf(tabId)).toBe('http://127.0.0.1:1/second');
  });

  it('lists credentials again where shown: a token or session in the command became one', async () => {
    fakeApi
      .handle('curlToDraft', () => pasted('http://127.0.0.1:1/x'))
      .answer('listCredentials', [credentialOf('pasted')]);
    stop = useLantern.getState().watchCredentials();
    await useLantern.getState().pasteCurl("curl 'http://127.0.0.1:1/x' -H 'Authorization: Bearer abc'");
    await fakeApi.settle();
    expect(useLantern.getState().credentials.map((c) => c.id)).toEqual(['pasted']);
    expect(fakeApi.callsOf('listCredentials')).toHaveLength(2);
  });

  it('a command that cannot be read is said where the user looks, and the draft is kept', async () => {
    fakeApi.fail('curlToDraft', 'curl.parse', 'Unclosed quote.');
    await useLantern.getState().pasteCurl("curl 'http://");
    expect(useLantern.getState().workspaceError).toBe(
      'The pasted cURL command could not be read: Unclosed quote.',
    );
    expect(activeTab(useLantern.getState()).draft.url).toBe('http://127.0.0.1:1/before');
  });
});

describe('import', () => {
  it('adopts the new tree and lists credentials again (secrets typed in the dialog became some)', async () => {
    const view = workspaceOf('ws', { folders: [{ id: 'f', name: 'Imported', folders: [], requests: [] }] });
    fakeApi
      .answer('importIntoWorkspace', {
        view,
        folderId: 'f',
        counts: { folders: 1, requests: 0, environments: 0 },
        skipped: [],
      })
      .answer('listCredentials', []);
    stop = useLantern.getState().watchCredentials();
    const imported = await useLantern.getState().importIntoWorkspace({ text: '{}', secrets: { c: 'typed' } });
    expect(imported?.folderId).toBe('f');
    expect(useLantern.getState().workspaceView?.root.folders[0]?.name).toBe('Imported');
    expect(fakeApi.callsOf('listCredentials')).toHaveLength(2);
  });
});
