/** Pure helpers for the history list: when, where and how each exchange went. */
import type { HistorySummary } from '../../../shared/model/history';
import { statusClass } from '../response/format';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", then a date ("12 Mar", "12 Mar 2024"). */
export function relativeTime(at: string, now: Date): string {
  const then = new Date(at);
  const elapsed = now.getTime() - then.getTime();
  if (Number.isNaN(elapsed)) return '';
  if (elapsed < 45_000) return 'just now';
  if (elapsed < HOUR) return `${Math.max(1, Math.round(elapsed / MINUTE))} min ago`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)} h ago`;
  const days = Math.round((startOfDay(now) - startOfDay(then)) / DAY);
  if (days <= 1) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  const date = `${then.getDate()} ${MONTHS[then.getMonth()]}`;
  return then.getFullYear() === now.getFullYear() ? date : `${date} ${then.getFullYear()}`;
}

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/**
 * The part of a URL that tells requests to the same API apart: its path and query.
 * `{{base}}/users` keeps its `{{base}}` off too; an unparseable URL is shown as written.
 */
export function shortenUrl(url: string): string {
  const templated = /^\{\{[^}]+\}\}(\/.*)?$/.exec(url.trim());
  if (templated) return templated[1] || '/';
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}` || '/';
  } catch {
    return url;
  }
}

export interface StatusBadge {
  text: string;
  /** `status status-success`, `status status-client-error`, … or `status status-failed`. */
  className: string;
  /** Words for screen readers: "200 OK", "failed: Nothing is listening…". */
  label: string;
}

export function statusBadge(summary: Pick<HistorySummary, 'status' | 'statusText' | 'error'>): StatusBadge {
  if (summary.status === null) {
    return {
      text: 'failed',
      className: 'status status-failed',
      label: summary.error ? `failed: ${summary.error.message}` : 'failed',
    };
  }
  const label = `${summary.status}${summary.statusText ? ` ${summary.statusText}` : ''}`;
  return { text: String(summary.status), className: `status status-${statusClass(summary.status)}`, label };
}
