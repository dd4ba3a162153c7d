import { describe, expect, it } from 'vitest';
import { parseHttpDate, parseRetryAfter } from './retry-after';

// Sun, 06 Nov 1994 08:49:37 GMT, the example date of RFC 9110.
const RFC_DATE_MS = Date.UTC(1994, 10, 6, 8, 49, 37);
const now = Date.UTC(2025, 2, 14, 12, 0, 0);

describe('parseHttpDate: the three forms of RFC 9110 §5.6.7', () => {
  it.each([
    ['IMF-fixdate', 'Sun, 06 Nov 1994 08:49:37 GMT', RFC_DATE_MS],
    ['obsolete RFC 850', 'Sunday, 06-Nov-94 08:49:37 GMT', RFC_DATE_MS],
    ['asctime', 'Sun Nov  6 08:49:37 1994', RFC_DATE_MS],
    ['a 2-digit year in this century', 'Friday, 14-Mar-25 12:00:00 GMT', now],
    ['31 February', 'Mon, 31 Feb 2025 00:00:00 GMT', undefined],
    ['hour 24', 'Fri, 14 Mar 2025 24:00:00 GMT', undefined],
    ['an ISO date', '2025-03-14T12:00:00Z', undefined],
    ['a time zone other than GMT', 'Fri, 14 Mar 2025 12:00:00 +0100', undefined],
  ])('%s', (_what, text, expected) => {
    expect(parseHttpDate(text, now)).toBe(expected);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['delay seconds', '120', { ok: true, retryAfterMs: 120_000, retryAt: now + 120_000 }],
    ['zero', '0', { ok: true, retryAfterMs: 0, retryAt: now }],
    [
      'a date in the future',
      'Fri, 14 Mar 2025 12:01:30 GMT',
      { ok: true, retryAfterMs: 90_000, retryAt: now + 90_000 },
    ],
    ['a date exactly now', 'Fri, 14 Mar 2025 12:00:00 GMT', { ok: true, retryAfterMs: 0, retryAt: now }],
    [
      'a date in the past',
      'Fri, 14 Mar 2025 11:59:00 GMT',
      {
        ok: true,
        retryAfterMs: 0,
        retryAt: now,
        note: expect.stringContaining('already in the past (60 s ago)'),
      },
    ],
    ['a negative delay', '-5', { ok: false, note: expect.stringContaining('is negative') }],
    ['a fraction', '1.5', { ok: false, note: expect.stringContaining('has a fraction') }],
    [
      'garbage',
      'soon',
      { ok: false, note: expect.stringContaining('neither whole seconds nor an HTTP-date') },
    ],
  ])('%s', (_what, value, expected) => {
    expect(parseRetryAfter(value, now)).toEqual(expected);
  });
});
