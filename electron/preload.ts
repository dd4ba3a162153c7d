import { contextBridge, ipcRenderer } from 'electron';
import { callChannel, callNames, eventChannel, eventNames, type EventName } from '../shared/contract';

// One method per contract call, derived from the contract: no generic invoke(channel) escape hatch.
const calls = Object.fromEntries(
  callNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(callChannel(name), input)]),
);

function on(name: EventName, listener: (payload: unknown) => void): () => void {
  if (!eventNames.includes(name)) throw new Error(`Unknown event "${String(name)}".`);
  const wrapped = (_event: unknown, payload: unknown) => listener(payload);
  ipcRenderer.on(eventChannel(name), wrapped);
  return () => ipcRenderer.removeListener(eventChannel(name), wrapped);
}

contextBridge.exposeInMainWorld('lantern', { ...calls, on });
