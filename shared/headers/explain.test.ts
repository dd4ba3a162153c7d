import { describe, expect, it } from 'vitest';
import { explainHeader, explainHeaders } from './explain';
import { check, nowMs, type Expectation } from './explain-test-support';
import type { HeaderContext } from './types';

// Totara 17.3 /api/graphql.php, as listed in API-BEHAVIOUR.md §1.
const TOTARA_GRAPHQL: [string, string][] = [
  ['Date', 'Mon, 01 Jul 2013 17:00:02 GMT'],
  ['Server', 'Apache/2.4.58 (Ubuntu)'],
  ['Content-type', 'application/json; charset=utf-8'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Cache-Control', 'no-store, no-cache, must-revalidate'],
  ['Pragma', 'no-cache'],
  ['Expires', 'Mon, 20 Aug 1969 09:23:00 GMT'],
  ['Set-Cookie', 'MoodleSession=4k9q1f2b7c0d3e5a6b8c9d0e1f2a3b4c; path=/; secure; HttpOnly; SameSite=None'],
];

// GitHub REST API, GET /user.
const GITHUB: [string, string][] = [
  ['x-ratelimit-limit', '5000'],
  ['x-ratelimit-remaining', '4999'],
  ['x-ratelimit-reset', '1372700873'],
  ['x-ratelimit-used', '1'],
  ['x-ratelimit-resource', 'core'],
  ['etag', 'W/"a00049ba79152d03380c34652f2cb612"'],
  ['vary', 'Accept, Authorization, Cookie, X-GitHub-OTP'],
  ['access-control-allow-origin', '*'],
  ['access-control-expose-headers', 'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit'],
  ['strict-transport-security', 'max-age=31536000; includeSubdomains; preload'],
  ['x-frame-options', 'deny'],
  ['content-security-policy', "default-src 'none'"],
  ['x-github-request-id', 'CDAC:2F7B:1A2B3C:4D5E6F:64F0A1B2'],
];

// Laravel's ThrottleRequests middleware on a 429.
const LARAVEL_429: [string, string][] = [
  ['Content-Type', 'application/json'],
  ['Cache-Control', 'no-cache, private'],
  ['X-RateLimit-Limit', '200'],
  ['X-RateLimit-Remaining', '0'],
  ['Retry-After', '42'],
  ['X-RateLimit-Reset', '1372698042'],
];

describe('explainHeaders on real captured responses', () => {
  it.each<[string, [string, string][], HeaderContext, Record<string, Expectation>]>([
    [
      'Totara GraphQL',
      TOTARA_GRAPHQL,
      { status: 200, nowMs },
      {
        Date: { category: 'other', summary: /2013-07-01 17:00:02 UTC/ },
        Server: { category: 'other', summary: /Apache httpd, version 2\.4\.58/ },
        'Content-type': {
          category: 'content',
          summary: /^The body is JSON, text encoded as UTF-8\.$/,
          details: [/JSON is always UTF-8/],
        },
        'X-Content-Type-Options': { category: 'security', summary: /not guess the type/ },
        'Cache-Control': {
          category: 'caching',
          summary: /^Never cached: no-store .* no-cache and must-revalidate add nothing/,
          details: [/^no-store:/, /^no-cache:/, /^must-revalidate:/],
        },
        Pragma: { category: 'caching', summary: /HTTP\/1\.0/, details: [/Cache-Control is also present/] },
        Expires: {
          category: 'caching',
          summary: /^Already expired: 1969-08-20 09:23:00 UTC is in the past/,
          details: [/1969 dates/],
        },
        'Set-Cookie': {
          category: 'cookies',
          summary: /^Sets the cookie MoodleSession \(value ••••3b4c\); a session cookie/,
          details: [
            /^Path=\/: .*every path/,
            /^Secure:/,
            /^HttpOnly:/,
            /^SameSite=None:/,
            /Moodle's login session/,
          ],
        },
      },
    ],
    [
      "GitHub's rate-limit set",
      GITHUB,
      {
        status: 200,
        nowMs,
        requestHeaders: [['Authorization', 'Bearer ghp_16C7e42F292c6912E7710c838347Ae178B4a']],
      },
      {
        'x-ratelimit-limit': {
          category: 'rate-limit',
          severity: 'info',
          summary: /^At most 5,000 requests per window/,
        },
        'x-ratelimit-remaining': {
          category: 'rate-limit',
          severity: 'info',
          summary:
            /^4,999 requests left .*"core": 4,999 of 5,000 requests left; the window resets in 47 min 53 s/,
        },
        'x-ratelimit-reset': {
          category: 'rate-limit',
          severity: 'info',
          summary: /^The window resets in 47 min 53 s \(2013-07-01 17:47:53 UTC\)/,
          details: [/seconds since 1970/],
        },
        'x-ratelimit-used': { category: 'rate-limit', severity: 'info', summary: /^1 request used/ },
        'x-ratelimit-resource': { category: 'rate-limit', severity: 'info', summary: /"core" budget/ },
        etag: { category: 'caching', summary: /weak tag/, details: [/If-None-Match/] },
        vary: {
          category: 'caching',
          summary: /Accept, Authorization, Cookie and X-GitHub-OTP/,
          details: [/^Authorization: this request sent "Bearer ••••8B4a"\.$/, /^Cookie: not sent/],
        },
        'access-control-allow-origin': {
          category: 'cors',
          summary: /any site/,
          details: [/enforced by browsers only.*does not affect Lantern/],
        },
        'access-control-expose-headers': {
          category: 'cors',
          summary: /ETag, Link, .* and X-RateLimit-Limit/,
        },
        'strict-transport-security': {
          category: 'security',
          summary: /HTTPS only .* 31,536,000 s \(1 year\)/,
          details: [/includeSubDomains/, /preload/],
        },
        'x-frame-options': { category: 'security', summary: /No site/ },
        'content-security-policy': { category: 'security', summary: /1 rule \(default-src\)/ },
        'x-github-request-id': { category: 'other', summary: /CDAC:2F7B.*support/ },
      },
    ],
    [
      'a Laravel 429',
      LARAVEL_429,
      { status: 429, nowMs },
      {
        'Content-Type': { category: 'content', summary: /^The body is JSON\.$/ },
        'Cache-Control': { category: 'caching', summary: /checked with the server before every reuse/ },
        'X-RateLimit-Limit': {
          category: 'rate-limit',
          severity: 'warning',
          summary: /^At most 200 requests/,
        },
        'X-RateLimit-Remaining': {
          category: 'rate-limit',
          severity: 'warning',
          summary: /^No requests left.*0 of 200 requests left; the window resets in 42 s/,
          details: [/Status 429/],
        },
        'Retry-After': {
          category: 'rate-limit',
          severity: 'warning',
          summary: /^Wait 42 s before retrying \(until 2013-07-01 17:00:42 UTC\)/,
        },
        'X-RateLimit-Reset': { category: 'rate-limit', severity: 'warning', summary: /resets in 42 s/ },
      },
    ],
  ])('%s', (_what, headers, context, expected) => {
    const explanations = explainHeaders(headers, context);
    expect(explanations).toHaveLength(headers.length);
    headers.forEach(([name], index) => {
      const want = expected[name];
      if (want) check(explanations[index], want);
      else expect(explanations[index], name).toBeUndefined();
      expect(explanations[index]?.name ?? name).toBe(name);
    });
  });

  it('never repeats a cookie or token value in full', () => {
    const secret = '4k9q1f2b7c0d3e5a6b8c9d0e1f2a3b4c';
    const text = JSON.stringify(explainHeaders(TOTARA_GRAPHQL, { status: 200, nowMs }));
    expect(text).not.toContain(secret);
    const vary = explainHeader('Vary', 'Authorization', {
      status: 200,
      requestHeaders: [['authorization', 'Bearer eyJhbGciOiJSUzI1NiJ9.payload.signature']],
    });
    expect(JSON.stringify(vary)).not.toContain('eyJhbGciOiJSUzI1NiJ9');
  });
});
