import { describe, expect, it } from 'vitest';
import { relativeTime, shortenUrl, statusBadge } from './history-format';

describe('relativeTime', () => {
  const now = new Date(2025, 2, 14, 15, 0, 0);
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
  it.each([
    [ago(5_000), 'just now'],
    [ago(-3_000), 'just now'],
    [ago(50_000), '1 min ago'],
    [ago(5 * 60_000), '5 min ago'],
    [ago(3 * 3_600_000 + 60_000), '3 h ago'],
    [new Date(2025, 2, 13, 9, 0).toISOString(), 'yesterday'],
    [new Date(2025, 2, 10, 23, 0).toISOString(), '4 days ago'],
    [new Date(2025, 1, 2, 8, 0).toISOString(), '2 Feb'],
    [new Date(2024, 11, 31, 8, 0).toISOString(), '31 Dec 2024'],
    ['not a date', ''],
  ])('%s → %s', (at, text) => expect(relativeTime(at, now)).toBe(text));
});

describe('shortenUrl', () => {
  it.each([
    ['http://127.0.0.1:4000/api/users?page=2', '/api/users?page=2'],
    ['https://example.test', '/'],
    ['{{base}}/totara/webapi/ext_api_endpoint.php', '/totara/webapi/ext_api_endpoint.php'],
    ['{{base}}', '/'],
    ['not a url', 'not a url'],
  ])('%s → %s', (url, short) => expect(shortenUrl(url)).toBe(short));
});

describe('statusBadge', () => {
  it.each([
    [{ status: 200, statusText: 'OK' }, '200', 'status status-success', '200 OK'],
    [{ status: 302, statusText: 'Found' }, '302', 'status status-redirect', '302 Found'],
    [{ status: 401, statusText: '' }, '401', 'status status-client-error', '401'],
    [
      { status: 503, statusText: 'Service Unavailable' },
      '503',
      'status status-server-error',
      '503 Service Unavailable',
    ],
    [
      { status: null, statusText: '', error: { code: 'network.refused', message: 'Connection refused.' } },
      'failed',
      'status status-failed',
      'failed: Connection refused.',
    ],
  ])('%j', (summary, text, className, label) =>
    expect(statusBadge(summary)).toEqual({ text, className, label }),
  );
});
