import { describe, expect, it } from 'vitest';
import { mostConstrained, parseRateLimit } from './parse';
import type { HeaderInput, RateLimitState } from './types';

const now = Date.UTC(2025, 2, 14, 12, 0, 0);

describe('parseRateLimit: Retry-After and status', () => {
  it.each<[string, HeaderInput, number | undefined, Partial<RateLimitState>]>([
    [
      'delay seconds',
      { 'Retry-After': '120' },
      429,
      { retryAfterMs: 120_000, retryAt: now + 120_000, notes: [] },
    ],
    [
      'an HTTP-date in the future',
      { 'retry-after': 'Fri, 14 Mar 2025 12:05:00 GMT' },
      503,
      { retryAfterMs: 300_000, retryAt: now + 300_000, notes: [] },
    ],
    [
      'an HTTP-date in the past',
      { 'Retry-After': 'Fri, 14 Mar 2025 11:00:00 GMT' },
      429,
      { retryAfterMs: 0, retryAt: now, notes: [expect.stringContaining('already in the past (3600 s ago)')] },
    ],
    [
      'garbage',
      { 'Retry-After': 'later' },
      503,
      { notes: [expect.stringContaining('neither whole seconds')] },
    ],
    [
      'a 429 with no headers at all (Totara)',
      { 'Content-Type': 'application/json' },
      429,
      { policies: [], notes: [expect.stringContaining('inferred from when 429s happen')] },
    ],
    [
      'a 429 while the headers still report quota',
      { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '20', 'Retry-After': '30' },
      429,
      {
        retryAfterMs: 30_000,
        notes: [expect.stringContaining('reports 20 remaining: another, unreported limit')],
      },
    ],
    ['a 200 with no headers says nothing', {}, 200, { policies: [], notes: [] }],
  ])('%s', (_what, headers, status, expected) => {
    expect(parseRateLimit(headers, now, status)).toMatchObject(expected);
  });

  it.each<[string, string]>([
    ['RateLimit', ';;;'],
    ['RateLimit', 'limit=?1, remaining=:AAA=:, reset="x"'],
    ['RateLimit-Policy', '"\u0000"'],
    ['RateLimit-Policy', '?1;w=60'],
    ['RateLimit-Limit', '(1 2)'],
    ['X-RateLimit-Reset', '1e309'],
    ['X-RateLimit-Limit', '99999999999999999999'],
    ['Retry-After', ''],
  ])('never throws on %s: %s, and says why it ignored it', (name, value) => {
    const state = parseRateLimit([[name, value]], now, 429);
    expect(state.policies).toEqual([]);
    expect(state.notes.length).toBeGreaterThanOrEqual(1);
    expect(state.notes[0]).toContain(name);
  });
});

describe('mostConstrained', () => {
  it.each<[string, RateLimitState['policies'], string | undefined]>([
    ['no policies', [], undefined],
    ['only policies without a remaining count', [{ limit: 100, source: 'a' }], undefined],
    [
      'the smallest remaining ratio, not the smallest count',
      [
        { name: 'burst', limit: 10, remaining: 5, source: 'a' },
        { name: 'daily', limit: 1000, remaining: 100, source: 'b' },
      ],
      'daily',
    ],
    [
      'zero remaining wins even without a limit',
      [
        { name: 'burst', limit: 10, remaining: 1, source: 'a' },
        { name: 'unknown', remaining: 0, source: 'b' },
      ],
      'unknown',
    ],
    [
      'a tie goes to the later reset',
      [
        { name: 'minute', limit: 10, remaining: 0, resetAt: now + 60_000, source: 'a' },
        { name: 'hour', limit: 100, remaining: 0, resetAt: now + 3_600_000, source: 'b' },
      ],
      'hour',
    ],
  ])('%s', (_what, policies, expectedName) => {
    expect(mostConstrained({ policies, notes: [] })?.name).toBe(expectedName);
  });
});
