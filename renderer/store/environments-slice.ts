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
  /** The environment last chosen in each workspace (by workspace id; '' while none is open), kept on the main side. */
  chosenEnvironments: Record<string, string>;
  /** Takes the remembered choices (at start) and applies the open workspace's. */
  useChosenEnvironments: (chosen: Record<string, string>) => void;
  refreshEnvironments: () => Promise<void>;
  /** Chooses the environment, remembered for the open workspace across restarts. */
  selectEnvironment: (id: string | undefined) => void;
  /** Creates (no id) or updates one; the list is refreshed after. */
  saveEnvironment: (input: CallInput<'saveEnvironment'>) => Promise<Result<EnvironmentSummary>>;
  /** Deletes one; if it was chosen, the globals alone apply from then on. */
  deleteEnvironment: (id: string) => Promise<Result<CallOutput<'deleteEnvironment'>>>;
}

export { GLOBAL_ENVIRONMENT_ID } from '../../shared/model/environment';

/** The key a workspace's chosen environment is remembered under ('' while no workspace is open). */
export const workspaceKeyOf = (state: Pick<LanternState, 'workspaceView'>): string =>
  state.workspaceView?.id ?? '';

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
    if (!result.ok) return set({ environmentError: result.error.message });
    // A chosen environment that no longer exists (deleted on disk, its workspace closed) is let go.
    const chosen = get().environmentId;
    const gone = chosen !== undefined && !result.value.some((e) => e.id === chosen);
    set({
      environments: result.value,
      environmentError: undefined,
      ...(gone ? { environmentId: undefined } : {}),
    });
  };
  /** The open workspace's remembered environment; one of the app's own stays chosen in a workspace without one. */
  const applyChosen = () => {
    const state = get();
    const remembered = state.chosenEnvironments[workspaceKeyOf(state)];
    if (remembered !== undefined) return set({ environmentId: remembered });
    if (state.environmentId?.startsWith('ws:')) set({ environmentId: undefined });
  };
  // A workspace's environments are listed with the app's: opening, importing into or pulling one changes them.
  api.subscribe((state, previous) => {
    if (state.workspaceView === previous.workspaceView) return;
    if (workspaceKeyOf(state) !== workspaceKeyOf(previous)) applyChosen();
    if (workspaceEnvironments(state) !== workspaceEnvironments(previous)) void refresh();
  });
  return {
    environments: [],
    environmentId: undefined,
    environmentError: undefined,
    chosenEnvironments: {},
    useChosenEnvironments: (chosen) => {
      set({ chosenEnvironments: chosen });
      applyChosen();
    },
    refreshEnvironments: refresh,
    selectEnvironment: (id) => {
      const key = workspaceKeyOf(get());
      const chosenEnvironments = { ...get().chosenEnvironments };
      if (id === undefined) delete chosenEnvironments[key];
      else chosenEnvironments[key] = id;
      set({ environmentId: id, chosenEnvironments });
      void call('sessionChooseEnvironment', { workspaceKey: key, ...(id ? { environmentId: id } : {}) });
    },
    saveEnvironment: async (input) => {
      const result = await call('saveEnvironment', input);
      if (result.ok) await refresh();
      return result;
    },
    deleteEnvironment: async (id) => {
      const result = await call('deleteEnvironment', { id });
      if (result.ok && get().environmentId === id) get().selectEnvironment(undefined);
      await refresh();
      return result;
    },
  };
};
