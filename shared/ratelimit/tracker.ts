import { mostConstrained } from './parse';
import type { RateLimitState } from './types';

/** One point of a sparkline: the most constrained policy at that moment. */
export type RateLimitSample = {
  at: number;
  status?: number;
  remaining?: number;
  limit?: number;
  policyName?: string;
  retryAfterMs?: number;
  /** `remaining` is Lantern's estimate (a budget drained by each query's estimated cost), not the server's word. */
  estimated?: boolean;
};

/** A budget the user configured for an API that sends no rate-limit headers (Totara). */
export type ConfiguredBudget = { limit: number; windowSeconds: number; note?: string };

export type RateLimitKeyRecord = {
  key: string;
  latest?: RateLimitState;
  latestAt?: number;
  /** Oldest first, at most `historyLimit` samples. */
  history: RateLimitSample[];
  last429At?: number;
  count429: number;
  configuredBudget?: ConfiguredBudget;
  /** What the answered requests cost in the budget's last two windows, by Lantern's estimate. */
  spends?: { at: number; cost: number }[];
};

/** A budget's use over its window, as Lantern estimates it from each query's cost. */
export type BudgetUse = { spent: number; remaining: number; limit: number; windowSeconds: number };

export const DEFAULT_HISTORY_LIMIT = 50;

/** Limits are per credential as much as per host: two tokens on one host have two budgets. */
export function rateLimitKey(host: string, credentialId?: string): string {
  return `${host.trim().toLowerCase()} ${credentialId ?? '(no credential)'}`;
}

/**
 * Remembers rate-limit states per key over time. Pure: every time is passed in, nothing
 * reads a clock, so it runs the same in tests, the main process or a worker.
 */
export class RateLimitTracker {
  private readonly records = new Map<string, RateLimitKeyRecord>();
  private readonly historyLimit: number;

  constructor(options: { historyLimit?: number } = {}) {
    this.historyLimit = Math.max(1, options.historyLimit ?? DEFAULT_HISTORY_LIMIT);
  }

  /**
   * Records one response: its parsed state if any, and its status (a 429 counts as one). `cost` is
   * what the request cost in a configured budget (Totara's complexity points), estimated by Lantern.
   */
  record(
    key: string,
    response: { at: number; status?: number; state?: RateLimitState; cost?: number },
  ): void {
    const record = this.recordFor(key);
    const { at, status, state, cost } = response;
    const sample: RateLimitSample = { at };
    if (status !== undefined) sample.status = status;
    // Only an answered query costs points: a refused one (401, 400, 429) was not run.
    const answered = status === undefined || (status >= 200 && status < 300);
    if (cost !== undefined && answered && record.configuredBudget) {
      (record.spends ??= []).push({ at, cost });
      const use = this.budgetUse(key, at);
      if (use) Object.assign(sample, { remaining: use.remaining, limit: use.limit, estimated: true });
    }
    if (state) {
      const policy = mostConstrained(state);
      if (policy?.remaining !== undefined) sample.remaining = policy.remaining;
      if (policy?.limit !== undefined) sample.limit = policy.limit;
      if (policy?.name !== undefined) sample.policyName = policy.name;
      if (state.retryAfterMs !== undefined) sample.retryAfterMs = state.retryAfterMs;
      if (record.latestAt === undefined || at >= record.latestAt) {
        record.latest = state;
        record.latestAt = at;
      }
    }
    // Responses can finish out of order; keep the history sorted by time.
    let index = record.history.length;
    while (index > 0 && (record.history[index - 1]?.at ?? 0) > at) index -= 1;
    record.history.splice(index, 0, sample);
    if (record.history.length > this.historyLimit)
      record.history.splice(0, record.history.length - this.historyLimit);

    if (status === 429) {
      record.count429 += 1;
      if (record.last429At === undefined || at > record.last429At) record.last429At = at;
    }
  }

  /**
   * The configured budget's use at `nowMs`, estimated from each query's cost the way Totara counts
   * it: fixed windows (minutes), the previous one weighted by the part of it still inside the
   * sliding window, `previous × (window − elapsed) / window + current`. Undefined without a budget
   * or any cost recorded. Window boundaries are taken on the clock's whole windows: the server's
   * own are not visible, so this stays an estimate.
   */
  budgetUse(key: string, nowMs: number): BudgetUse | undefined {
    const record = this.records.get(key);
    const budget = record?.configuredBudget;
    if (!record || !budget || !record.spends) return undefined;
    const windowMs = budget.windowSeconds * 1000;
    const currentStart = Math.floor(nowMs / windowMs) * windowMs;
    const previousStart = currentStart - windowMs;
    record.spends = record.spends.filter((spend) => spend.at >= previousStart);
    let previous = 0;
    let current = 0;
    for (const spend of record.spends) {
      if (spend.at > nowMs) continue;
      if (spend.at >= currentStart) current += spend.cost;
      else previous += spend.cost;
    }
    const spent = Math.round((previous * (windowMs - (nowMs - currentStart))) / windowMs + current);
    return {
      spent,
      remaining: Math.max(0, budget.limit - spent),
      limit: budget.limit,
      windowSeconds: budget.windowSeconds,
    };
  }

  /** For APIs with no headers at all: a 429 is all there is to learn from. */
  record429(key: string, at: number): void {
    this.record(key, { at, status: 429 });
  }

  setConfiguredBudget(key: string, budget: ConfiguredBudget | undefined): void {
    const record = this.recordFor(key);
    if (budget) record.configuredBudget = { ...budget };
    else delete record.configuredBudget;
  }

  /** A copy: callers cannot change the tracker's memory through it. */
  get(key: string): RateLimitKeyRecord | undefined {
    const record = this.records.get(key);
    if (!record) return undefined;
    const copy: RateLimitKeyRecord = { ...record, history: record.history.map((sample) => ({ ...sample })) };
    if (record.spends) copy.spends = record.spends.map((spend) => ({ ...spend }));
    if (record.configuredBudget) copy.configuredBudget = { ...record.configuredBudget };
    return copy;
  }

  /** Milliseconds since the last 429 for the key, or undefined if there was none. */
  timeSinceLast429(key: string, nowMs: number): number | undefined {
    const last = this.records.get(key)?.last429At;
    return last === undefined ? undefined : Math.max(0, nowMs - last);
  }

  keys(): string[] {
    return [...this.records.keys()];
  }

  forget(key: string): void {
    this.records.delete(key);
  }

  private recordFor(key: string): RateLimitKeyRecord {
    let record = this.records.get(key);
    if (!record) {
      record = { key, history: [], count429: 0 };
      this.records.set(key, record);
    }
    return record;
  }
}
