import type { StateCreator } from 'zustand';
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
  saveBody: OneOff<'saveBody'>;
}

export const createLargeBodySlice: StateCreator<LanternState, [], [], LargeBodySlice> = () => ({
  readBodyRows: oneOff('readBodyRows'),
  searchBody: oneOff('searchBody'),
  prettyBody: oneOff('prettyBody'),
  saveBody: oneOff('saveBody'),
});
