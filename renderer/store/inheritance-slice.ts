import type { StateCreator } from 'zustand';
import type { InheritanceView } from '../../shared/model/inheritance';
import { call } from '../api';
import type { LanternState } from './index';
import { activeTab, type RequestTab } from './tabs-slice';

/** What the active saved request inherits from its folders, as the main side computes it for sending. */
export interface InheritanceSlice {
  inheritance:
    | {
        tabId: string;
        requestId: string;
        view: InheritanceView | undefined;
        /** Why the main side could not compute it (the request is gone, its workspace is closed). */
        error: string | undefined;
      }
    | undefined;
  refreshInheritance: () => Promise<void>;
}

const DEBOUNCE_MS = 120;

const savedIdOf = (tab: RequestTab) =>
  tab.sourceId?.startsWith('file:') ? tab.sourceId.slice('file:'.length) : undefined;

export const createInheritanceSlice: StateCreator<LanternState, [], [], InheritanceSlice> = (
  set,
  get,
  api,
) => {
  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = async () => {
    const tab = activeTab(get());
    const requestId = savedIdOf(tab);
    const asked = ++sequence;
    if (!requestId || !get().workspaceView) return set({ inheritance: undefined });
    const result = await call('inheritance', {
      savedRequestId: requestId,
      ...(tab.workspaceId ? { workspaceId: tab.workspaceId } : {}),
      draft: tab.draft,
    });
    // A newer question was asked meanwhile (another edit, tab or workspace): this answer is stale.
    if (asked !== sequence) return;
    set({
      inheritance: {
        tabId: tab.id,
        requestId,
        view: result.ok ? result.value : undefined,
        error: result.ok ? undefined : result.error.message,
      },
    });
  };
  // Asked again when the active tab, its draft or the workspace tree changes; edits are debounced.
  api.subscribe((state, previous) => {
    const now = activeTab(state);
    const before = activeTab(previous);
    if (now === before && state.workspaceView === previous.workspaceView) return;
    const switched = now.id !== before.id || savedIdOf(now) !== savedIdOf(before);
    if (switched && get().inheritance?.tabId !== now.id) set({ inheritance: undefined });
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), switched ? 0 : DEBOUNCE_MS);
  });
  return { inheritance: undefined, refreshInheritance: refresh };
};

/** The inheritance of the active tab, only when it is that tab's (never another tab's stale view). */
export const activeInheritance = (state: LanternState): InheritanceView | undefined => {
  const tab = activeTab(state);
  const held = state.inheritance;
  return held && held.tabId === tab.id && held.requestId === savedIdOf(tab) ? held.view : undefined;
};
