/** `Retry-After` (RFC 9110 §10.2.3): delay seconds, or an HTTP-date. */

export type RetryAfter =
  { ok: true; retryAfterMs: number; retryAt: number; note?: string } | { ok: false; note: string };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SHORT_DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
// The three forms RFC 9110 §5.6.7 obliges a recipient to accept.
const IMF_FIXDATE = new RegExp(`^${SHORT_DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC850_DATE = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME_DATE = new RegExp(`^${SHORT_DAY} ${MONTH} ( \\d|\\d{2}) ${TIME} (\\d{4})$`);

/** Epoch ms of an HTTP-date, or undefined when it is not one. */
export function parseHttpDate(text: string, nowMs: number): number | undefined {
  let day: string | undefined;
  let month: string | undefined;
  let year: number;
  let clock: (string | undefined)[];
  let match = IMF_FIXDATE.exec(text);
  if (match) {
    [, day, month] = match;
    year = Number(match[3]);
    clock = match.slice(4, 7);
  } else if ((match = RFC850_DATE.exec(text))) {
    [, day, month] = match;
    // RFC 9110 §5.6.7: a two-digit year more than 50 years ahead belongs to the previous century.
    const currentYear = new Date(nowMs).getUTCFullYear();
    year = 2000 + Number(match[3]);
    while (year > currentYear + 50) year -= 100;
    clock = match.slice(4, 7);
  } else if ((match = ASCTIME_DATE.exec(text))) {
    [, month, day] = match;
    year = Number(match[6]);
    clock = match.slice(3, 6);
  } else {
    return undefined;
  }
  const monthIndex = MONTHS.indexOf(month ?? '');
  const [hours, minutes, seconds] = clock.map(Number) as [number, number, number];
  const dayOfMonth = Number(day);
  const ms = Date.UTC(year, monthIndex, dayOfMonth, hours, minutes, seconds);
  // Date.UTC rolls "31 Feb" over into March; a real date round-trips.
  const check = new Date(ms);
  if (check.getUTCDate() !== dayOfMonth || hours > 23 || minutes > 59 || seconds > 60) return undefined;
  return ms;
}

export function parseRetryAfter(value: string, nowMs: number): RetryAfter {
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const retryAfterMs = Number(text) * 1000;
    return { ok: true, retryAfterMs, retryAt: nowMs + retryAfterMs };
  }
  if (/^-\d+$/.test(text)) {
    return {
      ok: false,
      note: `Retry-After "${text}" is negative; it must be seconds to wait or a date. Ignored.`,
    };
  }
  if (/^\d*\.\d+$/.test(text)) {
    return {
      ok: false,
      note: `Retry-After "${text}" has a fraction; RFC 9110 allows only whole seconds or a date. Ignored.`,
    };
  }
  const at = parseHttpDate(text, nowMs);
  if (at === undefined) {
    return {
      ok: false,
      note: `Retry-After "${text}" is neither whole seconds nor an HTTP-date (RFC 9110 §10.2.3). Ignored.`,
    };
  }
  if (at < nowMs) {
    return {
      ok: true,
      retryAfterMs: 0,
      retryAt: nowMs,
      note: `Retry-After "${text}" is already in the past (${Math.round((nowMs - at) / 1000)} s ago), so a retry may go now; the server clock may be off.`,
    };
  }
  return { ok: true, retryAfterMs: at - nowMs, retryAt: at };
}
