import type { SandboxState } from '../state';

export type RateDecision =
  | { allowed: true; headers: Record<string, string> }
  | { allowed: false; headers: Record<string, string>; retryAfter: number };

/**
 * Laravel-style throttle: a fixed window per key that starts with its first request.
 * Every answer carries x-ratelimit-limit/-remaining; a refusal adds retry-after and x-ratelimit-reset (epoch).
 */
export function takeRestRequest(state: SandboxState, key: string, now = Date.now()): RateDecision {
  const { restRateLimit: limit, restWindowMs: windowMs } = state.config;
  let window = state.restWindows.get(key);
  if (!window || now >= window.start + windowMs) {
    window = { start: now, hits: 0 };
    state.restWindows.set(key, window);
  }
  if (window.hits >= limit) {
    const retryAfter = Math.max(1, Math.ceil((window.start + windowMs - now) / 1000));
    return {
      allowed: false,
      retryAfter,
      headers: {
        'x-ratelimit-limit': String(limit),
        'x-ratelimit-remaining': '0',
        'retry-after': String(retryAfter),
        'x-ratelimit-reset': String(Math.ceil(now / 1000) + retryAfter),
      },
    };
  }
  window.hits += 1;
  return {
    allowed: true,
    headers: { 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(limit - window.hits) },
  };
}
