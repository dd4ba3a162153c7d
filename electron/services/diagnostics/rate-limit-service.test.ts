import { describe, expect, it } from 'vitest';
import { RateLimitService, TOTARA_DEFAULT_BUDGET } from './rate-limit-service';

const headers = (remaining: number, limit = 200): [string, string][] => [
  ['x-ratelimit-limit', String(limit)],
  ['x-ratelimit-remaining', String(remaining)],
];

describe('RateLimitService', () => {
  it('keeps one record per host + credential, with a history for the sparkline', () => {
    const service = new RateLimitService(() => 0);
    service.record({
      url: 'https://api.ihasco.co.uk/users',
      credentialId: 'a',
      status: 200,
      headers: headers(199),
      at: 1,
    });
    service.record({
      url: 'https://API.ihasco.co.uk/users?page=2',
      credentialId: 'a',
      status: 200,
      headers: headers(198),
      at: 2,
    });
    const other = service.record({
      url: 'https://api.ihasco.co.uk/users',
      credentialId: 'b',
      status: 200,
      headers: headers(150),
      at: 3,
    });
    expect(other.history).toHaveLength(1);
    const [first] = service.list({ credentialId: 'a' });
    expect(first?.host).toBe('api.ihasco.co.uk');
    expect(first?.history.map((s) => s.remaining)).toEqual([199, 198]);
    expect(first?.state.policies[0]).toMatchObject({ limit: 200, remaining: 198 });
    expect(service.list()).toHaveLength(2);
    expect(service.list({ host: 'elsewhere.example' })).toEqual([]);
  });

  it('a 429 with retry-after is counted, timed and carries when to retry', () => {
    const service = new RateLimitService();
    const view = service.record({
      url: 'http://127.0.0.1:4000/ihasco/users',
      credentialId: 'tok',
      status: 429,
      headers: [...headers(0, 2), ['retry-after', '3']],
      at: 10_000,
    });
    expect(view.count429).toBe(1);
    expect(view.last429At).toBe(10_000);
    expect(view.state.retryAt).toBe(13_000);
    expect(view.history.at(-1)).toMatchObject({ status: 429, remaining: 0, retryAfterMs: 3000 });
  });

  it('Totara GraphQL without headers gets the default budget until the user sets one', () => {
    const service = new RateLimitService();
    const url = 'https://lms.example.com/api/graphql.php';
    const first = service.record({ url, credentialId: 'c', status: 429, headers: [], at: 5 });
    expect(first.configuredBudget).toEqual(TOTARA_DEFAULT_BUDGET);
    expect(first.budgetIsDefault).toBe(true);
    expect(first.state.notes.join(' ')).toMatch(/without any rate-limit header/);
    const set = service.setBudget('lms.example.com', 'c', { limit: 100_000, windowSeconds: 60 });
    expect(set.configuredBudget).toEqual({ limit: 100_000, windowSeconds: 60 });
    expect(set.budgetIsDefault).toBe(false);
    const after = service.record({ url, credentialId: 'c', status: 200, headers: [], at: 6 });
    expect(after.configuredBudget?.limit).toBe(100_000);
    expect(service.budgetFor('lms.example.com', 'c')?.limit).toBe(100_000);
  });

  it('APIs that are not Totara get no invented budget', () => {
    const service = new RateLimitService();
    const view = service.record({ url: 'https://x.example/a', status: 200, headers: [], at: 1 });
    expect(view.configuredBudget).toBeUndefined();
    expect(view.credentialId).toBeUndefined();
  });
});
