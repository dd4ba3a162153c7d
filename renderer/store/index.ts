import { create } from 'zustand';
import { createDiagnosticsSlice, type DiagnosticsSlice } from './diagnostics-slice';
import { createEnvironmentsSlice, type EnvironmentsSlice } from './environments-slice';
import { createGraphqlSlice, type GraphqlSlice } from './graphql-slice';
import { createHistorySlice, type HistorySlice } from './history-slice';
import { activeTab, createTabsSlice, type RequestTab, type TabsSlice } from './tabs-slice';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice';
import { createWorkspaceFilesSlice, type WorkspaceFilesSlice } from './workspace-files-slice';

/** One store, composed of typed slices; components read it through selectors. */
export type LanternState = TabsSlice &
  EnvironmentsSlice &
  WorkspaceSlice &
  HistorySlice &
  GraphqlSlice &
  DiagnosticsSlice &
  WorkspaceFilesSlice;

export const useLantern = create<LanternState>()((...a) => ({
  ...createTabsSlice(...a),
  ...createEnvironmentsSlice(...a),
  ...createWorkspaceSlice(...a),
  ...createHistorySlice(...a),
  ...createGraphqlSlice(...a),
  ...createDiagnosticsSlice(...a),
  ...createWorkspaceFilesSlice(...a),
}));

/** Reads from the active request tab. */
export function useActiveTab<T>(selector: (tab: RequestTab) => T): T {
  return useLantern((s) => selector(activeTab(s)));
}
