/** Environments, history and the cookie jar. */
import { z } from 'zod';

import { environmentSummarySchema, saveEnvironmentInputSchema } from '../model/environment';

import { historyEntrySchema, historyIdSchema, historyListSchema } from '../model/history';
import { cookieJarInfoSchema, cookieSummarySchema, jarWorkspaceIdSchema } from '../model/cookies';

const empty = z.object({}).strict();

export const environmentCalls = {
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
  /** One workspace's cookie jar (the jar of requests outside a workspace without an id), values masked. */
  listCookies: {
    input: z.object({ workspaceId: jarWorkspaceIdSchema.optional() }).strict(),
    output: z.object({ jar: cookieJarInfoSchema, cookies: z.array(cookieSummarySchema) }),
  },
  /** Empties that workspace's jar, or only its cookies of one domain and its subdomains. */
  clearCookies: {
    input: z
      .object({ workspaceId: jarWorkspaceIdSchema.optional(), domain: z.string().min(1).max(253).optional() })
      .strict(),
    output: z.object({}).strict(),
  },
} as const;
