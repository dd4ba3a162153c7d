import { endpointOf } from '../../../shared/diagnose/facts';
import type { ConfiguredBudget, RateLimitState } from '../../../shared/ratelimit';
import { parseRateLimit, RateLimitTracker, rateLimitKey } from '../../../shared/ratelimit';
import type { RateLimitView } from '../../../shared/model/findings';

/** Totara's default per-client budget (API-BEHAVIOUR.md §1, "Limits"): it sends no headers to say so. */
export const TOTARA_DEFAULT_BUDGET: ConfiguredBudget = {
  limit: 250_000,
  windowSeconds: 60,
  note: "Totara's default client rate limit (complexity points per minute). Set your site's own if it differs.",
};

type Owner = { host: string; credentialId?: string; credentialLabel?: string; budgetIsDefault?: boolean };

export function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}

/**
 * Rate limits per host + credential, over time, on the main side: every response of the send
 * pipeline is recorded here, and the renderer reads it back for gauges and sparklines.
 */
export class RateLimitService {
  private readonly tracker = new RateLimitTracker({ historyLimit: 60 });
  private readonly owners = new Map<string, Owner>();
  /** Budgets the user set, by key, kept so a forgotten record still finds them. */
  private readonly budgets = new Map<string, ConfiguredBudget>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Records one response and returns the view of its host + credential after it. */
  record(response: {
    url: string;
    credentialId?: string;
    credentialLabel?: string;
    status: number;
    headers: [string, string][];
    at?: number;
    /** What the request cost in a budget API (Totara's complexity points), as Lantern estimates it. */
    cost?: number;
  }): RateLimitView {
    const at = response.at ?? this.now();
    const host = hostOf(response.url);
    const key = rateLimitKey(host, response.credentialId);
    const state: RateLimitState = parseRateLimit(response.headers, at, response.status);
    if (!this.owners.has(key)) this.owners.set(key, { host, credentialId: response.credentialId });
    const owner = this.owners.get(key) as Owner;
    if (response.credentialLabel) owner.credentialLabel = response.credentialLabel;
    if (
      !this.budgets.has(key) &&
      endpointOf(response.url) === 'totara-graphql' &&
      state.policies.length === 0
    ) {
      this.tracker.setConfiguredBudget(key, TOTARA_DEFAULT_BUDGET);
      owner.budgetIsDefault = true;
    }
    this.tracker.record(key, {
      at,
      status: response.status,
      state,
      ...(response.cost !== undefined ? { cost: response.cost } : {}),
    });
    return this.view(key, at) as RateLimitView;
  }

  /** The budget for an API without headers; undefined removes the user's budget. */
  setBudget(host: string, credentialId: string | undefined, budget: ConfiguredBudget | undefined) {
    const key = rateLimitKey(host, credentialId);
    if (!this.owners.has(key)) this.owners.set(key, { host: host.toLowerCase(), credentialId });
    const owner = this.owners.get(key) as Owner;
    if (budget) this.budgets.set(key, budget);
    else this.budgets.delete(key);
    owner.budgetIsDefault = false;
    this.tracker.setConfiguredBudget(key, budget);
    return this.view(key) as RateLimitView;
  }

  budgetFor(host: string, credentialId?: string): ConfiguredBudget | undefined {
    return this.tracker.get(rateLimitKey(host, credentialId))?.configuredBudget;
  }

  /** Every tracked host + credential, or those matching the filter; most recent first. */
  list(filter: { host?: string; credentialId?: string } = {}): RateLimitView[] {
    return this.tracker
      .keys()
      .map((key) => this.view(key))
      .filter((view): view is RateLimitView => view !== undefined)
      .filter((view) => filter.host === undefined || view.host === filter.host.toLowerCase())
      .filter((view) => filter.credentialId === undefined || view.credentialId === filter.credentialId)
      .sort((a, b) => b.at - a.at);
  }

  private view(key: string, nowMs = this.now()): RateLimitView | undefined {
    const record = this.tracker.get(key);
    const owner = this.owners.get(key);
    if (!record || !owner) return undefined;
    const view: RateLimitView = {
      key,
      host: owner.host,
      state: record.latest ?? { policies: [], notes: [] },
      at: record.latestAt ?? record.history.at(-1)?.at ?? 0,
      history: record.history,
      count429: record.count429,
    };
    if (owner.credentialId !== undefined) view.credentialId = owner.credentialId;
    if (owner.credentialLabel !== undefined) view.credentialLabel = owner.credentialLabel;
    if (record.last429At !== undefined) view.last429At = record.last429At;
    if (record.configuredBudget) {
      view.configuredBudget = record.configuredBudget;
      view.budgetIsDefault = owner.budgetIsDefault === true;
      const use = this.tracker.budgetUse(key, nowMs);
      if (use) view.budgetUse = use;
    }
    return view;
  }
}
