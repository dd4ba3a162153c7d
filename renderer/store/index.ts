import { create } from 'zustand';
import { createExchangeSlice, type ExchangeSlice } from './exchange-slice';
import { createRequestSlice, type RequestSlice } from './request-slice';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice';

/** One store, composed of typed slices; components read it through selectors. */
export type LanternState = RequestSlice & ExchangeSlice & WorkspaceSlice;

export const useLantern = create<LanternState>()((...a) => ({
  ...createRequestSlice(...a),
  ...createExchangeSlice(...a),
  ...createWorkspaceSlice(...a),
}));
