import { create } from 'zustand';
import { createDiagnosticsSlice, type DiagnosticsSlice } from './diagnostics-slice';
import { createEnvironmentsSlice, type EnvironmentsSlice } from './environments-slice';
import { createGraphqlSlice, type GraphqlSlice } from './graphql-slice';
import { createHistorySlice, type HistorySlice } from './history-slice';
import { createInheritanceSlice, type InheritanceSlice } from './inheritance-slice';
import { activeTab, createTabsSlice, type RequestTab, type TabsSlice } from './tabs-slice';
import { createSampleSlice, type SampleSlice } from './sample-slice';
import { createWorkspaceFilesSlice, type WorkspaceFilesSlice } from './workspace-files-slice';

/** One store, composed of typed slices; components read it through selectors. */
export type LanternState = TabsSlice &
  EnvironmentsSlice &
  SampleSlice &
  HistorySlice &
  GraphqlSlice &
  DiagnosticsSlice &
  WorkspaceFilesSlice &
  InheritanceSlice;

export const useLantern = create<LanternState>()((...a) => ({
  ...createTabsSlice(...a),
  ...createEnvironmentsSlice(...a),
  ...createSampleSlice(...a),
  ...createHistorySlice(...a),
  ...createGraphqlSlice(...a),
  ...createDiagnosticsSlice(...a),
  ...createWorkspaceFilesSlice(...a),
  ...createInheritanceSlice(...a),
}));

/** Reads from the active request tab. */
export function useActiveTab<T>(selector: (tab: RequestTab) => T): T {
  return useLantern((s) => selector(activeTab(s)));
}
