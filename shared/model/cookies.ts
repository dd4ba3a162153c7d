import { z } from 'zod';

/** A cookie of the jar as the renderer sees it: the value is masked, it may be a session. */
export const cookieSummarySchema = z.object({
  name: z.string(),
  value: z.string(),
  domain: z.string(),
  path: z.string(),
  hostOnly: z.boolean(),
  secure: z.boolean(),
  httpOnly: z.boolean(),
  /** Epoch milliseconds; absent for a session cookie. */
  expiresAt: z.number().optional(),
});
export type CookieSummary = z.infer<typeof cookieSummarySchema>;
