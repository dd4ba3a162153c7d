/**
 * The collection runner in the app: run a folder or the open workspace, in an order, over the rows of
 * a data file, with a delay and stop-on-failure. The main side runs it with the same engine as
 * `lantern run` (pacing included) and reports each step as an event.
 */
import { z } from 'zod';
import { assertionResultSchema, captureResultSchema } from '../assertions/model';
import { findingSchema, rateLimitStateSchema } from '../model/findings';

const id = z.string().min(1).max(1_000);
export const runIdSchema = z.string().min(1).max(200);

/** One request of one iteration, as run. Secrets are masked before it leaves the main side. */
export const runRowSchema = z.object({
  runId: runIdSchema,
  /** 1-based iteration (a data row, or a repeat). */
  iteration: z.number().int().min(1),
  /** 0-based position in the run order. */
  index: z.number().int().min(0),
  requestId: z.string(),
  name: z.string(),
  /** Folder names from the workspace down, joined with "/". */
  folder: z.string(),
  method: z.string(),
  url: z.string(),
  status: z.number().int().optional(),
  statusText: z.string().optional(),
  /** What the status had to be ("2xx" unless the request says otherwise). */
  expected: z.string(),
  statusMet: z.boolean().optional(),
  passed: z.boolean(),
  durationMs: z.number(),
  /** Why it could not be sent at all (network, auth, variables, a rate-limit wait that was too long). */
  error: z.string().optional(),
  findings: z.array(findingSchema),
  rateLimit: rateLimitStateSchema.optional(),
  tests: z.array(assertionResultSchema).optional(),
  captures: z.array(captureResultSchema).optional(),
  /** 429 answers met (and waited out) on the way. */
  rateLimited: z.number().int(),
  waitedMs: z.number(),
  /** The History entry of the exchange, to open it from the results table. */
  historyId: z.string().optional(),
});
export type RunRow = z.infer<typeof runRowSchema>;

export const runTotalsSchema = z.object({
  /** Request × iteration steps planned, and done so far. */
  planned: z.number().int(),
  done: z.number().int(),
  passed: z.number().int(),
  failed: z.number().int(),
  assertionsPassed: z.number().int(),
  assertionsFailed: z.number().int(),
  rateLimited: z.number().int(),
  waitedMs: z.number(),
  durationMs: z.number(),
});
export type RunTotals = z.infer<typeof runTotalsSchema>;

export const runnerCalls = {
  /**
   * Starts a run; progress and rows arrive as `runProgress` events, the end as `runFinished`.
   * `order` is the saved requests to run, in order (the sidebar's order unless the user changed it);
   * each must be in the open workspace, under `folderId` when one is given.
   */
  startRun: {
    input: z
      .object({
        folderId: id.optional(),
        environmentId: id.optional(),
        order: z.array(id).min(1).max(10_000),
        /** A CSV or JSON data file's content, as the user picked it: one iteration per row. */
        data: z
          .object({ fileName: z.string().min(1).max(1_000), text: z.string().max(50_000_000) })
          .strict()
          .optional(),
        /** Repeats without a data file; with one, the rows decide (and this must be absent or equal). */
        iterations: z.number().int().min(1).max(10_000).optional(),
        delayMs: z.number().int().min(0).max(600_000).default(0),
        bail: z.boolean().default(false),
      })
      .strict(),
    output: z.object({
      runId: runIdSchema,
      iterations: z.number().int(),
      requests: z.number().int(),
      /** The data file's columns: each is a variable in its iteration. */
      columns: z.array(z.string()),
    }),
  },
  /** Stops a run after the request in flight is cancelled; the rows so far are kept. */
  cancelRun: {
    input: z.object({ runId: runIdSchema }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** A finished run's report as JUnit XML or JSON text, the same reporters as `lantern run`. */
  runReport: {
    input: z.object({ runId: runIdSchema, format: z.enum(['junit', 'json']) }).strict(),
    output: z.object({ fileName: z.string(), text: z.string() }),
  },
} as const;
export type RunnerCalls = typeof runnerCalls;

/** Main→renderer events of the runner. */
export const runnerEvents = {
  runProgress: z.object({
    runId: runIdSchema,
    totals: runTotalsSchema,
    /** The step in flight: which request of which iteration. */
    current: z.object({ iteration: z.number().int(), index: z.number().int(), name: z.string() }).optional(),
    /** A rate-limit (or --delay) wait in progress: until when (epoch ms) and why, in plain words. */
    waiting: z.object({ untilEpochMs: z.number(), why: z.string() }).optional(),
    /** A row that just finished. */
    row: runRowSchema.optional(),
  }),
  runFinished: z.object({
    runId: runIdSchema,
    totals: runTotalsSchema,
    /** How it ended: every step ran, a failure stopped it (bail), the user cancelled, or it broke. */
    outcome: z.enum(['completed', 'bailed', 'cancelled', 'error']),
    message: z.string().optional(),
  }),
} as const;
