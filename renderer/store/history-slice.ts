import type { StateCreator } from 'zustand';
import type { HistoryProblem, HistorySummary } from '../../shared/model/history';
import { call } from '../api';
import { draftTitle } from './drafts';
import type { LanternState } from './index';

export interface HistorySlice {
  history: HistorySummary[];
  historyProblems: HistoryProblem[];
  historyError: string | undefined;
  /** Loads summaries only: a response body is fetched when its entry is opened, never at startup. */
  refreshHistory: () => Promise<void>;
  /** One click opens it in the preview tab; `pinned` (double-click) keeps its tab. */
  openHistoryEntry: (id: string, options?: { pinned?: boolean }) => Promise<void>;
  deleteHistoryEntry: (id: string) => Promise<void>;
  clearHistory: () => Promise<void>;
}

export const createHistorySlice: StateCreator<LanternState, [], [], HistorySlice> = (set, get) => ({
  history: [],
  historyProblems: [],
  historyError: undefined,
  refreshHistory: async () => {
    const result = await call('listHistory', {});
    if (result.ok)
      set({ history: result.value.entries, historyProblems: result.value.problems, historyError: undefined });
    else set({ historyError: result.error.message });
  },
  openHistoryEntry: async (id, options) => {
    const result = await call('getHistoryEntry', { id });
    if (!result.ok) return set({ historyError: result.error.message });
    const entry = result.value;
    get().openTab({
      draft: entry.draft,
      sourceId: `history:${id}`,
      name: `${entry.summary.name ?? draftTitle(entry.draft)} · ${new Date(entry.summary.at).toLocaleTimeString()}`,
      exchange: entry.exchange,
      sendError: entry.error,
      preview: !options?.pinned,
      ...(entry.origin
        ? {
            replayOf: entry.origin,
            ...(entry.origin.workspaceId ? { workspaceId: entry.origin.workspaceId } : {}),
          }
        : {}),
    });
    if (entry.environmentId && get().environments.some((e) => e.id === entry.environmentId)) {
      get().selectEnvironment(entry.environmentId);
    }
  },
  deleteHistoryEntry: async (id) => {
    await call('deleteHistoryEntry', { id });
    await get().refreshHistory();
  },
  clearHistory: async () => {
    await call('clearHistory', {});
    await get().refreshHistory();
  },
});
