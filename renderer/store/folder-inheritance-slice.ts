import type { StateCreator } from 'zustand';
import type { InheritanceView } from '../../shared/model/inheritance';
import { call } from '../api';
import { newestOnly } from './freshness';
import type { LanternState } from './index';

/**
 * What the folder open in the folder editor inherits from the folders above it, as the main side
 * computes it for sending (secret variables masked, with a `missing` flag).
 */
export interface FolderInheritanceSlice {
  folderInheritance:
    | {
        folderId: string;
        view: InheritanceView | undefined;
        /** Why the main side could not compute it (the folder is gone, the workspace closed). */
        error: string | undefined;
      }
    | undefined;
  /** Asks now and whenever the workspace tree changes, until the returned function is called. */
  watchFolderInheritance: (folderId: string) => () => void;
}

export const createFolderInheritanceSlice: StateCreator<LanternState, [], [], FolderInheritanceSlice> = (
  set,
  get,
  api,
) => {
  const ask = newestOnly();
  let watched: string | undefined;
  const refresh = async (folderId: string) => {
    const isNewest = ask();
    const result = await call('inheritance', { folderId });
    // Another folder was opened, or the tree changed again, meanwhile: this answer is stale.
    if (!isNewest() || watched !== folderId) return;
    set({
      folderInheritance: {
        folderId,
        view: result.ok ? result.value : undefined,
        error: result.ok ? undefined : result.error.message,
      },
    });
  };
  // A parent folder renamed, moved or given other settings (here or by a git pull) changes the answer.
  api.subscribe((state, previous) => {
    if (watched && state.workspaceView !== previous.workspaceView) void refresh(watched);
  });
  return {
    folderInheritance: undefined,
    watchFolderInheritance: (folderId) => {
      watched = folderId;
      if (get().folderInheritance?.folderId !== folderId) set({ folderInheritance: undefined });
      void refresh(folderId);
      return () => {
        if (watched === folderId) watched = undefined;
      };
    },
  };
};

/** The inheritance of `folderId`, only when it is that folder's (never another folder's stale view). */
export const folderInheritanceOf =
  (folderId: string) =>
  (state: LanternState): FolderInheritanceSlice['folderInheritance'] =>
    state.folderInheritance?.folderId === folderId ? state.folderInheritance : undefined;
