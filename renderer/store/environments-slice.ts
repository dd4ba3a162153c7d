import type { StateCreator } from 'zustand';
import type { EnvironmentSummary } from '../../shared/model/environment';
import { call } from '../api';
import type { LanternState } from './index';

export interface EnvironmentsSlice {
  environments: EnvironmentSummary[];
  /** The environment whose variables the main side resolves on send; undefined: globals only. */
  environmentId: string | undefined;
  environmentError: string | undefined;
  refreshEnvironments: () => Promise<void>;
  selectEnvironment: (id: string | undefined) => void;
}

export { GLOBAL_ENVIRONMENT_ID } from '../../shared/model/environment';

export const createEnvironmentsSlice: StateCreator<LanternState, [], [], EnvironmentsSlice> = (set) => ({
  environments: [],
  environmentId: undefined,
  environmentError: undefined,
  refreshEnvironments: async () => {
    const result = await call('listEnvironments', {});
    if (result.ok) set({ environments: result.value, environmentError: undefined });
    else set({ environmentError: result.error.message });
  },
  selectEnvironment: (id) => set({ environmentId: id }),
});
