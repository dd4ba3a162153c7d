import type { StateCreator } from 'zustand';
import type { CallInput, CallOutput } from '../../shared/contract';
import type { EnvironmentSummary } from '../../shared/model/environment';
import type { Result } from '../../shared/model/result';
import { call } from '../api';
import { newestOnly } from './freshness';
import type { LanternState } from './index';

export interface EnvironmentsSlice {
  /** The app's environments and the open workspace's, secret values masked. */
  environments: EnvironmentSummary[];
  /** The environment whose variables the main side resolves on send; undefined: globals only. */
  environmentId: string | undefined;
  environmentError: string | undefined;
  refreshEnvironments: () => Promise<void>;
  selectEnvironment: (id: string | undefined) => void;
  /** Creates (no id) or updates one; the list is refreshed after. */
  saveEnvironment: (input: CallInput<'saveEnvironment'>) => Promise<Result<EnvironmentSummary>>;
  /** Deletes one; if it was chosen, the globals alone apply from then on. */
  deleteEnvironment: (id: string) => Promise<Result<CallOutput<'deleteEnvironment'>>>;
}

export { GLOBAL_ENVIRONMENT_ID } from '../../shared/model/environment';

/** What of the open workspace the environment list depends on: which one, and its environment files. */
const workspaceEnvironments = (state: LanternState) =>
  state.workspaceView ? JSON.stringify([state.workspaceView.id, state.workspaceView.environments]) : '';

export const createEnvironmentsSlice: StateCreator<LanternState, [], [], EnvironmentsSlice> = (
  set,
  get,
  api,
) => {
  const ask = newestOnly();
  const refresh = async () => {
    const isNewest = ask();
    const result = await call('listEnvironments', {});
    if (!isNewest()) return;
    if (result.ok) set({ environments: result.value, environmentError: undefined });
    else set({ environmentError: result.error.message });
  };
  // A workspace's environments are listed with the app's: opening, importing into or pulling one changes them.
  api.subscribe((state, previous) => {
    if (state.workspaceView === previous.workspaceView) return;
    if (workspaceEnvironments(state) !== workspaceEnvironments(previous)) void refresh();
  });
  return {
    environments: [],
    environmentId: undefined,
    environmentError: undefined,
    refreshEnvironments: refresh,
    selectEnvironment: (id) => set({ environmentId: id }),
    saveEnvironment: async (input) => {
      const result = await call('saveEnvironment', input);
      if (result.ok) await refresh();
      return result;
    },
    deleteEnvironment: async (id) => {
      const result = await call('deleteEnvironment', { id });
      if (result.ok && get().environmentId === id) set({ environmentId: undefined });
      await refresh();
      return result;
    },
  };
};
