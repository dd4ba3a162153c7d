import { describe, expect, it } from 'vitest';
import type { RateLimitView } from '../../../shared/model/findings';
import {
  gaugeModel,
  levelOf,
  percentLeft,
  retryAssumptionOf,
  retryAtOf,
  sampleRatio,
  sparkline,
} from './gauge-math';

const view = (overrides: Partial<RateLimitView> = {}): RateLimitView => ({
  key: 'api.example.com tok',
  host: 'api.example.com',
  credentialId: 'tok',
  state: { policies: [], notes: [] },
  at: 1_000,
  history: [],
  count429: 0,
  ...overrides,
});

describe('levelOf: colour as it drains', () => {
  it.each([
    [1, 'ok'],
    [0.51, 'ok'],
    [0.5, 'low'],
    [0.21, 'low'],
    [0.2, 'critical'],
    [0.01, 'critical'],
    [0, 'empty'],
    [undefined, 'unknown'],
  ] as const)('%s → %s', (ratio, level) => {
    expect(levelOf(ratio)).toBe(level);
  });
});

describe('gaugeModel', () => {
  it('remaining / limit and the reset countdown from the most constrained policy', () => {
    const model = gaugeModel(
      view({
        state: {
          policies: [
            { limit: 5000, remaining: 4000, source: 'x-ratelimit-*', resetAt: 61_000 },
            { limit: 200, remaining: 30, source: 'RateLimit', resetAt: 11_000, name: 'burst' },
          ],
          notes: [],
        },
        history: [{ at: 1_000, status: 200, remaining: 30, limit: 200 }],
      }),
      1_000,
    );
    expect(model).toMatchObject({
      remaining: 30,
      limit: 200,
      label: '30 / 200',
      level: 'critical',
      resetInMs: 10_000,
      policyName: 'burst',
      limited: false,
    });
    expect(model.ratio).toBeCloseTo(0.15);
  });

  it('a 429 with retry-after: empty, and a retry countdown', () => {
    const model = gaugeModel(
      view({
        state: {
          policies: [{ limit: 2, remaining: 0, source: 'x-ratelimit-*' }],
          retryAfterMs: 3000,
          retryAt: 4_000,
          notes: [],
        },
        history: [{ at: 1_000, status: 429, remaining: 0, limit: 2 }],
        count429: 1,
        last429At: 1_000,
      }),
      2_500,
    );
    expect(model).toMatchObject({
      label: '0 / 2',
      level: 'empty',
      retryInMs: 1_500,
      limited: true,
      sinceLast429Ms: 1_500,
    });
  });

  it('Totara: no headers, a configured budget, a bare 429 waits one window', () => {
    const totara = view({
      history: [{ at: 1_000, status: 429 }],
      count429: 1,
      last429At: 1_000,
      configuredBudget: { limit: 250_000, windowSeconds: 60 },
    });
    expect(retryAtOf(totara)).toBe(61_000);
    const model = gaugeModel(totara, 31_000);
    expect(model).toMatchObject({ remaining: 0, level: 'empty', retryInMs: 30_000, sinceLast429Ms: 30_000 });
  });

  it('Totara before any 429: the budget, nothing invented', () => {
    const model = gaugeModel(
      view({ history: [{ at: 1, status: 200 }], configuredBudget: { limit: 250_000, windowSeconds: 60 } }),
      5,
    );
    expect(model).toMatchObject({ label: 'budget 250,000 / 60 s', level: 'unknown', limited: false });
    expect(model.remaining).toBeUndefined();
    expect(model.retryInMs).toBeUndefined();
  });

  it('Totara with queries sent: the budget drains by their estimated cost, marked as an estimate', () => {
    const model = gaugeModel(
      view({
        history: [{ at: 1, status: 200, remaining: 8, limit: 20, estimated: true }],
        configuredBudget: { limit: 20, windowSeconds: 30 },
        budgetUse: { spent: 12, remaining: 8, limit: 20, windowSeconds: 30 },
      }),
      5,
    );
    expect(model).toMatchObject({
      label: '≈ 8 / 20 per 30 s (estimated)',
      estimated: true,
      ratio: 0.4,
      level: 'low',
    });
  });

  it('no headers and no budget says so', () => {
    expect(gaugeModel(view(), 0).label).toBe('no rate-limit headers');
  });

  it('a retry time already past counts as 0', () => {
    const past = view({
      state: { policies: [], retryAt: 500, notes: [] },
      history: [{ at: 1, status: 429 }],
    });
    expect(gaugeModel(past, 9_000).retryInMs).toBe(0);
  });
});

describe('sparkline', () => {
  it('plots the remaining share oldest left; 429s are marked at the bottom; mute samples skipped', () => {
    const line = sparkline(
      [
        { at: 1, remaining: 200, limit: 200 },
        { at: 2, status: 200 },
        { at: 3, remaining: 100, limit: 200 },
        { at: 4, status: 429 },
      ],
      30,
      10,
    );
    expect(line.points).toBe('0,0 20,5 30,10');
    expect(line.marks).toEqual([{ x: 30, y: 10 }]);
  });

  it('one sample and none', () => {
    expect(sparkline([{ at: 1, remaining: 1, limit: 2 }], 10, 10).points).toBe('0,5');
    expect(sparkline([], 10, 10)).toEqual({ points: '', marks: [] });
  });

  it('sampleRatio clamps and treats a limit of 0 as unknown', () => {
    expect(sampleRatio({ at: 0, remaining: 5, limit: 0 })).toBeUndefined();
    expect(sampleRatio({ at: 0, remaining: 9, limit: 3 })).toBe(1);
  });
});

describe('percentLeft: never rounds up to full or down to empty', () => {
  it.each([
    [199 / 200, '99'],
    [1, '100'],
    [0.5, '50'],
    [0.004, '< 1'],
    [0, '0'],
    [undefined, undefined],
  ] as const)('%s → %s', (ratio, text) => {
    expect(percentLeft(ratio)).toBe(text);
  });
});

describe('retryAssumptionOf', () => {
  const bare = (extra: Partial<RateLimitView> = {}): RateLimitView => ({
    key: 'k',
    host: 'h',
    state: { policies: [], notes: [] },
    at: 0,
    history: [{ at: 0, status: 429 }],
    count429: 1,
    last429At: 0,
    ...extra,
  });

  it('says the countdown is assumed when the server gave no time', () => {
    expect(retryAssumptionOf(bare())).toBe('assumed: the server gave no time, so a one-minute window');
    expect(retryAssumptionOf(bare({ configuredBudget: { limit: 10, windowSeconds: 30 } }))).toMatch(
      /budget's 30 s window/,
    );
  });

  it('says nothing when the server gave Retry-After', () => {
    expect(retryAssumptionOf(bare({ state: { policies: [], notes: [], retryAt: 5_000 } }))).toBeUndefined();
  });
});
