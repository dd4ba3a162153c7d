import type { StateCreator, StoreApi } from 'zustand';
import type { WorkspaceView } from '../../shared/calls/workspace-calls';
import { findRequest } from '../../shared/collections/effective-request';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import type { RequestDraft } from '../../shared/model/request';
import { call, on } from '../api';
import { draftFingerprint } from './drafts';
import type { LanternState } from './index';
import { activeTab, isUnsaved } from './tabs-slice';

export interface KnownWorkspace {
  path: string;
  name: string;
  lastOpened: string;
}

/** Saved requests open in tabs carry this source id. */
export const fileSourceId = (requestId: string) => `file:${requestId}`;
export const fileIdOf = (sourceId: string | undefined) =>
  sourceId?.startsWith('file:') ? sourceId.slice('file:'.length) : undefined;

export interface WorkspaceFilesSlice {
  workspaceView: WorkspaceView | undefined;
  knownWorkspaces: KnownWorkspace[];
  workspaceError: string | undefined;
  /** What the last delete removed, until it is undone or another action replaces it. */
  lastDeleted: { token: string; label: string } | undefined;
  /** Saved requests whose file changed on disk while their tab had unsaved edits. */
  fileConflicts: string[];
  /** The file revision each open saved request was loaded or saved at. */
  fileRevisions: Record<string, string>;
  loadWorkspaces: () => Promise<void>;
  /** Runs a workspace call that answers with the tree (or `{ view }`), adopting it; undefined on failure. */
  workspaceCall: <K extends CallName>(name: K, input: CallInput<K>) => Promise<CallOutput<K> | undefined>;
  /** One click opens it in the preview tab; `pinned` (double-click, a new request) keeps its tab. */
  openSavedRequest: (id: string, options?: { pinned?: boolean }) => void;
  /** Ctrl/Cmd+S: writes the active tab back to its file, or asks where to save it ("Save as"). */
  saveActiveTab: () => Promise<void>;
  /** Writes a tab of a saved request back to its file; false (the reason shown) when it was not. */
  saveTab: (tabId: string) => Promise<boolean>;
  /** Creates a saved request from a tab (the "Save as" dialog's last step): the tab then shows it. */
  saveTabAsNew: (tabId: string, name: string, folderId: string) => Promise<boolean>;
  resolveConflict: (requestId: string, choice: 'reload' | 'overwrite') => Promise<void>;
}

type Set = StoreApi<LanternState>['setState'];
type Get = StoreApi<LanternState>['getState'];

function viewIn(value: unknown): WorkspaceView | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if ('root' in value && 'revisions' in value) return value as WorkspaceView;
  if ('view' in value) return viewIn(value.view);
  if ('open' in value) return viewIn(value.open);
  return undefined;
}

/** Puts a draft into every tab showing that saved request, as its new clean state. */
function replaceTabDraft(set: Set, requestId: string, draft: RequestDraft, name?: string): void {
  set((s) => ({
    tabs: s.tabs.map((t) =>
      fileIdOf(t.sourceId) === requestId
        ? { ...t, draft: structuredClone(draft), baseline: draftFingerprint(draft), name: name ?? t.name }
        : t,
    ),
  }));
}

/** After outside changes: clean tabs follow the file, tabs with unsaved edits get a conflict. */
function followDisk(set: Set, get: Get, view: WorkspaceView, requestIds: string[]): void {
  const conflicts = new Set(get().fileConflicts);
  const revisions = { ...get().fileRevisions };
  for (const id of requestIds) {
    const tab = get().tabs.find((t) => fileIdOf(t.sourceId) === id);
    const saved = findRequest(view.root, id);
    if (!tab || !saved || revisions[id] === view.revisions[id]) continue;
    if (isUnsaved(tab)) conflicts.add(id);
    else {
      replaceTabDraft(set, id, saved.draft, saved.name);
      revisions[id] = view.revisions[id] ?? '';
    }
  }
  set({ fileConflicts: [...conflicts], fileRevisions: revisions });
}

/**
 * After Lantern's own change (rename, move, folder settings), open tabs follow their request's new
 * name and file revision. Their drafts are not touched, and the main side still checks the disk
 * itself before every save, so an outside change is never masked by this.
 */
function followOwnChange(set: Set, get: Get, view: WorkspaceView): void {
  const revisions = { ...get().fileRevisions };
  const conflicts = new Set(get().fileConflicts);
  let renamed = false;
  const tabs = get().tabs.map((t) => {
    const id = fileIdOf(t.sourceId);
    const saved = id ? findRequest(view.root, id) : undefined;
    if (!id || !saved || conflicts.has(id)) return t;
    revisions[id] = view.revisions[id] ?? '';
    if (saved.name === t.name) return t;
    renamed = true;
    return { ...t, name: saved.name };
  });
  set({ fileRevisions: revisions, ...(renamed ? { tabs } : {}) });
}

export const createWorkspaceFilesSlice: StateCreator<LanternState, [], [], WorkspaceFilesSlice> = (
  set,
  get,
) => {
  on('workspaceChanged', ({ workspaceId, requestIds }) => {
    if (get().workspaceView?.id !== workspaceId) return;
    void call('reloadWorkspace', {}).then((result) => {
      if (!result.ok) return;
      set({ workspaceView: result.value });
      followDisk(set, get, result.value, requestIds);
    });
  });
  const workspaceCall: WorkspaceFilesSlice['workspaceCall'] = async (name, input) => {
    const result = await call(name, input);
    if (!result.ok) {
      set({ workspaceError: result.error.message });
      return undefined;
    }
    const view = viewIn(result.value);
    set({ workspaceError: undefined, ...(view ? { workspaceView: view } : {}) });
    if (view && name !== 'reloadWorkspace') followOwnChange(set, get, view);
    return result.value;
  };
  const saveTabAsNew: WorkspaceFilesSlice['saveTabAsNew'] = async (tabId, name, folderId) => {
    const view = get().workspaceView;
    const tab = get().tabs.find((t) => t.id === tabId);
    if (!view || !tab) return false;
    const created = await workspaceCall('createRequest', { folderId, name, draft: tab.draft });
    if (!created) return false;
    const revision = created.view.revisions[created.id] ?? '';
    set((s) => ({
      tabs: s.tabs.map((t) =>
        t.id === tab.id
          ? {
              ...t,
              sourceId: fileSourceId(created.id),
              name,
              workspaceId: view.id,
              preview: false,
              replayOf: undefined,
              // Edits made while the dialog was open stay unsaved.
              baseline: draftFingerprint(tab.draft),
            }
          : t,
      ),
      fileRevisions: { ...s.fileRevisions, [created.id]: revision },
    }));
    return true;
  };
  const save = async (requestId: string, draft: RequestDraft, overwrite: boolean): Promise<boolean> => {
    const result = await call('saveRequest', {
      id: requestId,
      draft,
      expectedRevision: get().fileRevisions[requestId],
      overwrite,
    });
    if (!result.ok) {
      if (result.error.code === 'workspace.conflict')
        set((s) => ({ fileConflicts: [...new Set([...s.fileConflicts, requestId])] }));
      else set({ workspaceError: result.error.message });
      return false;
    }
    set((s) => ({
      workspaceView: result.value.view,
      workspaceError: undefined,
      fileConflicts: s.fileConflicts.filter((id) => id !== requestId),
      fileRevisions: { ...s.fileRevisions, [requestId]: result.value.revision },
      tabs: s.tabs.map((t) =>
        fileIdOf(t.sourceId) === requestId && t.draft === draft
          ? { ...t, baseline: draftFingerprint(draft) }
          : t,
      ),
    }));
    return true;
  };
  /** The saved request a tab writes to, when it is in the open workspace. */
  const savedIdOf = (tabId: string) => {
    const tab = get().tabs.find((t) => t.id === tabId);
    const id = fileIdOf(tab?.sourceId);
    const view = get().workspaceView;
    return id !== undefined && view && findRequest(view.root, id) ? { tab: tab!, id } : undefined;
  };
  return {
    workspaceView: undefined,
    knownWorkspaces: [],
    workspaceError: undefined,
    lastDeleted: undefined,
    fileConflicts: [],
    fileRevisions: {},
    workspaceCall,
    loadWorkspaces: async () => {
      const listed = await workspaceCall('listWorkspaces', {});
      if (listed) set({ knownWorkspaces: listed.workspaces, workspaceError: listed.problem });
    },
    openSavedRequest: (id, options) => {
      const view = get().workspaceView;
      const saved = view ? findRequest(view.root, id) : undefined;
      if (!saved || !view) return;
      const open = get().tabs.some((t) => t.sourceId === fileSourceId(id));
      if (!open) set((s) => ({ fileRevisions: { ...s.fileRevisions, [id]: view.revisions[id] ?? '' } }));
      get().openTab({
        draft: saved.draft,
        sourceId: fileSourceId(id),
        name: saved.name,
        workspaceId: view.id,
        preview: !options?.pinned,
      });
    },
    saveActiveTab: async () => {
      const tab = activeTab(get());
      if (savedIdOf(tab.id)) await get().saveTab(tab.id);
      else get().openSaveAs(tab.id);
    },
    saveTab: async (tabId) => {
      const saved = savedIdOf(tabId);
      return saved ? save(saved.id, saved.tab.draft, false) : false;
    },
    saveTabAsNew,
    resolveConflict: async (requestId, choice) => {
      if (choice === 'overwrite') {
        const tab = get().tabs.find((t) => fileIdOf(t.sourceId) === requestId);
        if (tab) await save(requestId, tab.draft, true);
        return;
      }
      const view = await workspaceCall('reloadWorkspace', {});
      const saved = view ? findRequest(view.root, requestId) : undefined;
      if (!view || !saved) return;
      replaceTabDraft(set, requestId, saved.draft, saved.name);
      set((s) => ({
        fileConflicts: s.fileConflicts.filter((id) => id !== requestId),
        fileRevisions: { ...s.fileRevisions, [requestId]: view.revisions[requestId] ?? '' },
      }));
    },
  };
};
