import { describe, expect, it } from 'vitest';
import { Pacer } from './pacer';

// The pacer only reads a clock: these tests move it by hand. (Its waits against a real server
// are tested in sandbox/test/lantern-cli.test.ts.)
const T0 = Date.UTC(2025, 2, 14, 12, 0, 0);
const KEY = 'api.example.com|token';

function pacerAt(start = T0, options: { windowMs?: number; maxWaitMs?: number } = {}) {
  const clock = { now: start };
  const pacer = new Pacer({
    windowMs: options.windowMs ?? 60_000,
    maxWaitMs: options.maxWaitMs ?? 120_000,
    now: () => clock.now,
  });
  return { pacer, clock };
}

const budget = (limit: number, remaining: number, reset?: number): [string, string][] => [
  ['x-ratelimit-limit', String(limit)],
  ['x-ratelimit-remaining', String(remaining)],
  ...(reset === undefined ? [] : [['x-ratelimit-reset', String(reset)] as [string, string]]),
];

describe('Pacer', () => {
  it('never waits for a key it has not heard from, nor while budget remains', () => {
    const { pacer } = pacerAt();
    expect(pacer.before(KEY)).toBeUndefined();
    pacer.after(KEY, budget(10, 3), 200);
    expect(pacer.before(KEY)).toBeUndefined();
  });

  it("waits out a 429's retry-after, to the millisecond", () => {
    const { pacer, clock } = pacerAt();
    pacer.after(KEY, [['retry-after', '2']], 429);
    expect(pacer.before(KEY)).toEqual({ waitMs: 2_000, why: 'the rate-limit budget is used up' });
    clock.now += 1_999;
    expect(pacer.before(KEY)).toEqual({ waitMs: 1, why: expect.any(String) });
    clock.now += 1;
    expect(pacer.before(KEY)).toBeUndefined();
    expect(pacer.before('another|key')).toBeUndefined();
  });

  it('waits until the announced reset, with a margin for the server clock, once the budget is spent', () => {
    const { pacer, clock } = pacerAt();
    pacer.after(KEY, budget(10, 0, T0 / 1000 + 30), 200);
    expect(pacer.before(KEY)).toMatchObject({ waitMs: 30_050 });
    clock.now += 30_050;
    expect(pacer.before(KEY)).toBeUndefined();
  });

  it('without a reset, counts the window from the first response of it', () => {
    const { pacer, clock } = pacerAt(T0, { windowMs: 1_000 });
    pacer.after(KEY, budget(3, 2), 200); // a fresh window: limit - 1 remaining
    clock.now += 300;
    pacer.after(KEY, budget(3, 1), 200);
    clock.now += 300;
    pacer.after(KEY, budget(3, 0), 200);
    expect(pacer.before(KEY)).toMatchObject({ waitMs: 1_000 - 600 + 50 });
  });

  it('refuses a wait longer than --max-wait, saying how long it would be', () => {
    const { pacer } = pacerAt(T0, { maxWaitMs: 10_000 });
    pacer.after(KEY, [['retry-after', '90']], 429);
    expect(pacer.before(KEY)).toEqual({
      refuse: 'The rate limit would need a wait of 90 s, more than --max-wait allows (10 s).',
    });
  });
});
