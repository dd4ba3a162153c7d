/**
 * The preload's view of the contract, computed when the preload is built (electron.vite.config.ts
 * hands it to the bundle as a constant): the channel of every call and event. The preload thus
 * stays derived from shared/contract.ts without bundling its zod schemas (about 235 kB).
 */
import { callChannel, callNames, eventChannel, eventNames } from '../shared/contract';

export interface PreloadTable {
  /** Call name → its IPC channel. */
  calls: Record<string, string>;
  /** Event name → its IPC channel. */
  events: Record<string, string>;
}

export function preloadTable(): PreloadTable {
  return {
    calls: Object.fromEntries(callNames.map((name) => [name, callChannel(name)])),
    events: Object.fromEntries(eventNames.map((name) => [name, eventChannel(name)])),
  };
}
