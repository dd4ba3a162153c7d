import type { StateCreator } from 'zustand';
import type { Exchange } from '../../shared/model/response';
import type { CallError } from '../../shared/model/result';
import { call, on } from '../api';
import type { LanternState } from './index';

export type SendPhase = 'idle' | 'sending' | 'done' | 'failed';

export interface ExchangeSlice {
  phase: SendPhase;
  exchange: Exchange | undefined;
  sendError: CallError | undefined;
  inFlightId: string | undefined;
  receivedBytes: number;
  send: () => Promise<void>;
  cancel: () => Promise<void>;
}

let sequence = 0;
const nextRequestId = () => `r${Date.now().toString(36)}-${(sequence++).toString(36)}`;

export const createExchangeSlice: StateCreator<LanternState, [], [], ExchangeSlice> = (set, get) => {
  on('sendProgress', ({ requestId, receivedBytes }) => {
    if (get().inFlightId === requestId) set({ receivedBytes });
  });
  return {
    phase: 'idle',
    exchange: undefined,
    sendError: undefined,
    inFlightId: undefined,
    receivedBytes: 0,
    send: async () => {
      if (get().inFlightId) return;
      const requestId = nextRequestId();
      set({ phase: 'sending', inFlightId: requestId, sendError: undefined, receivedBytes: 0 });
      const { draft, environmentId } = get();
      const result = await call('send', { requestId, draft, environmentId });
      if (get().inFlightId !== requestId) return;
      if (result.ok) set({ phase: 'done', exchange: result.value, inFlightId: undefined });
      else set({ phase: 'failed', sendError: result.error, inFlightId: undefined });
    },
    cancel: async () => {
      const requestId = get().inFlightId;
      if (requestId) await call('cancel', { requestId });
    },
  };
};
