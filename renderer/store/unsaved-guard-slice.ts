import type { StateCreator } from 'zustand';
import { findRequest } from '../../shared/collections/effective-request';
import type { LanternState } from './index';
import { isUnsaved } from './tabs-slice';
import { fileIdOf } from './workspace-files-slice';

/** The question shown before tabs with unsaved changes close. */
export interface ClosePrompt {
  /** Every tab the user asked to close, in strip order. */
  tabIds: string[];
  /** Those with unsaved changes: the dialog lists them. */
  unsavedIds: string[];
}

/** The "Save as" dialog, for a tab that is not (or no longer) a saved request of the open workspace. */
export interface SaveAsRequest {
  tabId: string;
  /** Set while closing tabs: the tab closes once saved, then these are closed (asked about) in turn. */
  closeAfter: string[] | undefined;
}

/** Where "Save as" writes: the open workspace, another one Lantern knows (opened first), or a new one. */
export type SaveAsWorkspace =
  { kind: 'open' } | { kind: 'known'; path: string } | { kind: 'new'; name: string };

export interface SaveAsTarget {
  name: string;
  /** A folder of the open workspace; ignored (the top level) when another workspace is chosen. */
  folderId: string | undefined;
  workspace: SaveAsWorkspace;
}

export interface UnsavedGuardSlice {
  closePrompt: ClosePrompt | undefined;
  saveAs: SaveAsRequest | undefined;
  /** Why the last "Save as" did not save, shown in its dialog. */
  saveAsError: string | undefined;
  /** Closes tabs (close button, middle-click, Ctrl/Cmd+W, the tab menu), asking once about unsaved ones. */
  requestClose: (ids: string[]) => void;
  /** Save (each to its file, new ones through "Save as"), Don't save, or Cancel (nothing closes). */
  answerClosePrompt: (answer: 'save' | 'discard' | 'cancel') => Promise<void>;
  openSaveAs: (tabId: string) => void;
  completeSaveAs: (target: SaveAsTarget) => Promise<boolean>;
  /** Cancel in "Save as": the tab stays open with its edits, and a close in progress stops. */
  cancelSaveAs: () => void;
}

export const createUnsavedGuardSlice: StateCreator<LanternState, [], [], UnsavedGuardSlice> = (set, get) => {
  const tabOf = (id: string) => get().tabs.find((t) => t.id === id);
  /** Closes `ids` in order, saving each unsaved one; stops at a failed save or a "Save as" to answer. */
  const saveAndClose = async (ids: string[]): Promise<void> => {
    for (const [index, id] of ids.entries()) {
      const tab = tabOf(id);
      if (!tab) continue;
      if (isUnsaved(tab) && !inOpenWorkspace(id)) {
        set({
          saveAs: { tabId: id, closeAfter: ids.slice(index + 1) },
          saveAsError: undefined,
          activeTabId: id,
        });
        return;
      }
      // A failed save keeps the tab and stops here; the reason shows (conflict bar or workspace error).
      if (isUnsaved(tab) && !(await get().saveTab(id))) return;
      get().closeTabs([id]);
    }
  };
  /** A tab of a saved request in the open workspace (its save goes to its file, not "Save as"). */
  const inOpenWorkspace = (id: string) => {
    const requestId = fileIdOf(tabOf(id)?.sourceId);
    const view = get().workspaceView;
    return requestId !== undefined && view !== undefined && findRequest(view.root, requestId) !== undefined;
  };
  const fail = (message: string) => {
    set({ saveAsError: message });
    return false;
  };
  return {
    closePrompt: undefined,
    saveAs: undefined,
    saveAsError: undefined,
    requestClose: (ids) => {
      // One question at a time: Ctrl/Cmd+W under an open dialog does not stack another.
      if (get().closePrompt || get().saveAs) return;
      const order = get().tabs.filter((t) => ids.includes(t.id));
      const unsaved = order.filter(isUnsaved).map((t) => t.id);
      if (unsaved.length === 0) return get().closeTabs(ids);
      set({ closePrompt: { tabIds: order.map((t) => t.id), unsavedIds: unsaved } });
    },
    answerClosePrompt: async (answer) => {
      const prompt = get().closePrompt;
      set({ closePrompt: undefined });
      if (!prompt || answer === 'cancel') return;
      if (answer === 'discard') return get().closeTabs(prompt.tabIds);
      await saveAndClose(prompt.tabIds);
    },
    openSaveAs: (tabId) => set({ saveAs: { tabId, closeAfter: undefined }, saveAsError: undefined }),
    cancelSaveAs: () => set({ saveAs: undefined, saveAsError: undefined }),
    completeSaveAs: async ({ name, folderId, workspace }) => {
      const request = get().saveAs;
      if (!request || !tabOf(request.tabId)) return fail('The tab to save is no longer open.');
      set({ saveAsError: undefined });
      let folder = folderId;
      if (workspace.kind === 'known' && workspace.path !== get().workspaceView?.path) {
        const opened = await get().workspaceCall('openWorkspace', { path: workspace.path });
        if (!opened)
          return fail(get().workspaceError ?? `The workspace at ${workspace.path} could not be opened.`);
        folder = opened.root.id;
        void get().loadWorkspaces();
      } else if (workspace.kind === 'new') {
        const created = await get().workspaceCall('createWorkspace', { name: workspace.name });
        if (!created) return fail(get().workspaceError ?? 'The workspace could not be created.');
        folder = created.root.id;
        void get().loadWorkspaces();
      }
      const view = get().workspaceView;
      if (!view) return fail('No workspace is open: choose one, or name a new one, to save the request in.');
      const saved = await get().saveTabAsNew(request.tabId, name, folder ?? view.root.id);
      if (!saved) return fail(get().workspaceError ?? 'The request could not be saved.');
      set({ saveAs: undefined });
      if (request.closeAfter) {
        get().closeTabs([request.tabId]);
        await saveAndClose(request.closeAfter);
      }
      return true;
    },
  };
};
