import { z } from 'zod';
import type { Finding } from '../diagnose/types';
import type { RateLimitSample, RateLimitState } from '../ratelimit';

/** What a finding cites, so the UI can highlight it in the headers or the body. */
export const evidenceSchema = z.object({
  kind: z.enum([
    'response-header',
    'request-header',
    'response-body',
    'request-body',
    'status',
    'redirect',
    'timing',
    'error',
    'auth',
  ]),
  name: z.string().optional(),
  value: z.string().optional(),
});

/** One diagnosis of an exchange (shared/diagnose), as it travels with the exchange. */
export const findingSchema = z.object({
  id: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  title: z.string(),
  explanation: z.string(),
  fix: z.string(),
  evidence: z.array(evidenceSchema),
});

export const rateLimitPolicySchema = z.object({
  name: z.string().optional(),
  limit: z.number().optional(),
  remaining: z.number().optional(),
  resetAt: z.number().optional(),
  windowSeconds: z.number().optional(),
  source: z.string(),
});

export const rateLimitStateSchema = z.object({
  policies: z.array(rateLimitPolicySchema),
  retryAfterMs: z.number().optional(),
  retryAt: z.number().optional(),
  notes: z.array(z.string()),
});

export const rateLimitSampleSchema = z.object({
  at: z.number(),
  status: z.number().optional(),
  remaining: z.number().optional(),
  limit: z.number().optional(),
  policyName: z.string().optional(),
  retryAfterMs: z.number().optional(),
  estimated: z.boolean().optional(),
});

/** A budget for an API that sends no rate-limit headers (Totara: complexity points per minute). */
export const configuredBudgetSchema = z.object({
  limit: z.number().int().positive(),
  windowSeconds: z.number().int().positive(),
  note: z.string().optional(),
});

/**
 * The rate-limit picture of one host + credential as of one response: the state its headers gave,
 * and what the main side's tracker remembers (recent history, 429s, a configured budget).
 */
export const rateLimitViewSchema = z.object({
  /** `rateLimitKey(host, credentialId)`. */
  key: z.string(),
  host: z.string(),
  credentialId: z.string().optional(),
  /** The credential's name, for people (the id is for keys). */
  credentialLabel: z.string().optional(),
  /** The latest state read from headers; empty policies when the API sends none. */
  state: rateLimitStateSchema,
  /** When `state` was read, epoch ms. */
  at: z.number(),
  /** Oldest first: the sparkline. */
  history: z.array(rateLimitSampleSchema),
  count429: z.number().int(),
  last429At: z.number().optional(),
  configuredBudget: configuredBudgetSchema.optional(),
  /** True when the budget is Lantern's default for the API (Totara), not one the user set. */
  budgetIsDefault: z.boolean().optional(),
  /** The budget's use in its window, estimated from each query's cost (the API says nothing). */
  budgetUse: z
    .object({ spent: z.number(), remaining: z.number(), limit: z.number(), windowSeconds: z.number() })
    .optional(),
});
export type RateLimitView = z.infer<typeof rateLimitViewSchema>;

// The schemas must describe the same shapes as the pure modules' types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _findingMatches: Same<z.infer<typeof findingSchema>, Finding> = true;
const _stateMatches: Same<z.infer<typeof rateLimitStateSchema>, RateLimitState> = true;
const _sampleMatches: Same<z.infer<typeof rateLimitSampleSchema>, RateLimitSample> = true;
void [_findingMatches, _stateMatches, _sampleMatches];
