import { contextBridge, ipcRenderer } from 'electron';
import type { PreloadTable } from './preload-table';

// Filled in at build time from shared/contract.ts (electron.vite.config.ts): channels, no schemas.
declare const LANTERN_PRELOAD_TABLE: PreloadTable;

// One method per contract call, derived from the contract: no generic invoke(channel) escape hatch.
const calls = Object.fromEntries(
  Object.entries(LANTERN_PRELOAD_TABLE.calls).map(([name, channel]) => [
    name,
    (input: unknown) => ipcRenderer.invoke(channel, input),
  ]),
);

function on(name: string, listener: (payload: unknown) => void): () => void {
  const channel = LANTERN_PRELOAD_TABLE.events[name];
  if (channel === undefined) throw new Error(`Unknown event "${name}".`);
  const wrapped = (_event: unknown, payload: unknown) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => ipcRenderer.removeListener(channel, wrapped);
}

contextBridge.exposeInMainWorld('lantern', { ...calls, on });
