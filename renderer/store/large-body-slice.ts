import type { StateCreator } from 'zustand';
import { call, mode } from '../api';
import { downloadBody, finishSave } from '../file-transfer';
import { formatBytes } from '../features/response/format';
import type { LanternState } from './index';
import { oneOff, type OneOff } from './one-off';

/**
 * Large response bodies stay on the main side (`response.body.stored`): the viewer asks for the rows
 * it shows, searches there, and has a pretty copy made there. None of it is kept in the store.
 */
export interface LargeBodySlice {
  readBodyRows: OneOff<'readBodyRows'>;
  searchBody: OneOff<'searchBody'>;
  /** A pretty-printed copy kept as another stored body; fails with `body.not-json` for other text. */
  prettyBody: OneOff<'prettyBody'>;
  /**
   * Saves a large body: the desktop save dialog (the main side copies it), or in browser mode a
   * download fetched from the main side in pieces. Says what happened.
   */
  saveBody: (bodyId: string, suggestedName: string) => Promise<{ ok: boolean; text: string }>;
}

export const createLargeBodySlice: StateCreator<LanternState, [], [], LargeBodySlice> = () => ({
  readBodyRows: oneOff('readBodyRows'),
  searchBody: oneOff('searchBody'),
  prettyBody: oneOff('prettyBody'),
  saveBody: async (bodyId, suggestedName) => {
    if (mode === 'desktop') return finishSave(await call('saveBody', { bodyId, suggestedName }));
    const result = await downloadBody(bodyId, suggestedName);
    if (!result.ok) return { ok: false, text: result.error.message };
    return {
      ok: true,
      text: `Handed ${suggestedName} (${formatBytes(result.value)}) to your browser as a download. Your browser saves it (usually in Downloads).`,
    };
  },
});
