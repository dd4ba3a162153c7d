import { describe, expect, it } from 'vitest';
import { parseRateLimit } from './parse';
import { RateLimitTracker, rateLimitKey } from './tracker';

const t0 = Date.UTC(2025, 2, 14, 12, 0, 0);
const github = rateLimitKey('API.GitHub.com', 'cred-personal');
const totara = rateLimitKey('learn.example.ac.uk', 'cred-ws-token');

const githubState = (remaining: number, at: number) =>
  parseRateLimit(
    {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': String(t0 / 1000 + 3600),
      'x-ratelimit-resource': 'core',
    },
    at,
  );

describe('rateLimitKey', () => {
  it.each([
    ['api.github.com', 'cred-1', 'api.github.com cred-1'],
    [' API.GitHub.com ', 'cred-1', 'api.github.com cred-1'],
    ['api.github.com', undefined, 'api.github.com (no credential)'],
  ])('%s + %s', (host, credential, expected) => {
    expect(rateLimitKey(host, credential)).toBe(expected);
  });
});

describe('RateLimitTracker', () => {
  it('records samples per key, keeps the latest state, and separates credentials', () => {
    const tracker = new RateLimitTracker();
    tracker.record(github, { at: t0, status: 200, state: githubState(4999, t0) });
    tracker.record(github, { at: t0 + 1000, status: 200, state: githubState(4998, t0 + 1000) });
    tracker.record(rateLimitKey('api.github.com', 'cred-bot'), {
      at: t0,
      status: 200,
      state: githubState(10, t0),
    });

    const record = tracker.get(github);
    expect(record?.history).toEqual([
      { at: t0, status: 200, remaining: 4999, limit: 5000, policyName: 'core' },
      { at: t0 + 1000, status: 200, remaining: 4998, limit: 5000, policyName: 'core' },
    ]);
    expect(record?.latest?.policies[0]?.remaining).toBe(4998);
    expect(record?.latestAt).toBe(t0 + 1000);
    expect(tracker.keys()).toEqual([github, 'api.github.com cred-bot']);
  });

  it('keeps only the last N samples for the sparkline', () => {
    const tracker = new RateLimitTracker({ historyLimit: 50 });
    for (let i = 0; i < 120; i += 1)
      tracker.record(github, { at: t0 + i, state: githubState(5000 - i, t0 + i) });
    const history = tracker.get(github)?.history ?? [];
    expect(history).toHaveLength(50);
    expect(history[0]?.remaining).toBe(5000 - 70);
    expect(history[49]?.remaining).toBe(5000 - 119);
  });

  it('keeps history in time order when responses finish out of order, and the latest state by time', () => {
    const tracker = new RateLimitTracker();
    tracker.record(github, { at: t0 + 2000, state: githubState(3, t0 + 2000) });
    tracker.record(github, { at: t0, state: githubState(5, t0) });
    const record = tracker.get(github);
    expect(record?.history.map((sample) => sample.at)).toEqual([t0, t0 + 2000]);
    expect(record?.latest?.policies[0]?.remaining).toBe(3);
  });

  it('learns from 429s alone for an API that sends no headers (Totara)', () => {
    const tracker = new RateLimitTracker();
    expect(tracker.timeSinceLast429(totara, t0)).toBeUndefined();
    tracker.record(totara, { at: t0, status: 200, state: parseRateLimit({}, t0, 200) });
    tracker.record(totara, { at: t0 + 5_000, status: 429, state: parseRateLimit({}, t0 + 5_000, 429) });
    tracker.record429(totara, t0 + 9_000);

    const record = tracker.get(totara);
    expect(record?.count429).toBe(2);
    expect(record?.last429At).toBe(t0 + 9_000);
    expect(tracker.timeSinceLast429(totara, t0 + 60_000)).toBe(51_000);
    expect(record?.history.map((sample) => sample.status)).toEqual([200, 429, 429]);
  });

  it('does not move last429At backwards for a late-arriving older 429', () => {
    const tracker = new RateLimitTracker();
    tracker.record429(totara, t0 + 10_000);
    tracker.record429(totara, t0);
    expect(tracker.get(totara)).toMatchObject({ count429: 2, last429At: t0 + 10_000 });
    expect(tracker.timeSinceLast429(totara, t0)).toBe(0);
  });

  it('records Retry-After in the sample', () => {
    const tracker = new RateLimitTracker();
    tracker.record(github, { at: t0, status: 429, state: parseRateLimit({ 'Retry-After': '60' }, t0, 429) });
    expect(tracker.get(github)?.history[0]).toEqual({ at: t0, status: 429, retryAfterMs: 60_000 });
  });

  it('attaches and removes a configured budget', () => {
    const tracker = new RateLimitTracker();
    tracker.setConfiguredBudget(totara, { limit: 100, windowSeconds: 60, note: 'From the site admin' });
    expect(tracker.get(totara)?.configuredBudget).toEqual({
      limit: 100,
      windowSeconds: 60,
      note: 'From the site admin',
    });
    tracker.setConfiguredBudget(totara, undefined);
    expect(tracker.get(totara)?.configuredBudget).toBeUndefined();
  });

  it('hands out copies that cannot change what it remembers', () => {
    const tracker = new RateLimitTracker();
    tracker.record429(totara, t0);
    const copy = tracker.get(totara);
    copy?.history.push({ at: 0 });
    if (copy) copy.count429 = 99;
    expect(tracker.get(totara)).toMatchObject({ count429: 1, history: [{ at: t0, status: 429 }] });
  });

  it('forgets a key', () => {
    const tracker = new RateLimitTracker();
    tracker.record429(totara, t0);
    tracker.forget(totara);
    expect(tracker.get(totara)).toBeUndefined();
    expect(tracker.keys()).toEqual([]);
  });
});

describe('a configured budget drained by estimated costs', () => {
  it('weighs the previous minute by the part of it still in the sliding window, as Totara does', () => {
    const tracker = new RateLimitTracker();
    tracker.setConfiguredBudget('k', { limit: 30, windowSeconds: 60 });
    tracker.record('k', { at: 0, status: 200, cost: 12 });
    tracker.record('k', { at: 10_000, status: 200, cost: 12 });
    expect(tracker.budgetUse('k', 10_000)).toEqual({ spent: 24, remaining: 6, limit: 30, windowSeconds: 60 });
    expect(tracker.get('k')?.history.at(-1)).toMatchObject({ remaining: 6, limit: 30, estimated: true });
    // 15 s into the next minute: previous × (60 − 15)/60 + current = 24 × 0.75 + 0.
    expect(tracker.budgetUse('k', 75_000)).toMatchObject({ spent: 18, remaining: 12 });
    tracker.record('k', { at: 75_000, status: 200, cost: 5 });
    expect(tracker.budgetUse('k', 75_000)).toMatchObject({ spent: 23, remaining: 7 });
    // Two minutes on, the first minute no longer counts at all.
    expect(tracker.budgetUse('k', 120_000)).toMatchObject({ spent: 5, remaining: 25 });
    expect(tracker.budgetUse('k', 180_000)).toMatchObject({ spent: 0, remaining: 30 });
  });

  it('charges nothing for a query the server refused without running it', () => {
    const tracker = new RateLimitTracker();
    tracker.setConfiguredBudget('k', { limit: 30, windowSeconds: 60 });
    tracker.record('k', { at: 1_000, status: 401, cost: 12 });
    tracker.record('k', { at: 2_000, status: 400, cost: 12 });
    tracker.record('k', { at: 3_000, status: 429, cost: 12 });
    expect(tracker.budgetUse('k', 3_000)).toBeUndefined();
    tracker.record('k', { at: 4_000, status: 200, cost: 12 });
    expect(tracker.budgetUse('k', 4_000)).toMatchObject({ spent: 12, remaining: 18 });
  });

  it('counts nothing without a budget, and never goes below zero', () => {
    const tracker = new RateLimitTracker();
    tracker.record('k', { at: 0, status: 200, cost: 12 });
    expect(tracker.budgetUse('k', 0)).toBeUndefined();
    tracker.setConfiguredBudget('k', { limit: 10, windowSeconds: 60 });
    tracker.record('k', { at: 1, status: 200, cost: 25 });
    expect(tracker.budgetUse('k', 1)).toMatchObject({ spent: 25, remaining: 0 });
  });
});
