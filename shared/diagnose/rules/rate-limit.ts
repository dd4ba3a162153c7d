import { excerpt, isRecord } from '../facts';
import type { Facts } from '../facts';
import { parseRateLimit } from '../../ratelimit';
import type { RateLimitState } from '../../ratelimit';
import type { Evidence, Finding } from '../types';

/** 429s: Totara's silent complexity budget, and REST limits with headers (API-BEHAVIOUR §6 scenarios 13 and 21). */
export function rateLimitFindings(facts: Facts): Finding[] {
  if (facts.status !== 429) return [];
  const state: RateLimitState =
    facts.input.rateLimit ?? parseRateLimit(facts.responseHeaders, facts.nowMs, 429);
  const evidence: Evidence[] = [{ kind: 'status', value: '429' }];
  const message =
    isRecord(facts.json) && typeof facts.json.message === 'string' ? facts.json.message : undefined;
  const hasHeaders = state.policies.length > 0 || state.retryAfterMs !== undefined;
  if (!hasHeaders && facts.serverIs.totara) {
    const budget = facts.input.context?.configuredBudget;
    const configured = budget
      ? ` The budget you configured for this site is ${budget.limit.toLocaleString('en')} points per ${budget.windowSeconds} s.`
      : ' Defaults: 250,000 points per client and 500,000 per site.';
    return [
      {
        id: 'totara.rate-limit.budget',
        severity: 'error',
        title: "The client's per-minute budget is spent",
        explanation: `Totara limits each API client to a number of complexity points per minute, counted over a sliding 60-second window, and says so with a bare 429: no Retry-After, no rate-limit headers.${configured}`,
        // The same window the gauge counts down (renderer/features/rate-limit/gauge-math.ts retryAtOf).
        fix: `Wait about ${budget?.windowSeconds ?? 60} seconds (the budget's window) before sending again, then send fewer or cheaper queries (smaller pages, fewer fields), spread over time.`,
        evidence: [
          ...evidence,
          { kind: 'response-body', name: 'errors[0].message', value: 'Too many requests' },
        ],
      },
    ];
  }
  if (!hasHeaders) {
    return [
      {
        id: 'http.rate-limit.no-headers',
        severity: 'error',
        title: 'Too many requests, and no hint of when to retry',
        explanation: `The server refused the request for going over a rate limit, without Retry-After or rate-limit headers${message ? ` ("${excerpt(message, 80)}")` : ''}.`,
        fix: 'Wait a minute before trying again, and slow down: space requests out or send fewer of them. The API documentation should give the limit.',
        evidence,
      },
    ];
  }
  const waitSeconds =
    state.retryAfterMs !== undefined ? Math.max(0, Math.ceil(state.retryAfterMs / 1000)) : undefined;
  for (const [name, value] of facts.responseHeaders) {
    if (/^(retry-after|x-ratelimit-|ratelimit)/i.test(name))
      evidence.push({ kind: 'response-header', name, value });
  }
  const policy = state.policies.find((p) => p.remaining !== undefined);
  const remaining = policy
    ? ` ${policy.source} says ${policy.remaining} request${policy.remaining === 1 ? '' : 's'} remain${policy.limit !== undefined ? ` of ${policy.limit}` : ''}.`
    : '';
  return [
    {
      id: 'rest.rate-limit',
      severity: 'error',
      title:
        waitSeconds !== undefined ? `Rate limit reached: retry in ${waitSeconds} s` : 'Rate limit reached',
      explanation: `The API allows a fixed number of requests per token per window (iHASCO: 200 per minute), and this token has used them up.${remaining}`,
      fix:
        waitSeconds !== undefined
          ? `Wait ${waitSeconds} seconds (the retry-after header) before sending again; watch x-ratelimit-remaining to slow down before it reaches 0.`
          : 'Wait until the window resets, then slow down; watch x-ratelimit-remaining.',
      evidence,
    },
  ];
}
