import type { StateCreator } from 'zustand';
import type { CallInput, CallOutput } from '../../shared/contract';
import { call } from '../api';
import { newestOnly } from './freshness';
import type { LanternState } from './index';
import { oneOff, type OneOff } from './one-off';
import { activeTab } from './tabs-slice';

/** Import from cURL, Postman, Insomnia or HAR; export as code or as a Postman collection. */
export interface ImportExportSlice {
  /** What an import would create and what it cannot carry over; nothing is written. */
  previewImport: OneOff<'previewImport'>;
  /** Imports into the open workspace, adopting its new tree; undefined on failure (see `workspaceError`). */
  importIntoWorkspace: (
    input: CallInput<'importIntoWorkspace'>,
  ) => Promise<CallOutput<'importIntoWorkspace'> | undefined>;
  /** A cURL command pasted into the URL field replaces the draft of the tab it was pasted into. */
  pasteCurl: (text: string) => Promise<void>;
  exportSnippet: OneOff<'exportSnippet'>;
  exportPostman: OneOff<'exportPostman'>;
}

export const createImportExportSlice: StateCreator<LanternState, [], [], ImportExportSlice> = (set, get) => {
  const ask = newestOnly();
  return {
    previewImport: oneOff('previewImport'),
    importIntoWorkspace: async (input) => {
      const imported = await get().workspaceCall('importIntoWorkspace', input);
      // Secrets typed in the dialog and pasted sessions became credentials on the main side.
      if (imported) get().invalidateCredentials();
      return imported;
    },
    pasteCurl: async (text) => {
      const isNewest = ask();
      const tabId = activeTab(get()).id;
      const result = await call('curlToDraft', { text });
      // Pasted again meanwhile: the newer command wins.
      if (!isNewest()) return;
      if (!result.ok) {
        set({ workspaceError: `The pasted cURL command could not be read: ${result.error.message}` });
        return;
      }
      const { draft } = result.value;
      set((s) => ({
        tabs: s.tabs.map((t) => (t.id === tabId ? { ...t, draft } : t)),
        workspaceError: undefined,
      }));
      // A token, password or browser session in the command became (or updated) a credential.
      get().invalidateCredentials();
    },
    exportSnippet: oneOff('exportSnippet'),
    exportPostman: oneOff('exportPostman'),
  };
};
