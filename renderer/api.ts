/**
 * The only file that knows how the renderer reaches the main side: over the preload
 * bridge (IPC) in the desktop app, or over HTTP to the loopback host in browser mode.
 */
import {
  callPath,
  events,
  EVENTS_PATH,
  type CallInput,
  type CallName,
  type CallOutput,
  type EventName,
  type EventPayload,
} from '../shared/contract';
import type { Result } from '../shared/model/result';

type Bridge = { [K in CallName]: (input: CallInput<K>) => Promise<Result<CallOutput<K>>> } & {
  on: (name: EventName, listener: (payload: unknown) => void) => () => void;
};

declare global {
  interface Window {
    lantern?: Bridge;
  }
}

const TOKEN_KEY = 'lantern.launchToken';

/** Takes the launch token from the URL fragment once, then keeps it for reloads of this tab. */
function launchToken(): string {
  const match = /(?:^#|&)token=([0-9a-f]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
let eventStreamStarted = false;

function deliver(name: string, data: string): void {
  if (!(name in events)) return;
  const parsed = events[name as EventName].safeParse(JSON.parse(data));
  if (parsed.success) listeners.get(name as EventName)?.forEach((listener) => listener(parsed.data));
}

async function readEventStream(token: string): Promise<void> {
  const response = await fetch(EVENTS_PATH, { headers: { authorization: `Bearer ${token}` } });
  if (!response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = /^event: (.+)$/m.exec(frame)?.[1];
      const data = /^data: (.+)$/m.exec(frame)?.[1];
      if (name && data) deliver(name, data);
    }
  }
}

export const mode: 'desktop' | 'browser' = window.lantern ? 'desktop' : 'browser';
const token = mode === 'browser' ? launchToken() : '';

export async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>> {
  if (window.lantern) {
    const bridged = window.lantern[name] as (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;
    return bridged(input);
  }
  try {
    const response = await fetch(callPath(name), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    return (await response.json()) as Result<CallOutput<K>>;
  } catch {
    return {
      ok: false,
      error: {
        code: 'host-unreachable',
        message: "Lantern's local server is not answering. It may have been stopped: run `npm start` again.",
      },
    };
  }
}

export function on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void {
  const untyped = listener as (payload: unknown) => void;
  if (window.lantern) return window.lantern.on(name, untyped);
  if (!listeners.has(name)) listeners.set(name, new Set());
  listeners.get(name)?.add(untyped);
  if (!eventStreamStarted && token) {
    eventStreamStarted = true;
    void readEventStream(token).catch(() => (eventStreamStarted = false));
  }
  return () => listeners.get(name)?.delete(untyped);
}

export const hasLaunchToken = (): boolean => mode === 'desktop' || token !== '';
