/** The history of sent requests, kept redacted in the app-data folder. */
import { z } from 'zod';
import { historyEntrySchema, historyIdSchema, historyListSchema } from '../model/history';

const empty = z.object({}).strict();

export const historyCalls = {
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
} as const;
export type HistoryCalls = typeof historyCalls;
