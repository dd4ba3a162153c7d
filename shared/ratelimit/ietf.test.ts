import { describe, expect, it } from 'vitest';
import { parseRateLimit } from './parse';
import type { HeaderInput, RateLimitState } from './types';

const now = Date.UTC(2025, 2, 14, 12, 0, 0);
const nowSeconds = now / 1000;

describe('parseRateLimit: IETF drafts', () => {
  it.each<[string, HeaderInput, RateLimitState['policies'], string[]?]>([
    [
      'draft -00…-06, three headers, reset in delta seconds',
      { 'RateLimit-Limit': '10', 'RateLimit-Remaining': '1', 'RateLimit-Reset': '7' },
      [
        {
          limit: 10,
          remaining: 1,
          resetAt: now + 7_000,
          source: 'RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset',
        },
      ],
    ],
    [
      'draft -00…-06 list form: the current limit, then its policies',
      { 'RateLimit-Limit': '100, 100;w=60', 'RateLimit-Remaining': '40', 'RateLimit-Reset': '30' },
      [
        {
          limit: 100,
          remaining: 40,
          resetAt: now + 30_000,
          windowSeconds: 60,
          source: 'RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset',
        },
      ],
    ],
    [
      'draft -00 example with several quota policies',
      { 'RateLimit-Limit': '10, 10;w=1, 50;w=60, 1000;w=3600', 'RateLimit-Remaining': '9' },
      [
        { limit: 10, remaining: 9, windowSeconds: 1, source: 'RateLimit-Limit, RateLimit-Remaining' },
        { limit: 50, windowSeconds: 60, source: 'RateLimit-Limit' },
        { limit: 1000, windowSeconds: 3600, source: 'RateLimit-Limit' },
      ],
    ],
    [
      'draft -03…-06 with a separate RateLimit-Policy',
      {
        'ratelimit-limit': '100',
        'ratelimit-remaining': '50',
        'ratelimit-reset': '5',
        'ratelimit-policy': '100;w=10',
      },
      [
        {
          limit: 100,
          remaining: 50,
          resetAt: now + 5_000,
          windowSeconds: 10,
          source: 'ratelimit-limit, ratelimit-remaining, ratelimit-reset, ratelimit-policy',
        },
      ],
    ],
    [
      'draft -07 RateLimit dictionary with RateLimit-Policy',
      { RateLimit: 'limit=100, remaining=50, reset=5', 'RateLimit-Policy': '100;w=10' },
      [
        {
          limit: 100,
          remaining: 50,
          resetAt: now + 5_000,
          windowSeconds: 10,
          source: 'RateLimit, RateLimit-Policy',
        },
      ],
    ],
    [
      'draft -08…-11 named policies matched by name',
      {
        'RateLimit-Policy': '"burst";q=100;w=60, "daily";q=1000;w=86400',
        RateLimit: '"daily";r=999;t=3600, "burst";r=50;t=30',
      },
      [
        {
          name: 'burst',
          limit: 100,
          remaining: 50,
          resetAt: now + 30_000,
          windowSeconds: 60,
          source: 'RateLimit-Policy, RateLimit',
        },
        {
          name: 'daily',
          limit: 1000,
          remaining: 999,
          resetAt: now + 3_600_000,
          windowSeconds: 86400,
          source: 'RateLimit-Policy, RateLimit',
        },
      ],
    ],
    [
      'draft -10 with partition keys and quota units',
      {
        'RateLimit-Policy': '"peruser";q=100;qu="requests";w=60;pk=:dXNlcjE=:',
        RateLimit: '"peruser";r=0;t=12;pk=:dXNlcjE=:',
      },
      [
        {
          name: 'peruser',
          limit: 100,
          remaining: 0,
          resetAt: now + 12_000,
          windowSeconds: 60,
          source: 'RateLimit-Policy, RateLimit',
        },
      ],
    ],
    [
      'a RateLimit item with no matching policy, and a policy with no RateLimit item',
      { 'RateLimit-Policy': '"hourly";q=500;w=3600', RateLimit: '"default";r=3' },
      [
        { name: 'hourly', limit: 500, windowSeconds: 3600, source: 'RateLimit-Policy' },
        { name: 'default', remaining: 3, source: 'RateLimit' },
      ],
    ],
    [
      'policy names sent as tokens rather than strings',
      { 'RateLimit-Policy': 'default;q=60;w=60', RateLimit: 'default;r=12;t=48' },
      [
        {
          name: 'default',
          limit: 60,
          remaining: 12,
          resetAt: now + 48_000,
          windowSeconds: 60,
          source: 'RateLimit-Policy, RateLimit',
        },
      ],
    ],
    [
      'RateLimit-Policy split over two header lines',
      [
        ['RateLimit-Policy', '"burst";q=10;w=1'],
        ['RateLimit-Policy', '"day";q=100;w=86400'],
        ['RateLimit', '"burst";r=9;t=1'],
      ],
      [
        {
          name: 'burst',
          limit: 10,
          remaining: 9,
          resetAt: now + 1_000,
          windowSeconds: 1,
          source: 'RateLimit-Policy, RateLimit',
        },
        { name: 'day', limit: 100, windowSeconds: 86400, source: 'RateLimit-Policy' },
      ],
    ],
    [
      'the same numbers as X-RateLimit-* and RateLimit-*, merged into one policy',
      {
        'X-RateLimit-Limit': '60',
        'X-RateLimit-Remaining': '59',
        'RateLimit-Limit': '60',
        'RateLimit-Remaining': '59',
        'RateLimit-Reset': '60',
      },
      [
        {
          limit: 60,
          remaining: 59,
          resetAt: now + 60_000,
          source:
            'X-RateLimit-Limit, X-RateLimit-Remaining, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset',
        },
      ],
    ],
  ])('%s', (_what, headers, policies, notes = []) => {
    expect(parseRateLimit(headers, now)).toEqual({ policies, notes });
  });

  it.each<[string, HeaderInput, RateLimitState['policies'], RegExp[]]>([
    [
      'a garbage RateLimit-Policy',
      { 'RateLimit-Policy': '"burst;q=100', RateLimit: '"burst";r=5' },
      [{ name: 'burst', remaining: 5, source: 'RateLimit' }],
      [
        /^RateLimit-Policy `"burst;q=100` is not a valid structured field \(an unterminated string at character 13\); ignored\.$/,
      ],
    ],
    [
      'a garbage RateLimit',
      { RateLimit: 'limit: 100' },
      [],
      [/^RateLimit `limit: 100` is not a valid structured field/],
    ],
    [
      'a negative remaining in draft -07',
      { RateLimit: 'limit=100, remaining=-3, reset=5' },
      [{ limit: 100, resetAt: now + 5_000, source: 'RateLimit' }],
      [/RateLimit remaining has -3 where a non-negative whole number belongs/],
    ],
    [
      'a string where r should be an integer',
      { RateLimit: '"burst";r="many";t=5' },
      [{ name: 'burst', resetAt: now + 5_000, source: 'RateLimit' }],
      [/policy "burst" has an invalid r/],
    ],
    [
      'a policy without a quota and a zero window',
      { 'RateLimit-Policy': '"burst";w=0' },
      [{ name: 'burst', source: 'RateLimit-Policy' }],
      [/has no valid quota \(q\)/, /window \(w\) that is not a positive whole number/],
    ],
    [
      'an epoch time sent where the draft says delta seconds',
      { 'RateLimit-Limit': '10', 'RateLimit-Reset': String(nowSeconds + 20) },
      [{ limit: 10, resetAt: now + 20_000, source: 'RateLimit-Limit, RateLimit-Reset' }],
      [/looks like an epoch time/],
    ],
    [
      'a decimal where a limit belongs',
      { 'RateLimit-Limit': '10.5' },
      [],
      [/RateLimit-Limit has 10.5 where a non-negative whole number belongs/],
    ],
  ])('ignores %s with a note', (_what, headers, policies, notes) => {
    const state = parseRateLimit(headers, now);
    expect(state.policies).toEqual(policies);
    expect(state.notes).toHaveLength(notes.length);
    notes.forEach((note, index) => expect(state.notes[index]).toMatch(note));
  });
});
