import type { RateLimitView } from '../../../shared/model/findings';
import { mostConstrained, type RateLimitSample } from '../../../shared/ratelimit';

export type GaugeLevel = 'ok' | 'low' | 'critical' | 'empty' | 'unknown';

export type GaugeModel = {
  remaining?: number;
  limit?: number;
  /** remaining / limit in [0, 1]; undefined when the API does not say. */
  ratio?: number;
  level: GaugeLevel;
  /** "150 / 200", "0 left", "≈ 249,990 / 250,000 per 60 s (estimated)", "budget 250,000 / 60 s". */
  label: string;
  /** The remaining count is Lantern's estimate (queries' estimated costs), not the server's word. */
  estimated?: boolean;
  policyName?: string;
  source?: string;
  /** Until the window resets, when the server said. */
  resetInMs?: number;
  /** Until a retry is allowed, after a 429. */
  retryInMs?: number;
  /** The last response was a 429. */
  limited: boolean;
  sinceLast429Ms?: number;
  count429: number;
};

/** Colour as it drains: more than half is fine, under a fifth is critical, nothing left is empty. */
export function levelOf(ratio: number | undefined): GaugeLevel {
  if (ratio === undefined) return 'unknown';
  if (ratio <= 0) return 'empty';
  if (ratio <= 0.2) return 'critical';
  if (ratio <= 0.5) return 'low';
  return 'ok';
}

/** When a re-send is allowed after a 429: Retry-After, else the reset, else the configured window. */
export function retryAtOf(view: RateLimitView): number | undefined {
  const last = view.history.at(-1);
  if (last?.status !== 429) return undefined;
  if (view.state.retryAt !== undefined) return view.state.retryAt;
  const reset = mostConstrained(view.state)?.resetAt;
  if (reset !== undefined) return reset;
  // A bare 429 (Totara): its window is a sliding minute unless the user set another.
  return (view.last429At ?? view.at) + (view.configuredBudget?.windowSeconds ?? 60) * 1000;
}

/**
 * Why `retryAtOf` chose its time, in words, when the server did not say it: the countdown is then
 * Lantern's assumption and must read as one. Undefined when the server gave the time.
 */
export function retryAssumptionOf(view: RateLimitView): string | undefined {
  if (view.history.at(-1)?.status !== 429) return undefined;
  if (view.state.retryAt !== undefined || mostConstrained(view.state)?.resetAt !== undefined)
    return undefined;
  return view.configuredBudget
    ? `assumed: the server gave no time, so the budget's ${view.configuredBudget.windowSeconds} s window`
    : 'assumed: the server gave no time, so a one-minute window';
}

export function gaugeModel(view: RateLimitView, nowMs: number): GaugeModel {
  const policy = mostConstrained(view.state) ?? view.state.policies[0];
  const limited = view.history.at(-1)?.status === 429;
  const model: GaugeModel = {
    level: 'unknown',
    label: '',
    limited,
    count429: view.count429,
  };
  if (view.last429At !== undefined) model.sinceLast429Ms = Math.max(0, nowMs - view.last429At);
  const retryAt = retryAtOf(view);
  if (retryAt !== undefined) model.retryInMs = Math.max(0, retryAt - nowMs);
  if (policy) {
    model.remaining = policy.remaining;
    model.limit = policy.limit;
    model.policyName = policy.name;
    model.source = policy.source;
    if (policy.resetAt !== undefined) model.resetInMs = Math.max(0, policy.resetAt - nowMs);
  }
  if (limited && model.remaining === undefined) model.remaining = 0;
  if (model.remaining !== undefined) {
    model.ratio =
      model.remaining <= 0 ? 0 : model.limit ? Math.min(1, model.remaining / model.limit) : undefined;
    model.label =
      model.limit !== undefined
        ? `${model.remaining.toLocaleString('en')} / ${model.limit.toLocaleString('en')}`
        : `${model.remaining.toLocaleString('en')} left`;
  } else if (view.budgetUse) {
    // The API says nothing: Lantern's own count of each query's estimated cost, marked as such.
    const { remaining, limit, windowSeconds } = view.budgetUse;
    model.limit = limit;
    model.remaining = remaining;
    model.estimated = true;
    model.ratio = limited || remaining <= 0 ? 0 : Math.min(1, remaining / limit);
    model.label = `≈ ${remaining.toLocaleString('en')} / ${limit.toLocaleString('en')} per ${windowSeconds} s (estimated)`;
  } else if (view.configuredBudget) {
    const { limit, windowSeconds } = view.configuredBudget;
    model.limit = limit;
    model.label = `budget ${limit.toLocaleString('en')} / ${windowSeconds} s`;
  } else {
    model.label = 'no rate-limit headers';
  }
  model.level = levelOf(model.ratio);
  return model;
}

export type Sparkline = {
  /** SVG polyline points, oldest left. */
  points: string;
  /** Where 429s happened. */
  marks: { x: number; y: number }[];
};

/**
 * The recent history as a sparkline: the remaining share of each sample (a 429 counts as empty);
 * samples that say nothing (no headers, not a 429) are left out of the line.
 */
export function sparkline(history: readonly RateLimitSample[], width: number, height: number): Sparkline {
  const usable = history
    .map((sample, index) => ({ index, ratio: sampleRatio(sample), limited: sample.status === 429 }))
    .filter(
      (point): point is { index: number; ratio: number; limited: boolean } => point.ratio !== undefined,
    );
  const span = Math.max(1, history.length - 1);
  const x = (index: number) => round((index / span) * width);
  const y = (ratio: number) => round(height - ratio * height);
  return {
    points: usable.map((p) => `${x(p.index)},${y(p.ratio)}`).join(' '),
    marks: usable.filter((p) => p.limited).map((p) => ({ x: x(p.index), y: y(p.ratio) })),
  };
}

export function sampleRatio(sample: RateLimitSample): number | undefined {
  if (sample.status === 429 || sample.remaining === 0) return 0;
  if (sample.remaining === undefined || !sample.limit) return undefined;
  return Math.max(0, Math.min(1, sample.remaining / sample.limit));
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The share left as whole percent, rounded down so a nearly full gauge never reads 100 % and a
 * nearly spent one never reads 0 % while something is left ("< 1").
 */
export function percentLeft(ratio: number | undefined): string | undefined {
  if (ratio === undefined) return undefined;
  if (ratio <= 0) return '0';
  if (ratio < 0.01) return '< 1';
  return String(Math.floor(ratio * 100));
}
