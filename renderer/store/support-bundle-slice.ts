import type { StateCreator } from 'zustand';
import type { LanternState } from './index';
import { oneOff, type OneOff } from './one-off';

/** "Copy for support": the main side builds the bundle, masking with every secret it knows. */
export interface SupportBundleSlice {
  supportBundle: OneOff<'supportBundle'>;
  saveSupportBundle: OneOff<'saveSupportBundle'>;
}

export const createSupportBundleSlice: StateCreator<LanternState, [], [], SupportBundleSlice> = () => ({
  supportBundle: oneOff('supportBundle'),
  saveSupportBundle: oneOff('saveSupportBundle'),
});
