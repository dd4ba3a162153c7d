// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkspaceView } from '../../shared/calls/workspace-calls';
import type { RequestDraft } from '../../shared/model/request';
import { fakeApi } from '../../test-support/fake-renderer-api';
import { newTab, type RequestTab } from './tabs-slice';
import { useLantern } from './index';

vi.mock('../api', () => import('../../test-support/fake-renderer-api').then((m) => m.fakeApi.module));

const draft = (url: string): RequestDraft => ({
  method: 'GET',
  url,
  headers: [],
  body: { mode: 'none' },
  auth: { type: 'none' },
});

const view = (requests: { id: string; name: string }[] = []): WorkspaceView =>
  ({
    id: 'ws',
    name: 'Team',
    path: '/data/team',
    root: {
      id: 'root',
      name: 'Team',
      folders: [],
      requests: requests.map((r) => ({ ...r, draft: draft('http://x/') })),
    },
    environments: [],
    environmentIds: {},
    problems: [],
    revisions: Object.fromEntries(requests.map((r) => [r.id, 'rev1'])),
  }) as unknown as WorkspaceView;

/** A tab with an edit: its draft differs from what it was opened with. */
const edited = (tab: RequestTab, url: string): RequestTab => ({ ...tab, draft: draft(url) });
const state = () => useLantern.getState();
const ids = () => state().tabs.map((t) => t.id);

let saved: RequestTab;
let fresh: RequestTab;
let clean: RequestTab;

beforeEach(() => {
  fakeApi.reset();
  saved = edited({ ...newTab(draft('http://x/a'), 'file:req_a', 'A'), workspaceId: 'ws' }, 'http://x/a2');
  fresh = edited(newTab(), 'http://x/users/7');
  clean = newTab(draft('http://x/c'), 'sample:c', 'C');
  useLantern.setState({
    tabs: [saved, fresh, clean],
    activeTabId: saved.id,
    workspaceView: view([{ id: 'req_a', name: 'A' }]),
    fileRevisions: { req_a: 'rev1' },
    closePrompt: undefined,
    saveAs: undefined,
  });
});

describe('closing tabs with unsaved changes', () => {
  it('closes a clean tab at once', () => {
    state().requestClose([clean.id]);
    expect(state().closePrompt).toBeUndefined();
    expect(ids()).toEqual([saved.id, fresh.id]);
  });

  it('asks once for several tabs, listing the unsaved ones in strip order', () => {
    state().requestClose([clean.id, fresh.id, saved.id]);
    expect(state().closePrompt).toEqual({
      tabIds: [saved.id, fresh.id, clean.id],
      unsavedIds: [saved.id, fresh.id],
    });
    expect(ids()).toHaveLength(3);
  });

  it('Cancel keeps every tab and its edits', async () => {
    state().requestClose([saved.id]);
    await state().answerClosePrompt('cancel');
    expect(state().closePrompt).toBeUndefined();
    expect(state().tabs.find((t) => t.id === saved.id)?.draft.url).toBe('http://x/a2');
  });

  it("Don't save closes them all without writing anything", async () => {
    state().requestClose([saved.id, fresh.id]);
    await state().answerClosePrompt('discard');
    expect(ids()).toEqual([clean.id]);
    expect(fakeApi.callsOf('saveRequest')).toEqual([]);
  });

  it('Save writes a saved request to its file, then asks "Save as" for a new one before closing it', async () => {
    fakeApi.answer('saveRequest', { view: view([{ id: 'req_a', name: 'A' }]), revision: 'rev2' });
    state().requestClose([saved.id, fresh.id, clean.id]);
    await state().answerClosePrompt('save');
    expect(fakeApi.callsOf('saveRequest')[0]).toMatchObject({ id: 'req_a', expectedRevision: 'rev1' });
    expect(ids()).toEqual([fresh.id, clean.id]);
    expect(state().saveAs).toEqual({ tabId: fresh.id, closeAfter: [clean.id] });

    const after = view([
      { id: 'req_a', name: 'A' },
      { id: 'req_new', name: 'users/7' },
    ]);
    fakeApi.answer('createRequest', { view: after, id: 'req_new' });
    expect(
      await state().completeSaveAs({ name: 'users/7', folderId: 'root', workspace: { kind: 'open' } }),
    ).toBe(true);
    expect(fakeApi.callsOf('createRequest')[0]).toMatchObject({ folderId: 'root', name: 'users/7' });
    // The new one closed once saved, then the clean one.
    expect(state().saveAs).toBeUndefined();
    expect(state().tabs).toHaveLength(1);
    expect(state().tabs[0]?.draft.url).toBe('');
  });

  it('a failed save keeps the tab and its edits, and stops closing', async () => {
    fakeApi.fail('saveRequest', 'workspace.write', 'The disk is full.');
    state().requestClose([saved.id, clean.id]);
    await state().answerClosePrompt('save');
    expect(ids()).toEqual([saved.id, fresh.id, clean.id]);
    expect(state().workspaceError).toBe('The disk is full.');
  });

  it('Cancel in "Save as" keeps the new tab with its edits', async () => {
    state().requestClose([fresh.id]);
    await state().answerClosePrompt('save');
    state().cancelSaveAs();
    expect(state().tabs.find((t) => t.id === fresh.id)?.draft.url).toBe('http://x/users/7');
  });
});

describe('Save as', () => {
  it('Ctrl/Cmd+S on a new request opens it; the saved tab then names its file and is clean', async () => {
    useLantern.setState({ activeTabId: fresh.id });
    await state().saveActiveTab();
    expect(state().saveAs).toEqual({ tabId: fresh.id, closeAfter: undefined });
    fakeApi.answer('createRequest', { view: view([{ id: 'req_n', name: 'n' }]), id: 'req_n' });
    await state().completeSaveAs({
      name: 'A long name '.repeat(20).trim(),
      folderId: 'root',
      workspace: { kind: 'open' },
    });
    const tab = state().tabs.find((t) => t.id === fresh.id);
    expect(tab).toMatchObject({
      sourceId: 'file:req_n',
      name: 'A long name '.repeat(20).trim(),
      preview: false,
    });
    expect(fakeApi.callsOf('createRequest')[0]?.name).toHaveLength(239);
  });

  it('opens another known workspace first and saves at its top level', async () => {
    const other = { ...view(), id: 'ws2', path: '/data/other', root: { ...view().root, id: 'root2' } };
    fakeApi.answer('openWorkspace', other);
    fakeApi.answer('listWorkspaces', { workspaces: [] });
    fakeApi.answer('createRequest', { view: other, id: 'req_o' });
    state().openSaveAs(fresh.id);
    await state().completeSaveAs({
      name: 'x',
      folderId: 'root',
      workspace: { kind: 'known', path: '/data/other' },
    });
    expect(fakeApi.callsOf('openWorkspace')[0]).toEqual({ path: '/data/other' });
    expect(fakeApi.callsOf('createRequest')[0]).toMatchObject({ folderId: 'root2' });
  });

  it('says why when nothing is open to save into', async () => {
    useLantern.setState({ workspaceView: undefined });
    state().openSaveAs(fresh.id);
    expect(
      await state().completeSaveAs({ name: 'x', folderId: undefined, workspace: { kind: 'open' } }),
    ).toBe(false);
    expect(state().saveAsError).toMatch(/No workspace is open/);
    expect(state().saveAs).toBeDefined();
  });
});

describe('preview tabs', () => {
  beforeEach(() => useLantern.setState({ tabs: [clean], activeTabId: clean.id }));
  const open = (id: string, preview = true) =>
    state().openTab({ draft: draft(`http://x/${id}`), sourceId: `file:${id}`, name: id, preview });

  it('one click replaces the preview tab instead of adding one', () => {
    open('one');
    open('two');
    expect(state().tabs.map((t) => t.name)).toEqual(['C', 'two']);
    expect(state().tabs[1]?.preview).toBe(true);
  });

  it('an edit pins it: the next preview opens beside it', () => {
    open('one');
    state().editDraft((d) => ({ ...d, url: 'http://x/changed' }));
    open('two');
    expect(state().tabs.map((t) => [t.name, t.preview])).toEqual([
      ['C', false],
      ['one', false],
      ['two', true],
    ]);
  });

  it('a pinned open (double-click) pins the tab already showing it', () => {
    open('one');
    open('one', false);
    expect(state().tabs.map((t) => [t.name, t.preview])).toEqual([
      ['C', false],
      ['one', false],
    ]);
  });

  it('a duplicate is a new, unsaved request beside its source', () => {
    state().duplicateTab(clean.id);
    const copy = state().tabs[1];
    expect(copy).toMatchObject({ sourceId: undefined, preview: false });
    expect(copy?.draft).toEqual(clean.draft);
    expect(copy?.baseline).not.toBe(clean.baseline);
    expect(state().activeTabId).toBe(copy?.id);
  });
});
