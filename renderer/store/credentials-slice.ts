import type { StateCreator } from 'zustand';
import type { CallInput, CallOutput } from '../../shared/contract';
import type { CredentialSummary } from '../../shared/model/auth';
import type { Result } from '../../shared/model/result';
import { call } from '../api';
import { newestOnly, watchers } from './freshness';
import type { LanternState } from './index';

/** The credentials the main side holds, as masked summaries: a secret never enters the store. */
export interface CredentialsSlice {
  credentials: CredentialSummary[];
  credentialsError: string | undefined;
  /** Keeps the list fresh while a component shows it; returns the function that stops. */
  watchCredentials: () => () => void;
  /** The main side may have made or changed one (an import, a pasted cURL): refresh if shown. */
  invalidateCredentials: () => void;
  refreshCredentials: () => Promise<void>;
  saveCredential: (input: CallInput<'saveCredential'>) => Promise<Result<CredentialSummary>>;
  /** A browser session from a pasted "Copy as cURL"; only the summary and notes come back. */
  credentialFromCurl: (
    input: CallInput<'credentialFromCurl'>,
  ) => Promise<Result<CallOutput<'credentialFromCurl'>>>;
  deleteCredential: (id: string) => Promise<Result<CallOutput<'deleteCredential'>>>;
  /** The secret, for the component that shows it briefly on an explicit click; never kept here. */
  revealSecret: (credentialId: string) => Promise<string | undefined>;
}

export const createCredentialsSlice: StateCreator<LanternState, [], [], CredentialsSlice> = (set, get) => {
  const ask = newestOnly();
  const refresh = async () => {
    const isNewest = ask();
    const result = await call('listCredentials', {});
    if (!isNewest()) return;
    if (result.ok) set({ credentials: result.value, credentialsError: undefined });
    else set({ credentialsError: result.error.message });
  };
  const shown = watchers(() => void refresh());
  /** After a change: the list, and the Auth tab's inherited credential (named, masked), asked again. */
  const changed = () => {
    void refresh();
    void get().refreshInheritance();
  };
  /** Shows a saved one at once (a picker selects it next), then asks for the whole list again. */
  const adopt = (saved: CredentialSummary) => {
    set((s) => ({
      credentials: s.credentials.some((c) => c.id === saved.id)
        ? s.credentials.map((c) => (c.id === saved.id ? saved : c))
        : [...s.credentials, saved],
    }));
    changed();
  };
  return {
    credentials: [],
    credentialsError: undefined,
    watchCredentials: shown.watch,
    invalidateCredentials: shown.invalidate,
    refreshCredentials: refresh,
    saveCredential: async (input) => {
      const result = await call('saveCredential', input);
      if (result.ok) adopt(result.value);
      return result;
    },
    credentialFromCurl: async (input) => {
      const result = await call('credentialFromCurl', input);
      if (result.ok) adopt(result.value.credential);
      return result;
    },
    deleteCredential: async (id) => {
      const result = await call('deleteCredential', { id });
      if (result.ok) set((s) => ({ credentials: s.credentials.filter((c) => c.id !== id) }));
      changed();
      return result;
    },
    revealSecret: async (credentialId) => {
      const result = await call('revealSecret', { credentialId });
      return result.ok ? result.value.value : undefined;
    },
  };
};
