import { create } from 'zustand';
import { createCookiesSlice, type CookiesSlice } from './cookies-slice';
import { createCredentialsSlice, type CredentialsSlice } from './credentials-slice';
import { createDiagnosticsSlice, type DiagnosticsSlice } from './diagnostics-slice';
import { createEnvironmentsSlice, type EnvironmentsSlice } from './environments-slice';
import { createFilesSlice, type FilesSlice } from './files-slice';
import { createFolderInheritanceSlice, type FolderInheritanceSlice } from './folder-inheritance-slice';
import { createGraphqlSlice, type GraphqlSlice } from './graphql-slice';
import { createHistorySlice, type HistorySlice } from './history-slice';
import { createImportExportSlice, type ImportExportSlice } from './import-export-slice';
import { createInheritanceSlice, type InheritanceSlice } from './inheritance-slice';
import { createLargeBodySlice, type LargeBodySlice } from './large-body-slice';
import { createPrefsSlice, type PrefsSlice } from './prefs-slice';
import { createQuickOpenSlice, type QuickOpenSlice } from './quick-open-slice';
import { createRunnerSlice, type RunnerSlice } from './runner-slice';
import { createSampleSlice, type SampleSlice } from './sample-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createSupportBundleSlice, type SupportBundleSlice } from './support-bundle-slice';
import { activeTab, createTabsSlice, type RequestTab, type TabsSlice } from './tabs-slice';
import { createTokensSlice, type TokensSlice } from './tokens-slice';
import { createUnsavedGuardSlice, type UnsavedGuardSlice } from './unsaved-guard-slice';
import { createVaultSlice, type VaultSlice } from './vault-slice';
import { createWorkspaceFilesSlice, type WorkspaceFilesSlice } from './workspace-files-slice';

/**
 * One store, composed of typed slices; components read it through selectors and act through its
 * actions. Only the store talks to the main side (renderer/api.ts): each kind of server state has
 * one slice, which keeps it fresh (renderer/store/freshness.ts).
 */
export type LanternState = TabsSlice &
  EnvironmentsSlice &
  SampleSlice &
  HistorySlice &
  GraphqlSlice &
  DiagnosticsSlice &
  WorkspaceFilesSlice &
  InheritanceSlice &
  FolderInheritanceSlice &
  CredentialsSlice &
  TokensSlice &
  CookiesSlice &
  VaultSlice &
  FilesSlice &
  LargeBodySlice &
  ImportExportSlice &
  SupportBundleSlice &
  UnsavedGuardSlice &
  PrefsSlice &
  QuickOpenSlice &
  SessionSlice &
  RunnerSlice;

export const useLantern = create<LanternState>()((...a) => ({
  ...createTabsSlice(...a),
  ...createEnvironmentsSlice(...a),
  ...createSampleSlice(...a),
  ...createHistorySlice(...a),
  ...createGraphqlSlice(...a),
  ...createDiagnosticsSlice(...a),
  ...createWorkspaceFilesSlice(...a),
  ...createInheritanceSlice(...a),
  ...createFolderInheritanceSlice(...a),
  ...createCredentialsSlice(...a),
  ...createTokensSlice(...a),
  ...createCookiesSlice(...a),
  ...createVaultSlice(...a),
  ...createFilesSlice(...a),
  ...createLargeBodySlice(...a),
  ...createImportExportSlice(...a),
  ...createSupportBundleSlice(...a),
  ...createUnsavedGuardSlice(...a),
  ...createPrefsSlice(...a),
  ...createQuickOpenSlice(...a),
  ...createSessionSlice(...a),
  ...createRunnerSlice(...a),
}));

/** Reads from the active request tab. */
export function useActiveTab<T>(selector: (tab: RequestTab) => T): T {
  return useLantern((s) => selector(activeTab(s)));
}
