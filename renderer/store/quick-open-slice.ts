import type { StateCreator } from 'zustand';
import type { LanternState } from './index';

/** Whether quick open (Ctrl/Cmd+P) is showing, and the text it opens with ("> " for commands). */
export interface QuickOpenSlice {
  quickOpen: { query: string } | undefined;
  showQuickOpen: (open: { query: string } | undefined) => void;
}

export const createQuickOpenSlice: StateCreator<LanternState, [], [], QuickOpenSlice> = (set) => ({
  quickOpen: undefined,
  showQuickOpen: (quickOpen) => set({ quickOpen }),
});
