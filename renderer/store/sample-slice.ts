import type { StateCreator } from 'zustand';
import type { SampleWorkspace } from '../../shared/model/sample';
import { call, on } from '../api';
import type { LanternState } from './index';

/** The sample API (the local sandbox) and its requests, offered on first launch. */
export interface SampleSlice {
  sample: SampleWorkspace | undefined;
  sampleStarting: boolean;
  sampleError: string | undefined;
  startSample: () => Promise<void>;
  openSampleRequest: (id: string) => void;
}

export const createSampleSlice: StateCreator<LanternState, [], [], SampleSlice> = (set, get) => {
  const adopt = (sample: SampleWorkspace) => {
    set({ sample, sampleStarting: false, sampleError: undefined, environmentId: sample.environment.id });
    void get().refreshEnvironments();
    // The sandbox registers the sample credentials on the main side.
    get().invalidateCredentials();
  };
  on('sandboxStarted', adopt);
  return {
    sample: undefined,
    sampleStarting: false,
    sampleError: undefined,
    startSample: async () => {
      set({ sampleStarting: true, sampleError: undefined });
      const result = await call('startSandbox', {});
      if (result.ok) adopt(result.value);
      else set({ sampleStarting: false, sampleError: result.error.message });
    },
    openSampleRequest: (id) => {
      const request = get().sample?.requests.find((r) => r.id === id);
      if (request) get().openTab({ draft: request.draft, sourceId: `sample:${id}`, name: request.name });
    },
  };
};
