export { mostConstrained, parseRateLimit, remainingRatio } from './parse';
export { parseHttpDate, parseRetryAfter } from './retry-after';
export type { RetryAfter } from './retry-after';
export { EPOCH_MILLISECONDS_THRESHOLD, EPOCH_SECONDS_THRESHOLD } from './numbers';
export { parseSfDictionary, parseSfList } from './structured-field';
export type { BareItem, SfItem, SfParameters, SfResult } from './structured-field';
export { RateLimitTracker, rateLimitKey } from './tracker';
export type { BudgetUse, ConfiguredBudget, RateLimitKeyRecord, RateLimitSample } from './tracker';
export type { HeaderInput, RateLimitPolicy, RateLimitState } from './types';
