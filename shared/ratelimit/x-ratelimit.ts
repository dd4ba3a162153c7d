import type { HeaderBag } from './header-bag';
import { readCount, resetToEpochMs } from './numbers';
import type { RateLimitPolicy } from './types';

// GitHub, GitLab, Twitter/X and most API gateways; Twitter spells it with a second hyphen.
const PREFIXES = ['x-ratelimit-', 'x-rate-limit-'];

/**
 * `X-RateLimit-Limit/Remaining/Reset` (+ GitHub's `-Used` and `-Resource`). Reset is epoch
 * seconds on GitHub and delta seconds elsewhere, told apart by magnitude (see numbers.ts);
 * fractions are kept because Discord sends `1470173023.123`.
 */
export function parseXRateLimit(headers: HeaderBag, nowMs: number, notes: string[]): RateLimitPolicy[] {
  const policies: RateLimitPolicy[] = [];
  for (const prefix of PREFIXES) {
    const limitHeader = headers.single(`${prefix}limit`, notes);
    const remainingHeader = headers.single(`${prefix}remaining`, notes);
    const resetHeader = headers.single(`${prefix}reset`, notes);
    const usedHeader = headers.single(`${prefix}used`, notes);
    const resourceHeader = headers.single(`${prefix}resource`, notes);
    if (!limitHeader && !remainingHeader && !resetHeader) continue;

    const limit = limitHeader && readCount(limitHeader, notes);
    let remaining = remainingHeader && readCount(remainingHeader, notes);
    const used = usedHeader && readCount(usedHeader, notes);
    const reset = resetHeader && readCount(resetHeader, notes, { fraction: true });
    if (remaining === undefined && limit !== undefined && used !== undefined && used <= limit) {
      remaining = limit - used;
    }
    if (limit !== undefined && remaining !== undefined && remaining > limit) {
      notes.push(`${remainingHeader?.name ?? 'Remaining'} (${remaining}) is more than the limit (${limit}).`);
    }

    const policy: RateLimitPolicy = {
      source: [limitHeader, remainingHeader, resetHeader, usedHeader, resourceHeader]
        .flatMap((header) => (header ? [header.name] : []))
        .join(', '),
    };
    if (resourceHeader && resourceHeader.value !== '') policy.name = resourceHeader.value;
    if (limit !== undefined) policy.limit = limit;
    if (remaining !== undefined) policy.remaining = remaining;
    if (reset !== undefined) policy.resetAt = resetToEpochMs(reset, nowMs);
    if (policy.limit !== undefined || policy.remaining !== undefined || policy.resetAt !== undefined) {
      policies.push(policy);
    }
  }
  return policies;
}
