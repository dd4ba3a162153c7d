import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionTab } from '../../shared/calls/session-calls';
import type { RequestDraft } from '../../shared/model/request';
import { fakeApi } from '../../test-support/fake-renderer-api';
import { workspaceOf } from '../../test-support/renderer-fixtures';
import { useLantern } from './index';
import { sessionSnapshot } from './session-slice';
import { isUnsaved, newTab } from './tabs-slice';

vi.mock('../api', () => import('../../test-support/fake-renderer-api').then((m) => m.fakeApi.module));

const draft = (url: string): RequestDraft => ({
  method: 'GET',
  url,
  headers: [],
  body: { mode: 'none' },
  auth: { type: 'none' },
});
const saved: SessionTab = {
  id: 'tab-file',
  sourceId: 'file:req_1',
  name: 'Users',
  workspaceId: 'ws_a',
  draft: draft('https://api.test/users?mine=1'),
  unsaved: true,
  revision: 'rev-1',
  responsePart: 'timeline',
  hadResponse: true,
  removedSecrets: ['the header "Authorization"'],
};
const scratch: SessionTab = {
  id: 'tab-new',
  draft: draft('https://api.test/new'),
  unsaved: true,
  baseline: draft(''),
  responsePart: 'body',
  hadResponse: false,
  removedSecrets: [],
};
const view = (revision: string) => ({
  ...workspaceOf('ws_a', {
    requests: [{ id: 'req_1', name: 'Users', draft: draft('https://api.test/users'), inheritAuth: true }],
  }),
  revisions: { req_1: revision },
});

beforeEach(() => {
  fakeApi.reset();
  const blank = newTab();
  useLantern.setState({
    tabs: [blank],
    activeTabId: blank.id,
    fileConflicts: [],
    fileRevisions: {},
    removedSecrets: {},
    unsentSinceRestart: [],
  });
});

describe('session slice', () => {
  it('restores drafts, order, the active tab and response parts, replacing the blank start tab', () => {
    useLantern.setState({ workspaceView: view('rev-1') });
    useLantern.getState().restoreTabs({ tabs: [scratch, saved], activeTabId: 'tab-file' });
    const state = useLantern.getState();
    expect(state.tabs.map((t) => [t.id, t.draft.url, t.responsePart, isUnsaved(t)])).toEqual([
      ['tab-new', 'https://api.test/new', 'body', true],
      ['tab-file', 'https://api.test/users?mine=1', 'timeline', true],
    ]);
    expect(state.activeTabId).toBe('tab-file');
    expect(state.fileConflicts).toEqual([]);
    expect(state.removedSecrets).toEqual({ 'tab-file': ['the header "Authorization"'] });
    expect(state.unsentSinceRestart).toEqual(['tab-file']);
    // Saved again as it came back: nothing is lost by a restore followed by a save.
    expect(sessionSnapshot(useLantern.getState()).tabs[1]).toMatchObject({
      revision: 'rev-1',
      unsaved: true,
      hadResponse: true,
      removedSecrets: ['the header "Authorization"'],
    });
  });

  it('an unsaved draft whose file changed on disk meanwhile meets the Reload/Overwrite choice', () => {
    useLantern.setState({ workspaceView: view('rev-2') });
    useLantern.getState().restoreTabs({ tabs: [saved], activeTabId: 'tab-file' });
    const state = useLantern.getState();
    expect(state.fileConflicts).toEqual(['req_1']);
    // The save checks against the revision the draft was made on, so the main side refuses to overwrite silently.
    expect(state.fileRevisions.req_1).toBe('rev-1');
    expect(state.tabs[0]?.draft.url).toBe('https://api.test/users?mine=1');
  });

  it('a tab without edits follows its file as it is on disk now', () => {
    useLantern.setState({ workspaceView: view('rev-2') });
    useLantern.getState().restoreTabs({ tabs: [{ ...saved, unsaved: false }], activeTabId: 'tab-file' });
    const state = useLantern.getState();
    expect(state.tabs[0]?.draft.url).toBe('https://api.test/users');
    expect(isUnsaved(state.tabs[0] as never)).toBe(false);
    expect(state.fileConflicts).toEqual([]);
    expect(state.removedSecrets).toEqual({});
  });
});
