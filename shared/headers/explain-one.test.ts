import { describe, expect, it } from 'vitest';
import { explainHeader, isExplainedHeader } from './explain';
import { check, nowMs, type Expectation } from './explain-test-support';
import type { HeaderContext } from './types';

describe('explainHeader, one value at a time', () => {
  it.each<[string, string, string, HeaderContext, Expectation]>([
    [
      "Totara's token endpoint labelling JSON as HTML",
      'Content-Type',
      'text/html; charset=utf-8',
      {
        status: 200,
        bodyPreview: '{"error":"invalid_client","error_description":"Client authentication failed"}',
      },
      {
        category: 'content',
        severity: 'warning',
        summary: /HTML page, but the body is JSON/,
        details: [/token\.php/],
      },
    ],
    [
      'HTML with no body to compare',
      'content-type',
      'text/html; charset=UTF-8',
      { status: 200 },
      { category: 'content', summary: /an HTML page/, details: [/Totara's token endpoint/] },
    ],
    [
      'JSON label on an HTML error page',
      'content-type',
      'application/json',
      { status: 502, bodyPreview: '<html><head><title>502 Bad Gateway</title>' },
      { category: 'content', severity: 'warning', summary: /starts with "<"/ },
    ],
    [
      'a multipart boundary',
      'Content-Type',
      'multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW',
      { status: 200 },
      {
        category: 'content',
        summary: /multipart form/,
        details: [/------WebKitFormBoundary7MA4YWxkTrZu0gW/],
      },
    ],
    [
      'a Latin-1 page',
      'Content-Type',
      'text/plain; charset=ISO-8859-1',
      { status: 200 },
      { category: 'content', summary: /ISO-8859-1/, details: [/not UTF-8/] },
    ],
    ['gzip', 'Content-Encoding', 'gzip', { status: 200 }, { category: 'content', summary: /gzip/ }],
    [
      'zstd, which Lantern does not decode',
      'content-encoding',
      'zstd',
      { status: 200 },
      { category: 'content', severity: 'warning', summary: /Zstandard/ },
    ],
    [
      'a length',
      'Content-Length',
      '3174',
      { status: 200 },
      { category: 'content', summary: /3,174 bytes \(3\.1 KB\)/ },
    ],
    [
      'an empty 204',
      'Content-Length',
      '0',
      { status: 204 },
      { category: 'content', summary: /as 204 requires/ },
    ],
    [
      'max-age with private',
      'Cache-Control',
      'private, max-age=60, s-maxage=0',
      { status: 200 },
      { category: 'caching', summary: /for 60 s \(1 min\), by this client only/, details: [/^s-maxage=0/] },
    ],
    [
      'an immutable asset',
      'cache-control',
      'public, max-age=31536000, immutable',
      { status: 200 },
      { category: 'caching', summary: /1 year/, details: [/^public:/, /^immutable:/] },
    ],
    [
      'an unknown directive',
      'cache-control',
      'max-age=0, foo=bar',
      { status: 200 },
      { category: 'caching', summary: /before every reuse/, details: [/^foo=bar: not a standard directive/] },
    ],
    [
      'Expires: 0',
      'Expires',
      '0',
      { status: 200, nowMs },
      { category: 'caching', summary: /already expired/ },
    ],
    [
      'a future Expires',
      'Expires',
      'Mon, 01 Jul 2013 18:00:00 GMT',
      { status: 200, nowMs },
      { category: 'caching', summary: /Fresh until 2013-07-01 18:00:00 UTC \(in 1 h\)/ },
    ],
    [
      'Age from a CDN',
      'Age',
      '120',
      { status: 200, responseHeaders: [['Cache-Control', 'max-age=300']] },
      { category: 'caching', summary: /120 s \(2 min\) old/, details: [/another 180 s \(3 min\)/] },
    ],
    [
      'Last-Modified',
      'Last-Modified',
      'Sat, 29 Jun 2013 17:00:00 GMT',
      { status: 200, nowMs },
      { category: 'caching', summary: /2 days ago/ },
    ],
    [
      'RFC 6750 invalid_token',
      'WWW-Authenticate',
      'Bearer realm="example", error="invalid_token", error_description="The access token expired"',
      { status: 401, requestHeaders: [['Authorization', 'Bearer mF_9.B5f-4.1JqM']] },
      {
        category: 'auth',
        severity: 'warning',
        summary: /^invalid_token \("The access token expired"\): .*Get a new token/,
        details: [/realm "example"/, /error_description: The access token expired/],
      },
    ],
    [
      'RFC 6750 insufficient_scope',
      'WWW-Authenticate',
      'Bearer realm="example", error="insufficient_scope", scope="users:read"',
      { status: 403, requestHeaders: [['Authorization', 'Bearer mF_9.B5f-4.1JqM']] },
      {
        category: 'auth',
        severity: 'warning',
        summary: /lacks the permission/,
        details: [/Scope needed: users:read/],
      },
    ],
    [
      'a bare Bearer challenge with no Authorization sent',
      'www-authenticate',
      'Bearer realm="example"',
      { status: 401, requestHeaders: [['Accept', 'application/json']] },
      { category: 'auth', severity: 'warning', summary: /sent no Authorization header/ },
    ],
    [
      'Basic wanted, Bearer sent',
      'WWW-Authenticate',
      'Basic realm="Restricted Area", charset="UTF-8"',
      { status: 401, requestHeaders: [['Authorization', 'Bearer abc.def.ghi']] },
      {
        category: 'auth',
        severity: 'warning',
        summary: /wants a username and password \(Basic\), but .* Bearer/,
      },
    ],
    [
      'lowercase bearer',
      'WWW-Authenticate',
      'Bearer',
      { status: 401, requestHeaders: [['authorization', 'bearer abc.def.ghi']] },
      { category: 'auth', severity: 'warning', summary: /not accepted/, details: [/"bearer".*Totara/] },
    ],
    [
      'a challenge on a 200',
      'WWW-Authenticate',
      'Negotiate',
      { status: 200 },
      { category: 'auth', severity: 'info', summary: /Negotiate/, details: [/only advertises/] },
    ],
    [
      'a deleted cookie',
      'Set-Cookie',
      'MoodleSession=deleted; expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0; path=/; secure; HttpOnly',
      { status: 303, nowMs },
      { category: 'cookies', summary: /^Deletes the cookie MoodleSession/ },
    ],
    [
      'SameSite=None without Secure',
      'set-cookie',
      'TotaraSession=abcdefghijklmnop; path=/; SameSite=None',
      { status: 200, nowMs },
      {
        category: 'cookies',
        severity: 'warning',
        summary: /TotaraSession/,
        details: [/browsers reject/, /X-Totara-Sesskey/],
      },
    ],
    [
      'a persistent cookie on a domain',
      'Set-Cookie',
      'XSRF-TOKEN=eyJpdiI6IjRQ; expires=Mon, 01 Jul 2013 19:00:00 GMT; Max-Age=7200; path=/; domain=.example.com; samesite=lax',
      { status: 200, nowMs },
      {
        category: 'cookies',
        summary: /kept for 7,200 s \(2 h\)/,
        details: [/example\.com and all its subdomains/, /SameSite=lax/, /X-XSRF-TOKEN/],
      },
    ],
    [
      'wildcard origin with credentials',
      'Access-Control-Allow-Origin',
      '*',
      { status: 200, responseHeaders: [['Access-Control-Allow-Credentials', 'true']] },
      {
        category: 'cors',
        severity: 'warning',
        summary: /any site/,
        details: [/refused by browsers/, /does not affect Lantern/],
      },
    ],
    [
      'preflight methods',
      'access-control-allow-methods',
      'GET, POST, OPTIONS',
      { status: 204 },
      { category: 'cors', summary: /GET, POST and OPTIONS/, details: [/does not affect Lantern/] },
    ],
    [
      'IETF draft -07 RateLimit',
      'RateLimit',
      'limit=100, remaining=50, reset=5',
      {
        status: 200,
        nowMs,
        responseHeaders: [
          ['RateLimit', 'limit=100, remaining=50, reset=5'],
          ['RateLimit-Policy', '100;w=10'],
        ],
      },
      {
        category: 'rate-limit',
        severity: 'info',
        summary: /50 of 100 requests left per 10 s; the window resets in 5 s/,
      },
    ],
    [
      'IETF draft -08 named policies',
      'RateLimit',
      '"burst";r=0;t=30',
      {
        status: 200,
        nowMs,
        responseHeaders: [
          ['RateLimit-Policy', '"burst";q=100;w=60'],
          ['RateLimit', '"burst";r=0;t=30'],
        ],
      },
      { category: 'rate-limit', severity: 'warning', summary: /"burst": 0 of 100 requests left per 1 min/ },
    ],
    [
      'Retry-After as a date',
      'Retry-After',
      'Mon, 01 Jul 2013 17:05:00 GMT',
      { status: 503, nowMs },
      {
        category: 'rate-limit',
        severity: 'warning',
        summary: /Wait 5 min before retrying/,
        details: [/503/],
      },
    ],
    [
      'Retry-After that is not valid',
      'Retry-After',
      '1.5',
      { status: 429, nowMs },
      { category: 'rate-limit', severity: 'warning', summary: /has a fraction/ },
    ],
    [
      'a 302 after a POST',
      'Location',
      'https://totara.example.com/login/index.php',
      { status: 302 },
      {
        category: 'other',
        severity: 'warning',
        summary: /Redirects to https:\/\/totara/,
        details: [/only POST method is allowed/],
      },
    ],
    [
      'a 201',
      'Location',
      '/users/42',
      { status: 201 },
      { category: 'other', summary: /created at \/users\/42/ },
    ],
    [
      'a 405',
      'Allow',
      'POST',
      { status: 405 },
      { category: 'other', severity: 'warning', summary: /accepts only POST; the method sent/ },
    ],
    [
      'a skewed server clock',
      'Date',
      'Mon, 01 Jul 2013 17:10:00 GMT',
      { status: 200, nowMs, receivedAtMs: nowMs },
      {
        category: 'other',
        severity: 'warning',
        summary: /17:10:00/,
        details: [/^When this response arrived, the server clock was 10 min ahead/],
      },
    ],
    [
      'a response viewed 11 minutes after it arrived: no skew (item 13)',
      'Date',
      'Mon, 01 Jul 2013 16:49:00 GMT',
      { status: 200, nowMs, receivedAtMs: nowMs - 11 * 60_000 },
      { category: 'other', summary: /16:49:00/ },
    ],
    [
      'a server clock behind, measured at arrival',
      'Date',
      'Mon, 01 Jul 2013 16:49:00 GMT',
      { status: 200, nowMs: nowMs + 60 * 60_000, receivedAtMs: nowMs },
      { category: 'other', severity: 'warning', summary: /16:49:00/, details: [/11 min behind/] },
    ],
    [
      'no arrival time: nothing said about the clock',
      'Date',
      'Mon, 01 Jul 2013 16:49:00 GMT',
      { status: 200, nowMs },
      { category: 'other', summary: /16:49:00/ },
    ],
    [
      'Connection: close',
      'Connection',
      'close',
      { status: 200 },
      { category: 'connection', summary: /closes the connection/ },
    ],
    [
      'Keep-Alive',
      'Keep-Alive',
      'timeout=5, max=100',
      { status: 200 },
      { category: 'connection', summary: /after 5 s .*100 more/ },
    ],
    [
      'chunked with a Content-Length too',
      'Transfer-Encoding',
      'chunked',
      { status: 200, responseHeaders: [['Content-Length', '10']] },
      { category: 'connection', severity: 'warning', summary: /in chunks/ },
    ],
    [
      'HSTS off',
      'Strict-Transport-Security',
      'max-age=0',
      { status: 200 },
      { category: 'security', summary: /forget/ },
    ],
    ['a CDN server', 'server', 'cloudflare', { status: 200 }, { category: 'other', summary: /Cloudflare/ }],
  ])('%s', (_what, name, value, context, expected) => {
    check(explainHeader(name, value, context), expected);
  });

  it.each([
    ['X-Powered-By', 'PHP/8.2'],
    ['X-Totara-Something', '1'],
    ['Link', '<https://api.github.com/user/repos?page=2>; rel="next"'],
    ['constructor', 'x'],
  ])('leaves %s unexplained', (name, value) => {
    expect(explainHeader(name, value, { status: 200 })).toBeUndefined();
    expect(isExplainedHeader(name)).toBe(false);
  });

  it('never throws on garbage values', () => {
    for (const name of [
      'Content-Type',
      'Cache-Control',
      'WWW-Authenticate',
      'Set-Cookie',
      'Expires',
      'Vary',
    ]) {
      for (const value of ['', ';;;', '"', '=', ', ,', 'a=b=c; ;=']) {
        expect(() => explainHeader(name, value, { status: 200, nowMs })).not.toThrow();
      }
    }
  });
});
