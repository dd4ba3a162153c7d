import { EPOCH_SECONDS_THRESHOLD, parseRateLimit, parseRetryAfter, type RateLimitPolicy } from '../ratelimit';
import type { HeaderContext, HeaderExplanation } from './types';
import { formatDuration, formatUtc, relativeTime } from './words';

const count = (value: number) => value.toLocaleString('en-US');
const requests = (value: number) => `${count(value)} request${value === 1 ? '' : 's'}`;

/** "4,999 of 5,000 requests left per 1 h; the window resets in 47 min (…)". */
function describePolicy(policy: RateLimitPolicy, nowMs: number): string {
  const parts: string[] = [];
  if (policy.remaining !== undefined && policy.limit !== undefined) {
    parts.push(`${count(policy.remaining)} of ${requests(policy.limit)} left`);
  } else if (policy.remaining !== undefined) {
    parts.push(`${requests(policy.remaining)} left`);
  } else if (policy.limit !== undefined) {
    parts.push(`${requests(policy.limit)} allowed`);
  }
  if (policy.windowSeconds !== undefined) parts.push(`per ${formatDuration(policy.windowSeconds * 1000)}`);
  let text = parts.join(' ');
  if (policy.resetAt !== undefined) {
    const when = resetInWords(policy.resetAt, nowMs);
    text = text ? `${text}; ${when}` : when;
  }
  return `${policy.name ? `"${policy.name}": ` : ''}${text}`;
}

function resetInWords(resetAt: number, nowMs: number): string {
  return resetAt <= nowMs
    ? 'the window has already reset'
    : `the window resets ${relativeTime(resetAt, nowMs)} (${formatUtc(resetAt)})`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The sentence that leads with this header's own value. */
function leadSentence(
  lower: string,
  value: string,
  policy: RateLimitPolicy | undefined,
  nowMs: number,
): string {
  const trimmed = value.trim();
  const number = /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
  if (lower.endsWith('-limit') && number !== undefined) return `At most ${requests(number)} per window.`;
  if (lower.endsWith('-remaining') && number !== undefined) {
    return number === 0 ? 'No requests left in this window.' : `${requests(number)} left in this window.`;
  }
  if (lower.endsWith('-used') && number !== undefined)
    return `${requests(number)} used so far in this window.`;
  if (lower.endsWith('-resource')) return `These numbers are for the "${trimmed}" budget.`;
  if (lower.endsWith('-reset') && policy?.resetAt !== undefined)
    return `${capitalise(resetInWords(policy.resetAt, nowMs))}.`;
  return '';
}

/** Rate-limit headers, read together through shared/ratelimit so each one is told in context. */
export function explainRateLimit(name: string, value: string, context: HeaderContext): HeaderExplanation {
  const nowMs = context.nowMs ?? Date.now();
  const headers = context.responseHeaders ?? [[name, value]];
  const state = parseRateLimit(headers, nowMs, context.status);
  const lower = name.toLowerCase();
  const mine = state.policies.filter((policy) =>
    policy.source
      .toLowerCase()
      .split(', ')
      .some((source) => source === lower),
  );
  const notes = state.notes.filter((note) => note.toLowerCase().includes(lower));
  const lead = leadSentence(lower, value, mine[0], nowMs);
  const whole = mine.map((policy) => describePolicy(policy, nowMs));
  const summary =
    lead && whole[0]
      ? `${lead} In all: ${whole[0]}.`
      : whole[0]
        ? `${capitalise(whole[0])}.`
        : lead || `Rate-limit information: ${value}.`;
  const details = [...whole.slice(1).map((line) => `${capitalise(line)}.`), ...notes];
  if (lower.endsWith('-reset') && /^\d+(\.\d+)?$/.test(value.trim())) {
    details.unshift(
      Number(value) >= EPOCH_SECONDS_THRESHOLD
        ? `${value.trim()} is a point in time (seconds since 1970), not a delay.`
        : `${value.trim()} is a delay in seconds from now.`,
    );
  }
  const exhausted = mine.some((policy) => policy.remaining === 0) || context.status === 429;
  if (exhausted) {
    details.push(
      context.status === 429
        ? 'Status 429: this request was refused. Wait for the reset before sending again.'
        : 'Nothing left: the next request will be refused (429) until the window resets.',
    );
  }
  return {
    name,
    title: 'Rate limit',
    summary,
    details,
    severity: exhausted ? 'warning' : 'info',
    category: 'rate-limit',
  };
}

export function explainRetryAfter(name: string, value: string, context: HeaderContext): HeaderExplanation {
  const nowMs = context.nowMs ?? Date.now();
  const retry = parseRetryAfter(value, nowMs);
  const details: string[] = [];
  let summary: string;
  if (!retry.ok) {
    summary = retry.note;
  } else if (retry.retryAfterMs === 0) {
    summary = 'You may retry now.';
  } else {
    summary = `Wait ${formatDuration(retry.retryAfterMs)} before retrying (until ${formatUtc(retry.retryAt)}).`;
  }
  if (retry.ok && retry.note) details.push(retry.note);
  if (context.status === 429)
    details.push('Status 429: the rate limit is spent; retrying sooner is refused again.');
  else if (context.status === 503) details.push('Status 503: the service is down or overloaded for now.');
  else if (context.status >= 300 && context.status < 400)
    details.push('On a redirect it is the minimum wait before following it.');
  return {
    name,
    title: 'Retry after',
    summary,
    details,
    severity: context.status === 429 || context.status === 503 || !retry.ok ? 'warning' : 'info',
    category: 'rate-limit',
  };
}
