/** Sending requests, files and the sample sandbox. */
import { z } from 'zod';
import { requestDraftSchema, sendOptionsSchema } from '../model/request';
import { exchangeSchema } from '../model/response';
import { jarWorkspaceIdSchema } from '../model/cookies';

import { sampleWorkspaceSchema } from '../model/sample';

const empty = z.object({}).strict();

export const coreCalls = {
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
        /** The workspace the request belongs to: its cookie jar is used. Absent: the jar of requests outside one. */
        workspaceId: jarWorkspaceIdSchema.optional(),
        /**
         * The saved request this draft is an edit of: the main side applies its folders' auth,
         * headers and variables (secret ones too), the same way for the app, `lantern run` and history.
         */
        savedRequestId: z.string().min(1).max(200).optional(),
        /** The saved or sample request's name, so its history row says which request it was. */
        name: z.string().max(200).optional(),
        /**
         * A re-send from history: the draft already holds its folders' values as recorded, so a saved
         * request that is no longer there does not stop it.
         */
        replay: z.boolean().optional(),
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
  /**
   * Starts the local sandbox API (an imitation of Totara and iHASCO) if it is not running,
   * and returns the sample workspace that points at it.
   */
  startSandbox: {
    input: empty,
    output: sampleWorkspaceSchema,
  },
  /** Writes text the user is looking at (a response body) to a file they named, atomically. */
  saveTextFile: {
    input: z.object({ path: z.string().min(1).max(4_096), text: z.string().max(8_000_000) }).strict(),
    output: z.object({ path: z.string(), bytes: z.number().int() }),
  },
} as const;
export type CoreCalls = typeof coreCalls;
