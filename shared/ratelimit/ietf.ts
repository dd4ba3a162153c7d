import type { HeaderBag } from './header-bag';
import { classifyReset, readCount, resetToEpochMs } from './numbers';
import { integerParam, parseSfDictionary, parseSfList, type SfItem } from './structured-field';
import type { RateLimitPolicy } from './types';

/** A quota with its window, from `100;w=60` (drafts -00…-07). */
type QuotaWindow = { quota: number; windowSeconds?: number; source: string };
/** A named policy being assembled from `RateLimit-Policy` and `RateLimit` (drafts -08…-11). */
type NamedPolicy = RateLimitPolicy & { name: string };

/**
 * The IETF httpapi rate-limit drafts, every generation of them:
 * - -00…-06: `RateLimit-Limit: 100, 100;w=60`, `RateLimit-Remaining`, `RateLimit-Reset` (delta seconds),
 *   and from -03 a separate `RateLimit-Policy: 100;w=60`;
 * - -07: `RateLimit: limit=100, remaining=50, reset=5` with `RateLimit-Policy: 100;w=10`;
 * - -08…-11: `RateLimit-Policy: "burst";q=100;w=60` and `RateLimit: "burst";r=50;t=30`, matched by name.
 */
export function parseIetfRateLimit(headers: HeaderBag, nowMs: number, notes: string[]): RateLimitPolicy[] {
  const windows: QuotaWindow[] = [];
  const named = new Map<string, NamedPolicy>();
  const policies: RateLimitPolicy[] = [];

  const policyHeader = headers.list('ratelimit-policy');
  if (policyHeader) {
    for (const item of parseListOrNote(policyHeader, notes)) {
      readPolicyItem(item, policyHeader.name, windows, named, notes);
    }
  }

  const combined = headers.list('ratelimit');
  if (combined) {
    const dictionary = parseSfDictionary(combined.value);
    const isDraft07 =
      dictionary.ok && ['limit', 'remaining', 'reset'].some((key) => dictionary.value.has(key));
    if (dictionary.ok && isDraft07) {
      const field = (key: string) => {
        const item = dictionary.value.get(key);
        return item && nonNegativeInteger(item, `${combined.name} ${key}`, notes);
      };
      const policy = quotaPolicy(
        combined.name,
        field('limit'),
        field('remaining'),
        field('reset'),
        nowMs,
        notes,
      );
      if (policy) policies.push(policy);
    } else {
      for (const item of parseListOrNote(combined, notes)) {
        readRemainingItem(item, combined.name, named, nowMs, notes);
      }
    }
  }

  const limitHeader = headers.list('ratelimit-limit');
  const remainingHeader = headers.single('ratelimit-remaining', notes);
  const resetHeader = headers.single('ratelimit-reset', notes);
  if (limitHeader || remainingHeader || resetHeader) {
    let limit: number | undefined;
    let windowSeconds: number | undefined;
    if (limitHeader) {
      const [first, ...rest] = parseListOrNote(limitHeader, notes);
      if (first) {
        limit = nonNegativeInteger(first, limitHeader.name, notes);
        windowSeconds = positiveWindow(first, limitHeader.name, notes);
      }
      for (const item of rest) readPolicyItem(item, limitHeader.name, windows, named, notes);
    }
    const remaining = remainingHeader && readCount(remainingHeader, notes);
    const reset = resetHeader && readCount(resetHeader, notes);
    const source = [limitHeader, remainingHeader, resetHeader].flatMap((h) => (h ? [h.name] : [])).join(', ');
    const policy = quotaPolicy(source, limit, remaining, reset, nowMs, notes);
    if (policy) {
      if (windowSeconds !== undefined) policy.windowSeconds = windowSeconds;
      policies.push(policy);
    }
  }

  // Give the unnamed policies their window from the quota list, and keep the other quotas too.
  for (const policy of policies) {
    const match = windows.findIndex((window) => window.quota === policy.limit);
    const window = windows[match];
    if (!window) continue;
    windows.splice(match, 1);
    if (policy.windowSeconds === undefined && window.windowSeconds !== undefined) {
      policy.windowSeconds = window.windowSeconds;
      if (!policy.source.includes(window.source)) policy.source += `, ${window.source}`;
    }
  }
  for (const window of windows) {
    const policy: RateLimitPolicy = { limit: window.quota, source: window.source };
    if (window.windowSeconds !== undefined) policy.windowSeconds = window.windowSeconds;
    policies.push(policy);
  }
  return [...policies, ...named.values()];
}

function parseListOrNote(header: { name: string; value: string }, notes: string[]): SfItem[] {
  const parsed = parseSfList(header.value);
  if (parsed.ok) return parsed.value;
  notes.push(
    `${header.name} \`${header.value}\` is not a valid structured field (${parsed.error}); ignored.`,
  );
  return [];
}

function readPolicyItem(
  item: SfItem,
  headerName: string,
  windows: QuotaWindow[],
  named: Map<string, NamedPolicy>,
  notes: string[],
): void {
  const { value } = item;
  if (value.type === 'integer') {
    const quota = nonNegativeInteger(item, headerName, notes);
    if (quota === undefined) return;
    const windowSeconds = positiveWindow(item, headerName, notes);
    windows.push(
      windowSeconds === undefined
        ? { quota, source: headerName }
        : { quota, windowSeconds, source: headerName },
    );
    return;
  }
  if (value.type !== 'string' && value.type !== 'token') {
    notes.push(`${headerName} has a ${value.type} where a policy name or quota belongs; ignored.`);
    return;
  }
  const policy = namedPolicy(named, value.value, headerName);
  const quota = integerParam(item.params, 'q');
  if (quota === undefined || quota < 0) {
    notes.push(`${headerName} policy "${value.value}" has no valid quota (q); its limit is unknown.`);
  } else {
    policy.limit = quota;
  }
  const windowSeconds = positiveWindow(item, `${headerName} policy "${value.value}"`, notes);
  if (windowSeconds !== undefined) policy.windowSeconds = windowSeconds;
}

function readRemainingItem(
  item: SfItem,
  headerName: string,
  named: Map<string, NamedPolicy>,
  nowMs: number,
  notes: string[],
): void {
  const { value } = item;
  if (value.type !== 'string' && value.type !== 'token') {
    notes.push(`${headerName} has a ${value.type} where a policy name belongs; ignored.`);
    return;
  }
  const label = `${headerName} policy "${value.value}"`;
  const remaining = item.params.get('r');
  const reset = item.params.get('t');
  const policy = namedPolicy(named, value.value, headerName);
  if (remaining === undefined) notes.push(`${label} has no remaining quota (r).`);
  else if (remaining.type !== 'integer' || remaining.value < 0)
    notes.push(`${label} has an invalid r; ignored.`);
  else policy.remaining = remaining.value;
  if (reset !== undefined) {
    if (reset.type !== 'integer' || reset.value < 0) notes.push(`${label} has an invalid t; ignored.`);
    else policy.resetAt = draftReset(reset.value, label, nowMs, notes);
  }
}

function namedPolicy(named: Map<string, NamedPolicy>, name: string, headerName: string): NamedPolicy {
  let policy = named.get(name);
  if (!policy) {
    policy = { name, source: headerName };
    named.set(name, policy);
  } else if (!policy.source.split(', ').includes(headerName)) {
    policy.source += `, ${headerName}`;
  }
  return policy;
}

function quotaPolicy(
  source: string,
  limit: number | undefined,
  remaining: number | undefined,
  reset: number | undefined,
  nowMs: number,
  notes: string[],
): RateLimitPolicy | undefined {
  if (limit === undefined && remaining === undefined && reset === undefined) return undefined;
  const policy: RateLimitPolicy = { source };
  if (limit !== undefined) policy.limit = limit;
  if (remaining !== undefined) policy.remaining = remaining;
  if (reset !== undefined) policy.resetAt = draftReset(reset, source, nowMs, notes);
  return policy;
}

/** The drafts say delta seconds; some servers send an epoch time anyway, and we can tell. */
function draftReset(value: number, label: string, nowMs: number, notes: string[]): number {
  if (classifyReset(value) !== 'delta') {
    notes.push(
      `${label} reset ${value} looks like an epoch time, not the delta seconds the draft specifies; read as a time.`,
    );
  }
  return resetToEpochMs(value, nowMs);
}

function nonNegativeInteger(item: SfItem, label: string, notes: string[]): number | undefined {
  if (item.value.type === 'integer' && item.value.value >= 0) return item.value.value;
  notes.push(`${label} has ${describeBare(item)} where a non-negative whole number belongs; ignored.`);
  return undefined;
}

function positiveWindow(item: SfItem, label: string, notes: string[]): number | undefined {
  if (!item.params.has('w')) return undefined;
  const window = integerParam(item.params, 'w');
  if (window !== undefined && window > 0) return window;
  notes.push(`${label} has a window (w) that is not a positive whole number; ignored.`);
  return undefined;
}

function describeBare(item: SfItem): string {
  const { value } = item;
  return value.type === 'integer' || value.type === 'decimal' ? `${value.value}` : `a ${value.type}`;
}
