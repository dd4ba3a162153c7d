/** Sending requests, files and the sample sandbox. */
import { z } from 'zod';
import { requestDraftSchema, sendOptionsSchema } from '../model/request';
import { exchangeSchema } from '../model/response';
import { jarWorkspaceIdSchema } from '../model/cookies';

import { sampleWorkspaceSchema } from '../model/sample';
import { chosenFileSchema, saveOutcomeSchema, suggestedNameSchema } from '../files/file-ref';

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
  /**
   * Shows the OS open dialog (desktop app only) and grants the file picked: the renderer gets an
   * opaque reference and the file's name, never its path. `file` is absent when the user cancels.
   */
  pickFile: {
    input: z
      .object({
        title: z.string().max(200).default('Choose a file'),
        /** File name extensions the dialog offers first, e.g. ["graphql", "json"]. */
        extensions: z
          .array(z.string().regex(/^[A-Za-z0-9]{1,16}$/))
          .max(20)
          .optional(),
      })
      .strict(),
    output: z.object({ file: chosenFileSchema.optional() }),
  },
  /**
   * Browser mode's file input: the file's bytes, base64, in chunks of at most 4 MB from `offset` 0
   * on (the first call has no `uploadId`). The main side keeps a copy in its data folder and grants
   * it when the last byte is in (`file`). Up to 512 MB.
   */
  uploadFile: {
    input: z
      .object({
        uploadId: z
          .string()
          .regex(/^[0-9a-f]{32}$/)
          .optional(),
        name: z.string().min(1).max(255),
        size: z.number().int().min(0),
        offset: z.number().int().min(0),
        data: z.string().max(6 * 1024 * 1024),
      })
      .strict(),
    output: z.object({ uploadId: z.string(), received: z.number().int(), file: chosenFileSchema.optional() }),
  },
  /** Name and size of a file the user chose (by its reference); no other file is looked at. */
  inspectFile: {
    input: z.object({ ref: z.string().min(1).max(4_096) }).strict(),
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
  /**
   * Writes text the user is looking at (a response body, an export) where they choose in the OS
   * save dialog (desktop app only; browser mode downloads it in the page instead). `companions`
   * go beside it under their own names, never over an existing file.
   */
  saveTextFile: {
    input: z
      .object({
        suggestedName: suggestedNameSchema,
        text: z.string().max(8_000_000),
        companions: z
          .array(z.object({ name: suggestedNameSchema, text: z.string().max(8_000_000) }))
          .max(50)
          .optional(),
      })
      .strict(),
    output: saveOutcomeSchema,
  },
} as const;
export type CoreCalls = typeof coreCalls;
