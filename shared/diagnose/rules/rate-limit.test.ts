import { describe, expect, it } from 'vitest';
import { exchange, findingOf, idsOf, NOW, REST_URL, transportError } from '../test-support';

const restHeaders = (retryAfter: string): [string, string][] => [
  ['content-type', 'application/json'],
  ['cache-control', 'no-cache, private'],
  ['x-ratelimit-limit', '200'],
  ['x-ratelimit-remaining', '0'],
  ['retry-after', retryAfter],
  ['x-ratelimit-reset', String(Math.ceil(NOW / 1000) + Number(retryAfter))],
];

describe('rate limits (scenarios 13 and 21)', () => {
  it('explains a bare Totara 429 as the per-minute budget (scenario 13)', () => {
    const input = {
      exchange: exchange({
        status: 429,
        body: transportError('Too many requests'),
        headers: [['content-type', 'application/json; charset=utf-8']],
      }),
      context: { configuredBudget: { limit: 250_000, windowSeconds: 60 } },
    };
    expect(idsOf(input)).toEqual(['totara.rate-limit.budget']);
    const finding = findingOf(input, 'totara.rate-limit.budget');
    expect(finding.fix).toMatch(/60 seconds/);
    expect(finding.explanation).toMatch(/250,000 points per 60 s/);
    // A configured window: the advice follows it (and so agrees with the gauge's countdown).
    const thirty = { ...input, context: { configuredBudget: { limit: 20, windowSeconds: 30 } } };
    expect(findingOf(thirty, 'totara.rate-limit.budget').fix).toMatch(
      /Wait about 30 seconds \(the budget's window\)/,
    );
  });

  it('reads retry-after and x-ratelimit-remaining on a REST 429 (scenario 21)', () => {
    const input = {
      exchange: exchange({
        method: 'GET',
        url: `${REST_URL}/users`,
        status: 429,
        headers: restHeaders('42'),
        body: '{"message":"Too Many Attempts."}',
      }),
    };
    expect(idsOf(input)).toEqual(['rest.rate-limit']);
    const finding = findingOf(input, 'rest.rate-limit');
    expect(finding.title).toBe('Rate limit reached: retry in 42 s');
    expect(finding.explanation).toMatch(/0 requests remain of 200/);
    expect(finding.evidence.map((e) => e.name)).toContain('retry-after');
  });

  it('uses a rate-limit state given by the caller', () => {
    const input = {
      exchange: exchange({ url: `${REST_URL}/users`, status: 429, headers: [], body: '' }),
      rateLimit: { policies: [], retryAfterMs: 5_000, notes: [] },
    };
    expect(findingOf(input, 'rest.rate-limit').title).toMatch(/5 s/);
  });

  it('says so when another API sends a 429 with no hint', () => {
    const input = {
      exchange: exchange({
        url: 'https://api.example.org/v1/x',
        status: 429,
        headers: [],
        body: 'slow down',
      }),
    };
    expect(idsOf(input)).toEqual(['http.rate-limit.no-headers']);
  });
});
