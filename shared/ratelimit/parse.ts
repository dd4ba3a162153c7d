import { HeaderBag } from './header-bag';
import { parseIetfRateLimit } from './ietf';
import { parseRetryAfter } from './retry-after';
import type { HeaderInput, RateLimitPolicy, RateLimitState } from './types';
import { parseXRateLimit } from './x-ratelimit';

/**
 * Reads every rate-limit header convention in a response into one state
 * (API-BEHAVIOUR.md §4). Never throws: a malformed value is left out with a note.
 */
export function parseRateLimit(headers: HeaderInput, nowMs: number, status?: number): RateLimitState {
  const bag = new HeaderBag(headers);
  const notes: string[] = [];
  const policies = mergeDuplicates([
    ...parseXRateLimit(bag, nowMs, notes),
    ...parseIetfRateLimit(bag, nowMs, notes),
  ]);
  const state: RateLimitState = { policies, notes };

  const retryHeader = bag.single('retry-after', notes, false);
  if (retryHeader) {
    const retry = parseRetryAfter(retryHeader.value, nowMs);
    if (retry.ok) {
      state.retryAfterMs = retry.retryAfterMs;
      state.retryAt = retry.retryAt;
    }
    if (retry.note) notes.push(retry.note);
  }

  if (status === 429) {
    if (policies.length === 0 && state.retryAfterMs === undefined) {
      notes.push(
        '429 Too Many Requests without any rate-limit header: the budget can only be inferred from when 429s happen.',
      );
    }
    for (const policy of policies) {
      if (policy.remaining !== undefined && policy.remaining > 0) {
        notes.push(
          `429 although ${policy.name ? `policy "${policy.name}"` : policy.source} reports ${policy.remaining} remaining: another, unreported limit applies.`,
        );
      }
    }
  }
  return state;
}

/**
 * Servers often send the same numbers twice (`X-RateLimit-*` and `RateLimit-*`):
 * one policy with both sources is clearer than two identical gauges.
 */
function mergeDuplicates(policies: RateLimitPolicy[]): RateLimitPolicy[] {
  const merged: RateLimitPolicy[] = [];
  for (const policy of policies) {
    const twin = merged.find(
      (other) =>
        other.limit === policy.limit &&
        other.remaining === policy.remaining &&
        other.remaining !== undefined &&
        (other.name === undefined || policy.name === undefined || other.name === policy.name),
    );
    if (!twin) {
      merged.push({ ...policy });
      continue;
    }
    twin.source += `, ${policy.source}`;
    twin.name ??= policy.name;
    twin.resetAt ??= policy.resetAt;
    twin.windowSeconds ??= policy.windowSeconds;
  }
  return merged.map((policy) =>
    Object.fromEntries(Object.entries(policy).filter(([, value]) => value !== undefined)),
  ) as RateLimitPolicy[];
}

/** remaining / limit, or undefined when the policy cannot say. 0 remaining is 0 even without a limit. */
export function remainingRatio(policy: RateLimitPolicy): number | undefined {
  if (policy.remaining === undefined) return undefined;
  if (policy.remaining === 0) return 0;
  if (policy.limit === undefined || policy.limit === 0) return undefined;
  return Math.min(1, policy.remaining / policy.limit);
}

/** The policy closest to running out, for a gauge; ties go to the later reset (the longer wait). */
export function mostConstrained(state: RateLimitState): RateLimitPolicy | undefined {
  let best: { policy: RateLimitPolicy; ratio: number } | undefined;
  for (const policy of state.policies) {
    const ratio = remainingRatio(policy);
    if (ratio === undefined) continue;
    const laterReset = (policy.resetAt ?? 0) > (best?.policy.resetAt ?? 0);
    if (!best || ratio < best.ratio || (ratio === best.ratio && laterReset)) best = { policy, ratio };
  }
  return best?.policy;
}
