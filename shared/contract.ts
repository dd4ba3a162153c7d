/**
 * THE typed API between the renderer and the main side. Every call and every event
 * is named here and nowhere else; the preload, the IPC wrapper, the browser-mode host
 * and renderer/api.ts are all derived from these tables.
 */
import { z } from 'zod';
import { bodyCalls } from './calls/body-calls';
import { coreCalls } from './calls/core-calls';
import { credentialCalls } from './calls/credential-calls';
import { diagnosticsCalls } from './calls/diagnostics-calls';
import { cookieCalls } from './calls/cookie-calls';
import { environmentCalls } from './calls/environment-calls';
import { historyCalls } from './calls/history-calls';
import { sessionCalls } from './calls/session-calls';
import { graphqlCalls } from './calls/graphql-calls';
import { workspaceCalls } from './calls/workspace-calls';
import { prefsCalls } from './calls/prefs-calls';
import { runnerCalls, runnerEvents } from './calls/runner-calls';
import { diagnosticsEvents } from './calls/diagnostics-calls';
import { workspaceEvents } from './calls/workspace-calls';
import { sampleWorkspaceSchema } from './model/sample';

/** One table of calls, kept in files by domain (shared/calls/); the channel of each is derived below. */
export const calls = {
  ...coreCalls,
  ...environmentCalls,
  ...historyCalls,
  ...cookieCalls,
  ...credentialCalls,
  ...bodyCalls,
  ...graphqlCalls,
  ...workspaceCalls,
  ...diagnosticsCalls,
  ...prefsCalls,
  ...sessionCalls,
  ...runnerCalls,
} as const;

export const events = {
  /** Progress of a response body being read. */
  sendProgress: z.object({ requestId: z.string(), receivedBytes: z.number().int() }),
  /** The sandbox was started from outside the renderer (the desktop menu). */
  sandboxStarted: sampleWorkspaceSchema,
  ...workspaceEvents,
  ...diagnosticsEvents,
  ...runnerEvents,
} as const;
export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
export type CallParsedInput<K extends CallName> = z.output<Calls[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Calls[K]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<K extends EventName> = z.output<(typeof events)[K]>;

export const callNames = Object.keys(calls) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

/** IPC channel of a call or an event: derived, never written by hand elsewhere. */
export const callChannel = (name: CallName): string => `lantern:call:${name}`;
export const eventChannel = (name: EventName): string => `lantern:event:${name}`;

/** Browser-mode paths of the same calls and the event stream. */
export const callPath = (name: CallName): string => `/api/call/${name}`;
export const EVENTS_PATH = '/api/events';

/** The functions a main side implements: one per call, taking the parsed input. */
export type Handlers = { [K in CallName]: (input: CallParsedInput<K>) => Promise<CallOutput<K>> };
/** Emits a main→renderer event. */
export type EmitEvent = <K extends EventName>(name: K, payload: EventPayload<K>) => void;
