import type { StateCreator } from 'zustand';
import type { SessionSnapshot, SessionTab } from '../../shared/calls/session-calls';
import { findRequest } from '../../shared/collections/effective-request';
import { call } from '../api';
import { draftFingerprint, emptyDraft } from './drafts';
import type { LanternState } from './index';
import { isUnsaved, newTab, type RequestTab } from './tabs-slice';
import { fileIdOf } from './workspace-files-slice';

export interface SessionSlice {
  /** Per restored tab: where a secret value was removed before the session was written. */
  removedSecrets: Record<string, string[]>;
  /** Restored tabs that had a response before the restart (responses are not kept). */
  unsentSinceRestart: string[];
  /** The last session could not be read; said once, in plain words. */
  sessionProblem: string | undefined;
  /** Loads the last session and puts its tabs back; from then on, changes are saved. */
  startSession: () => Promise<void>;
  /** Puts the tabs of a saved session back (drafts, order, active tab, response parts). */
  restoreTabs: (snapshot: SessionSnapshot) => void;
  dismissRemovedSecrets: (tabId: string) => void;
  dismissSessionProblem: () => void;
}

const SAVE_DELAY_MS = 400;

/** What of the tabs is kept: drafts without responses, and whether each was unsaved. */
export function sessionSnapshot(state: LanternState): SessionSnapshot {
  return {
    activeTabId: state.activeTabId,
    tabs: state.tabs.map((tab): SessionTab => {
      const file = fileIdOf(tab.sourceId) !== undefined;
      const unsaved = isUnsaved(tab);
      return {
        id: tab.id,
        ...(tab.sourceId !== undefined ? { sourceId: tab.sourceId } : {}),
        ...(tab.name !== undefined ? { name: tab.name } : {}),
        ...(tab.workspaceId !== undefined ? { workspaceId: tab.workspaceId } : {}),
        ...(tab.replayOf ? { replayOf: tab.replayOf } : {}),
        draft: tab.draft,
        unsaved,
        ...(unsaved && !file ? { baseline: JSON.parse(tab.baseline) as SessionTab['draft'] } : {}),
        ...(file ? { revision: state.fileRevisions[fileIdOf(tab.sourceId) as string] ?? '' } : {}),
        responsePart: tab.responsePart,
        hadResponse:
          tab.exchange !== undefined ||
          tab.previous !== undefined ||
          (state.unsentSinceRestart.includes(tab.id) && tab.phase === 'idle'),
        removedSecrets: state.removedSecrets[tab.id] ?? [],
      };
    }),
  };
}

/** A pristine blank tab, as the app starts with: replaced by the restored ones. */
const pristine = (tab: RequestTab) =>
  !tab.sourceId && !isUnsaved(tab) && !tab.exchange && !tab.sendError && tab.draft.url === '';

export const createSessionSlice: StateCreator<LanternState, [], [], SessionSlice> = (set, get, api) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSaved = '';
  const save = () => {
    timer = undefined;
    const snapshot = sessionSnapshot(get());
    const text = JSON.stringify(snapshot);
    if (text === lastSaved) return;
    lastSaved = text;
    void call('sessionSave', snapshot).then((result) => {
      if (!result.ok) lastSaved = '';
    });
  };
  const watch = () => {
    api.subscribe((state, previous) => {
      if (
        state.tabs === previous.tabs &&
        state.activeTabId === previous.activeTabId &&
        state.removedSecrets === previous.removedSecrets
      )
        return;
      if (timer === undefined) timer = setTimeout(save, SAVE_DELAY_MS);
    });
    // Closing or reloading the window: what is pending is sent at once (best effort).
    const flush = () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      save();
    };
    window.addEventListener('beforeunload', flush);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
  };
  let started = false;
  return {
    removedSecrets: {},
    unsentSinceRestart: [],
    sessionProblem: undefined,
    startSession: async () => {
      if (started) return;
      started = true;
      const loaded = await call('sessionLoad', {});
      if (loaded.ok) get().useChosenEnvironments(loaded.value.chosenEnvironments);
      // Saved requests are restored against their workspace as it is on disk now.
      await get().loadWorkspaces();
      if (!loaded.ok)
        set({ sessionProblem: `The last session could not be restored: ${loaded.error.message}` });
      else {
        if (loaded.value.problem) set({ sessionProblem: loaded.value.problem });
        if (loaded.value.session && loaded.value.session.tabs.length > 0)
          get().restoreTabs(loaded.value.session);
      }
      lastSaved = JSON.stringify(sessionSnapshot(get()));
      watch();
    },
    restoreTabs: (snapshot) => {
      const view = get().workspaceView;
      const revisions = { ...get().fileRevisions };
      const conflicts = new Set(get().fileConflicts);
      const removedSecrets: Record<string, string[]> = {};
      const unsent: string[] = [];
      const restored = snapshot.tabs.map((saved): RequestTab => {
        const fileId = fileIdOf(saved.sourceId);
        const inView =
          view !== undefined && fileId !== undefined && (saved.workspaceId ?? view.id) === view.id
            ? findRequest(view.root, fileId)
            : undefined;
        let draft = saved.draft;
        let baseline: string;
        if (inView && fileId) {
          // A tab without edits follows its file as it is now; one with edits keeps them, and
          // meets the Reload/Overwrite choice if the file changed meanwhile.
          const onDisk = view?.revisions[fileId] ?? '';
          if (!saved.unsaved) draft = inView.draft;
          baseline = draftFingerprint(inView.draft);
          revisions[fileId] = saved.unsaved ? (saved.revision ?? onDisk) : onDisk;
          if (saved.unsaved && saved.revision !== undefined && saved.revision !== onDisk)
            conflicts.add(fileId);
        } else if (saved.unsaved) {
          baseline = draftFingerprint(saved.baseline ?? emptyDraft());
          if (baseline === draftFingerprint(draft)) baseline = '';
        } else baseline = draftFingerprint(draft);
        if (draft === saved.draft && saved.removedSecrets.length > 0)
          removedSecrets[saved.id] = saved.removedSecrets;
        if (saved.hadResponse) unsent.push(saved.id);
        return {
          ...newTab(structuredClone(draft), saved.sourceId, inView?.name ?? saved.name),
          id: saved.id,
          baseline,
          responsePart: saved.responsePart,
          ...(saved.workspaceId !== undefined ? { workspaceId: saved.workspaceId } : {}),
          ...(saved.replayOf ? { replayOf: saved.replayOf } : {}),
        };
      });
      const ids = new Set(restored.map((t) => t.id));
      const kept = get().tabs.filter((t) => !pristine(t) && !ids.has(t.id));
      const tabs = [...restored, ...kept];
      const active = tabs.some((t) => t.id === snapshot.activeTabId)
        ? snapshot.activeTabId
        : (tabs[0] as RequestTab).id;
      set({
        tabs,
        activeTabId: kept.length > 0 ? get().activeTabId : active,
        fileRevisions: revisions,
        fileConflicts: [...conflicts],
        removedSecrets,
        unsentSinceRestart: unsent,
      });
    },
    dismissRemovedSecrets: (tabId) =>
      set((s) => {
        const { [tabId]: _dismissed, ...rest } = s.removedSecrets;
        return { removedSecrets: rest };
      }),
    dismissSessionProblem: () => set({ sessionProblem: undefined }),
  };
};
