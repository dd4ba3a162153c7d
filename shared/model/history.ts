import { z } from 'zod';
import { requestDraftSchema } from './request';
import { exchangeSchema } from './response';
import { callErrorSchema } from './result';

/**
 * A history entry's id. It names a file on the main side, so it is restricted to characters
 * that cannot form a path (no dots, no slashes).
 */
export const historyIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'A history id contains only letters, digits, - and _.');

/** What the history list shows: enough for one line, never a body. */
export const historySummarySchema = z.object({
  id: historyIdSchema,
  /** When the send finished (ISO 8601). */
  at: z.string(),
  method: z.string(),
  /** The saved request's name, else the GraphQL operation's: rows to one URL are told apart by it. */
  name: z.string().max(200).optional(),
  /** The URL as sent (variables resolved, secrets masked), or the draft's URL when the send failed early. */
  url: z.string(),
  /** Null when no response arrived (refused, DNS, TLS, timeout, cancelled, blocked before sending). */
  status: z.number().int().nullable(),
  statusText: z.string(),
  totalMs: z.number(),
  bodyBytes: z.number().int(),
  environmentId: z.string().optional(),
  error: callErrorSchema.optional(),
});
export type HistorySummary = z.infer<typeof historySummarySchema>;

/** One kept exchange, secrets redacted: what is needed to reopen the response and re-send the request. */
export const historyEntrySchema = z.object({
  summary: historySummarySchema,
  /**
   * The request as sent, before `{{variables}}` were resolved: its folders' auth and headers merged
   * in, credentials by reference only.
   */
  draft: requestDraftSchema,
  environmentId: z.string().optional(),
  /** The saved request it was sent as: a re-send applies its folders again (secret variables too). */
  origin: z
    .object({ savedRequestId: z.string().min(1).max(200), workspaceId: z.string().max(200).optional() })
    .optional(),
  exchange: exchangeSchema.optional(),
  error: callErrorSchema.optional(),
  /** Why part of the entry was not kept, e.g. "Response body not kept: 3.1 MB is over the 2 MB limit." */
  bodyNote: z.string().optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** A history file that could not be read or written: reported with its path, never silently replaced. */
export const historyProblemSchema = z.object({
  path: z.string(),
  reason: z.string(),
});
export type HistoryProblem = z.infer<typeof historyProblemSchema>;

/** The history list as the renderer receives it: newest first, with any unreadable files named. */
export const historyListSchema = z.object({
  entries: z.array(historySummarySchema),
  problems: z.array(historyProblemSchema),
});
export type HistoryList = z.infer<typeof historyListSchema>;
