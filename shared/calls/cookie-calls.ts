/** The cookie jars: one per workspace, and one for requests outside any. */
import { z } from 'zod';
import { cookieJarInfoSchema, cookieSummarySchema, jarWorkspaceIdSchema } from '../model/cookies';

export const cookieCalls = {
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
export type CookieCalls = typeof cookieCalls;
