import { create } from 'zustand';
import { createEnvironmentsSlice, type EnvironmentsSlice } from './environments-slice';
import { createHistorySlice, type HistorySlice } from './history-slice';
import { activeTab, createTabsSlice, type RequestTab, type TabsSlice } from './tabs-slice';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice';

/** One store, composed of typed slices; components read it through selectors. */
export type LanternState = TabsSlice & EnvironmentsSlice & WorkspaceSlice & HistorySlice;

export const useLantern = create<LanternState>()((...a) => ({
  ...createTabsSlice(...a),
  ...createEnvironmentsSlice(...a),
  ...createWorkspaceSlice(...a),
  ...createHistorySlice(...a),
}));

/** Reads from the active request tab. */
export function useActiveTab<T>(selector: (tab: RequestTab) => T): T {
  return useLantern((s) => selector(activeTab(s)));
}
