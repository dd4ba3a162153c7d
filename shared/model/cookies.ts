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

/**
 * The workspace a request belongs to, naming its cookie jar; absent for a request outside any
 * workspace (a scratch tab, the sample), which uses the jar kept for those.
 */
export const jarWorkspaceIdSchema = z.string().min(1).max(200);

/** Which jar a listing shows, for the Cookies view's label. */
export const cookieJarInfoSchema = z.object({
  workspaceId: z.string().optional(),
  /** `Workspace "Totara staging"`, or "Requests outside a workspace". */
  label: z.string(),
  /** `vault`: kept encrypted across restarts; `memory`: until Lantern quits. */
  kept: z.enum(['vault', 'memory']),
  /** Why a workspace's cookies cannot be kept across restarts right now, in plain words. */
  problem: z.string().optional(),
});
export type CookieJarInfo = z.infer<typeof cookieJarInfoSchema>;
