import { mostConstrained, parseRateLimit, type RateLimitState } from '../../../shared/ratelimit';

export interface PacerOptions {
  /** The window to assume when the API says "0 remaining" without saying when it resets. */
  windowMs: number;
  /** The longest single wait; a longer one is refused (the request fails instead). */
  maxWaitMs: number;
  /** What sets `maxWaitMs`, as the refusal names it ("--max-wait allows"). */
  maxWaitLabel?: string;
  now?: () => number;
}

interface KeyState {
  /** When the first response of the current window arrived (a window starts no later than that). */
  windowStartedAt?: number;
  lastRemaining?: number;
  /** No request to this key before this time. */
  notBefore: number;
}

export type PaceDecision = { waitMs: number; why: string } | { refuse: string };

/**
 * Keeps a run under an API's rate limit: after each response it reads the rate-limit headers,
 * and before the next request to the same host and credential it waits until the budget is back.
 * A 429 is waited out by its `retry-after`. Every wait is bounded by `maxWaitMs`.
 */
export class Pacer {
  private readonly keys = new Map<string, KeyState>();
  private readonly now: () => number;

  constructor(private readonly options: PacerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** How long to wait before sending to `key` now, and why. */
  before(key: string): PaceDecision | undefined {
    const state = this.keys.get(key);
    if (!state) return undefined;
    const waitMs = state.notBefore - this.now();
    if (waitMs <= 0) return undefined;
    if (waitMs > this.options.maxWaitMs)
      return {
        refuse: `The rate limit would need a wait of ${Math.ceil(waitMs / 1000)} s, more than ${this.options.maxWaitLabel ?? '--max-wait allows'} (${Math.round(this.options.maxWaitMs / 1000)} s).`,
      };
    return { waitMs, why: 'the rate-limit budget is used up' };
  }

  /** Reads a response's rate-limit headers; returns the parsed state for the report. */
  after(key: string, headers: readonly (readonly [string, string])[], status: number): RateLimitState {
    const now = this.now();
    const state = parseRateLimit(headers, now, status);
    const entry = this.keys.get(key) ?? { notBefore: 0 };
    this.keys.set(key, entry);
    const policy = mostConstrained(state);
    const remaining = policy?.remaining;
    if (remaining !== undefined) {
      const fresh =
        (policy?.limit !== undefined && remaining === policy.limit - 1) ||
        (entry.lastRemaining !== undefined && remaining > entry.lastRemaining);
      if (fresh) entry.windowStartedAt = now;
      entry.lastRemaining = remaining;
    }
    if (status === 429) {
      entry.notBefore = now + (state.retryAfterMs ?? this.options.windowMs);
      entry.windowStartedAt = undefined;
    } else if (remaining === 0) {
      const reset =
        policy?.resetAt ??
        (entry.windowStartedAt !== undefined
          ? entry.windowStartedAt + this.options.windowMs
          : now + this.options.windowMs);
      // A little margin: the server's clock and ours are not the same clock.
      entry.notBefore = reset + 50;
      entry.windowStartedAt = undefined;
      entry.lastRemaining = undefined;
    }
    return state;
  }
}
