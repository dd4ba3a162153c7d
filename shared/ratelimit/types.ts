export type RateLimitPolicy = {
  /** The policy's name: GitHub's `x-ratelimit-resource`, or a draft -08+ policy name. */
  name?: string;
  limit?: number;
  remaining?: number;
  /** When the window resets, epoch ms. */
  resetAt?: number;
  windowSeconds?: number;
  /** The header(s) it came from, as the server spelled them. */
  source: string;
};

export type RateLimitState = {
  policies: RateLimitPolicy[];
  retryAfterMs?: number;
  /** Epoch ms. */
  retryAt?: number;
  /** Values that were malformed and ignored, with why; and other things worth telling. */
  notes: string[];
};

export type HeaderInput = readonly (readonly [string, string])[] | Readonly<Record<string, string>>;
