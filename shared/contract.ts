/**
 * THE typed API between the renderer and the main side. Every call and every event
 * is named here and nowhere else; the preload, the IPC wrapper, the browser-mode host
 * and renderer/api.ts are all derived from these tables.
 */
import { z } from 'zod';
import { requestDraftSchema, sendOptionsSchema } from './model/request';
import { exchangeSchema } from './model/response';
import { credentialSummarySchema } from './model/auth';
import { environmentSummarySchema, saveEnvironmentInputSchema } from './model/environment';
import { sampleWorkspaceSchema } from './model/sample';
import { historyEntrySchema, historyIdSchema, historyListSchema } from './model/history';
import { cookieSummarySchema } from './model/cookies';
import { tokenSummarySchema } from './model/token';
import { vaultStatusSchema } from './model/vault';
import {
  bodyIdSchema,
  bodyRowsSchema,
  bodySearchResultSchema,
  readBodyRowsInputSchema,
  saveBodyInputSchema,
  searchBodyInputSchema,
  storedBodySchema,
} from './model/body';

const empty = z.object({}).strict();

export const calls = {
  /** What the renderer needs to know about the host it runs in. */
  appInfo: {
    input: empty,
    output: z.object({
      version: z.string(),
      mode: z.enum(['desktop', 'browser']),
      platform: z.string(),
    }),
  },
  /** Send one request; resolves when the whole response has been read. */
  send: {
    input: z
      .object({
        requestId: z.string().min(1).max(64),
        draft: requestDraftSchema,
        /** The environment whose variables resolve `{{name}}` references (main side). */
        environmentId: z.string().max(128).optional(),
        options: sendOptionsSchema.default({ timeoutMs: 30_000, connectTimeoutMs: 10_000 }),
      })
      .strict(),
    output: exchangeSchema,
  },
  /** Abort an in-flight send. `cancelled` is false when nothing was in flight under that id. */
  cancel: {
    input: z.object({ requestId: z.string().min(1).max(64) }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** Environments and their variables (secret values masked). */
  listEnvironments: {
    input: empty,
    output: z.array(environmentSummarySchema),
  },
  /** Creates or updates an environment; returns it with secret values masked. */
  saveEnvironment: {
    input: saveEnvironmentInputSchema,
    output: environmentSummarySchema,
  },
  deleteEnvironment: {
    input: z.object({ id: z.string().min(1).max(128) }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
  /** History summaries, newest first; bodies are loaded only when an entry is opened. */
  listHistory: {
    input: empty,
    output: historyListSchema,
  },
  /** One past exchange, with its request draft, for reopening and re-sending. */
  getHistoryEntry: {
    input: z.object({ id: historyIdSchema }).strict(),
    output: historyEntrySchema,
  },
  deleteHistoryEntry: {
    input: z.object({ id: historyIdSchema }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
  clearHistory: {
    input: empty,
    output: z.object({}).strict(),
  },
  /** The cookie jar, values masked. */
  listCookies: {
    input: empty,
    output: z.array(cookieSummarySchema),
  },
  /** Empties the jar, or only the cookies of one domain and its subdomains. */
  clearCookies: {
    input: z.object({ domain: z.string().min(1).max(253).optional() }).strict(),
    output: z.object({}).strict(),
  },
  /** Opens the OS file picker (desktop app only); `path` is undefined when the user cancels. */
  pickFile: {
    input: empty,
    output: z.object({ path: z.string().optional() }),
  },
  /** Checks a file named for a body, without reading its contents into the renderer. */
  inspectFile: {
    input: z.object({ path: z.string().min(1).max(4_096) }).strict(),
    output: z.object({ name: z.string(), size: z.number().int() }),
  },
  /** Creates (no id) or updates a credential; the secret goes to the vault, undefined keeps the stored one. */
  saveCredential: {
    input: z
      .object({
        id: z.string().min(1).max(128).optional(),
        kind: z.enum(['bearer', 'basic', 'apiKey', 'oauth2', 'session']),
        label: z.string().max(200),
        fields: z.record(z.string().max(64), z.string().max(4_096)),
        secret: z.string().max(65_536).optional(),
      })
      .strict(),
    output: credentialSummarySchema,
  },
  deleteCredential: {
    input: z.object({ id: z.string().min(1).max(128) }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
  /** The secret itself: only ever called by an explicit user action (Reveal or Copy). */
  revealSecret: {
    input: z.object({ credentialId: z.string().min(1).max(128) }).strict(),
    output: z.object({ value: z.string() }),
  },
  /** How the vault is protected and whether it can be read. */
  vaultStatus: {
    input: empty,
    output: vaultStatusSchema,
  },
  /** Reads the vault again (after the keyring came back, say). */
  retryVault: {
    input: empty,
    output: vaultStatusSchema,
  },
  /** Moves an unreadable vault aside and starts an empty one: an explicit user decision. */
  resetVault: {
    input: empty,
    output: vaultStatusSchema,
  },
  /** Every OAuth token held, values masked. */
  listTokens: {
    input: empty,
    output: z.array(tokenSummarySchema),
  },
  /** Grants a new token for a client now. */
  newToken: {
    input: z.object({ credentialId: z.string().min(1).max(128) }).strict(),
    output: tokenSummarySchema,
  },
  forgetToken: {
    input: z.object({ tokenId: z.string().min(1).max(128) }).strict(),
    output: z.object({ forgotten: z.boolean() }),
  },
  /** A token's value: only ever called by an explicit user action (Reveal or Copy). */
  revealToken: {
    input: z.object({ tokenId: z.string().min(1).max(128) }).strict(),
    output: z.object({ value: z.string() }),
  },
  /** Credentials the main side holds, as summaries: never a secret value. */
  listCredentials: {
    input: empty,
    output: z.array(credentialSummarySchema),
  },
  /**
   * Starts the local sandbox API (an imitation of Totara and iHASCO) if it is not running,
   * and returns the sample workspace that points at it.
   */
  startSandbox: {
    input: empty,
    output: sampleWorkspaceSchema,
  },
  /**
   * A window of a large body's display rows. Large bodies (`response.body.stored`) stay on the
   * main side; the renderer never holds more of them than it shows.
   */
  readBodyRows: {
    input: readBodyRowsInputSchema,
    output: bodyRowsSchema,
  },
  /** Finds text in a large body, streaming over it on the main side, with a time limit. */
  searchBody: {
    input: searchBodyInputSchema,
    output: bodySearchResultSchema,
  },
  /**
   * A pretty-printed copy of a large JSON body, kept as another body (made once, then reused).
   * Fails with code `body.not-json` and the place of the first error when the body is not JSON.
   */
  prettyBody: {
    input: z.object({ bodyId: bodyIdSchema }).strict(),
    output: storedBodySchema,
  },
  /** Writes a large body to a file (the main side writes; the renderer names the path). */
  saveBody: {
    input: saveBodyInputSchema,
    output: z.object({ path: z.string(), bytes: z.number().int() }),
  },
  /** Forgets a large body and deletes its temporary file; `released` is false when it was already gone. */
  releaseBody: {
    input: z.object({ bodyId: bodyIdSchema }).strict(),
    output: z.object({ released: z.boolean() }),
  },
} as const;

export const events = {
  /** Progress of a response body being read. */
  sendProgress: z.object({ requestId: z.string(), receivedBytes: z.number().int() }),
  /** The sandbox was started from outside the renderer (the desktop menu). */
  sandboxStarted: sampleWorkspaceSchema,
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
