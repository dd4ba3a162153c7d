import { describe, expect, it } from 'vitest';
import { parseRateLimit } from './parse';
import type { HeaderInput, RateLimitState } from './types';

const now = Date.UTC(2025, 2, 14, 12, 0, 0);
const nowSeconds = now / 1000;

describe('parseRateLimit: X-RateLimit-*', () => {
  it('reads GitHub’s real header set, reset in epoch seconds', () => {
    const headers: [string, string][] = [
      ['server', 'github.com'],
      ['x-ratelimit-limit', '5000'],
      ['x-ratelimit-remaining', '4987'],
      ['x-ratelimit-reset', String(nowSeconds + 1800)],
      ['x-ratelimit-used', '13'],
      ['x-ratelimit-resource', 'core'],
    ];
    expect(parseRateLimit(headers, now)).toEqual({
      policies: [
        {
          name: 'core',
          limit: 5000,
          remaining: 4987,
          resetAt: now + 1_800_000,
          source:
            'x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset, x-ratelimit-used, x-ratelimit-resource',
        },
      ],
      notes: [],
    });
  });

  it.each([
    ['delta seconds (GitLab-style small value)', '60', now + 60_000],
    ['delta seconds of a whole day', '86400', now + 86_400_000],
    ['epoch seconds', String(nowSeconds + 30), now + 30_000],
    ['fractional epoch seconds (Discord)', `${nowSeconds + 2}.250`, now + 2_250],
    ['epoch milliseconds', String(now + 5_000), now + 5_000],
    ['epoch seconds already past', String(nowSeconds - 10), now - 10_000],
  ])('tells reset %s apart by magnitude', (_what, reset, resetAt) => {
    const state = parseRateLimit({ 'X-RateLimit-Limit': '60', 'X-RateLimit-Reset': reset }, now);
    expect(state.policies[0]?.resetAt).toBe(resetAt);
  });

  it.each<[string, HeaderInput, Partial<RateLimitState>]>([
    [
      'any case, keeping the server’s spelling as the source',
      { 'X-RATELIMIT-LIMIT': '100', 'X-RateLimit-Remaining': '7' },
      { policies: [{ limit: 100, remaining: 7, source: 'X-RATELIMIT-LIMIT, X-RateLimit-Remaining' }] },
    ],
    [
      'remaining worked out from used',
      { 'x-ratelimit-limit': '60', 'x-ratelimit-used': '45' },
      { policies: [{ limit: 60, remaining: 15, source: 'x-ratelimit-limit, x-ratelimit-used' }] },
    ],
    [
      'Twitter’s x-rate-limit-* spelling',
      {
        'x-rate-limit-limit': '900',
        'x-rate-limit-remaining': '899',
        'x-rate-limit-reset': String(nowSeconds + 900),
      },
      {
        policies: [
          {
            limit: 900,
            remaining: 899,
            resetAt: now + 900_000,
            source: 'x-rate-limit-limit, x-rate-limit-remaining, x-rate-limit-reset',
          },
        ],
      },
    ],
    [
      'a negative remaining, ignored with a note',
      { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '-1' },
      {
        policies: [{ limit: 100, source: 'X-RateLimit-Limit, X-RateLimit-Remaining' }],
        notes: ['X-RateLimit-Remaining "-1" is negative; ignored.'],
      },
    ],
    [
      'a non-numeric limit, ignored with a note',
      { 'X-RateLimit-Limit': 'unlimited', 'X-RateLimit-Remaining': '10' },
      {
        policies: [{ remaining: 10, source: 'X-RateLimit-Limit, X-RateLimit-Remaining' }],
        notes: ['X-RateLimit-Limit "unlimited" is not a number; ignored.'],
      },
    ],
    [
      'a fractional limit, ignored with a note',
      { 'X-RateLimit-Limit': '10.5' },
      { policies: [], notes: ['X-RateLimit-Limit "10.5" is not a whole number; ignored.'] },
    ],
    [
      'the same header twice with one value',
      [
        ['X-RateLimit-Remaining', '5'],
        ['x-ratelimit-remaining', '5'],
      ],
      { policies: [{ remaining: 5, source: 'X-RateLimit-Remaining' }], notes: [] },
    ],
    [
      'the same header twice with different values: the first wins, with a note',
      [
        ['X-RateLimit-Remaining', '5'],
        ['X-RateLimit-Remaining', '9'],
      ],
      {
        policies: [{ remaining: 5, source: 'X-RateLimit-Remaining' }],
        notes: ['X-RateLimit-Remaining was sent 2 times with different values (5, 9); using the first, 5.'],
      },
    ],
    [
      'duplicates already joined by fetch’s Headers',
      { 'x-ratelimit-remaining': '5, 9' },
      {
        policies: [{ remaining: 5, source: 'x-ratelimit-remaining' }],
        notes: [expect.stringContaining('2 times')],
      },
    ],
  ])('%s', (_what, headers, expected) => {
    expect(parseRateLimit(headers, now)).toMatchObject({ notes: [], ...expected });
  });
});
