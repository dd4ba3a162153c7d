import { describe, expect, it } from 'vitest';
import chromeBash from './fixtures/chrome-totara-ajax.bash.txt?raw';
import chromeCmd from './fixtures/chrome-totara-ajax.cmd.txt?raw';
import firefoxBash from './fixtures/firefox-totara-ajax.bash.txt?raw';
import safariBash from './fixtures/safari-totara-ajax.bash.txt?raw';
import burpBash from './fixtures/burp-totara-ajax.bash.txt?raw';
import {
  browserSessionFromCurl,
  cookiePairs,
  isCsrfHeaderName,
  mergeCookieHeaders,
  sesskeyInQuery,
  withoutSesskeyPlaceholder,
  withoutSesskeyValue,
  withSesskeyFilled,
} from './browser-session';

/** Chrome's older layout: the cookie as a lowercase -H header instead of -b. */
const chromeHeaderCookie = `curl 'https://learn.example.com/totara/webapi/ajax.php' \\
  -H 'accept: application/json, text/javascript, */*; q=0.01' \\
  -H 'content-type: application/json' \\
  -H 'cookie: TotaraSession=5q0hv2n8c1kd4lqe7rbbg1dq2m; MOODLEID1_=%25D1' \\
  -H 'x-totara-sesskey: Xq9TzP2mKd' \\
  --data-raw '{"operationName":"totara_webapi_status","variables":{}}'`;

/** The same in Chrome's Windows cmd form. */
const chromeHeaderCookieCmd = `curl ^"https://learn.example.com/totara/webapi/ajax.php^" ^
  -H ^"content-type: application/json^" ^
  -H ^"cookie: TotaraSession=5q0hv2n8c1kd4lqe7rbbg1dq2m; MOODLEID1_=^%^25D1^" ^
  -H ^"x-totara-sesskey: Xq9TzP2mKd^" ^
  --data-raw ^"^{^\\^"operationName^\\^":^\\^"totara_webapi_status^\\^"^}^"`;

describe('browserSessionFromCurl', () => {
  it.each([
    ['Chrome bash, -b', chromeBash, 'TotaraSession=5q0hv2n8c1kd4lqe7rbbg1dq2m; MOODLEID1_=%25D1%25A7%25F0'],
    ['Chrome cmd, -b', chromeCmd, 'TotaraSession=5q0hv2n8c1kd4lqe7rbbg1dq2m; MOODLEID1_=%25D1%25A7%25F0'],
    [
      'Chrome bash, -H cookie',
      chromeHeaderCookie,
      'TotaraSession=5q0hv2n8c1kd4lqe7rbbg1dq2m; MOODLEID1_=%25D1',
    ],
    [
      'Chrome cmd, -H cookie',
      chromeHeaderCookieCmd,
      'TotaraSession=5q0hv2n8c1kd4lqe7rbbg1dq2m; MOODLEID1_=%25D1',
    ],
    ['Firefox bash, -H Cookie', firefoxBash, 'TotaraSession=5q0hv2n8c1kd4lqe7rbbg1dq2m'],
    ['Safari bash, -H Cookie', safariBash, 'TotaraSession=5q0hv2n8c1kd4lqe7rbbg1dq2m'],
    ['Burp, -b', burpBash, 'TotaraSession=5q0hv2n8c1kd4lqe7rbbg1dq2m'],
  ])('reads the cookie and sesskey of %s', (_name, text, cookie) => {
    const result = browserSessionFromCurl(text);
    expect(result).toMatchObject({
      ok: true,
      siteUrl: 'https://learn.example.com',
      cookie,
      csrfHeader: 'X-Totara-Sesskey',
      csrfToken: 'Xq9TzP2mKd',
    });
    if (result.ok) expect(result.notes[0]).toMatch(/^Kept \d cookies? \(TotaraSession/);
  });

  it('allows a command without a sesskey, with a note saying what that means', () => {
    const result = browserSessionFromCurl(
      "curl 'https://api.example.com/me' -b 'sid=abc123def456' -H 'accept: application/json'",
    );
    expect(result).toMatchObject({ ok: true, csrfToken: '', csrfHeader: 'X-Totara-Sesskey' });
    if (result.ok) expect(result.notes[1]).toMatch(/no X-Totara-Sesskey header, so only the cookie/);
  });

  it('finds another CSRF header and says so, or the one the user named', () => {
    const text = "curl 'https://app.example.com/api' -H 'Cookie: s=1' -H 'x-csrf-token: tok-123'";
    const found = browserSessionFromCurl(text);
    expect(found).toMatchObject({ ok: true, csrfHeader: 'X-Csrf-Token', csrfToken: 'tok-123' });
    if (found.ok) expect(found.notes[1]).toMatch(/found in the x-csrf-token header/);
    expect(browserSessionFromCurl(text, 'X-CSRF-Token')).toMatchObject({
      ok: true,
      notes: [expect.any(String)],
    });
  });

  it('refuses in plain words: nothing, not a command, no cookie', () => {
    expect(browserSessionFromCurl('  ')).toMatchObject({ ok: false, error: /^Nothing was pasted/ });
    expect(browserSessionFromCurl("curl 'https://x.example.com")).toMatchObject({
      ok: false,
      error: /^Lantern could not read this as a cURL command: .*Copy as cURL/s,
    });
    expect(browserSessionFromCurl("curl 'https://x.example.com/' -H 'x-totara-sesskey: a'")).toMatchObject({
      ok: false,
      error: /carries no cookie \(no -b and no Cookie header\)/,
    });
  });
});

describe('cookie helpers', () => {
  it('splits and merges cookie headers, later values winning', () => {
    expect(cookiePairs('a=1; b = 2 ;; =x; c=')).toEqual([
      ['a', '1'],
      ['b', '2'],
      ['c', ''],
    ]);
    expect(mergeCookieHeaders('a=1; b=2', undefined, 'b=3; c=4')).toBe('a=1; b=3; c=4');
    expect(mergeCookieHeaders('', undefined)).toBeUndefined();
  });

  it('knows CSRF header names', () => {
    expect(['X-Totara-Sesskey', 'x-csrf-token', 'X-XSRF-TOKEN'].every(isCsrfHeaderName)).toBe(true);
    expect(['Accept', 'X-Session-Timeout'].some(isCsrfHeaderName)).toBe(false);
  });
});

/** Moodle's AJAX service, copied from Chrome: the sesskey travels in the query, not a header. */
const moodleService = `curl 'https://learn.example.com/lib/ajax/service.php?sesskey=Qz7pLm2XkW&info=core_fetch_notifications' \\
  -H 'content-type: application/json' \\
  -b 'MoodleSession=7f3kq0vd2m9c' \\
  --data-raw '[{"index":0,"methodname":"core_fetch_notifications","args":{"contextid":1}}]'`;

describe('a sesskey in the query', () => {
  it('becomes the session CSRF token when no header carries one', () => {
    const result = browserSessionFromCurl(moodleService);
    expect(result).toMatchObject({
      ok: true,
      cookie: 'MoodleSession=7f3kq0vd2m9c',
      csrfHeader: 'X-Totara-Sesskey',
      csrfToken: 'Qz7pLm2XkW',
    });
    expect(result.ok && result.notes.join(' ')).toMatch(/sesskey was in the address/);
  });

  it.each([
    [
      'https://l.example/lib/ajax/service.php?sesskey=Qz7&info=x',
      'Qz7',
      'https://l.example/lib/ajax/service.php?sesskey=&info=x',
    ],
    [
      'https://l.example/s.php?info=x&SessKey=a%2Bb#top',
      'a+b',
      'https://l.example/s.php?info=x&SessKey=#top',
    ],
    ['https://l.example/s.php?sesskey=&info=x', undefined, 'https://l.example/s.php?sesskey=&info=x'],
    ['https://l.example/s.php?sesskey={{sesskey}}', undefined, 'https://l.example/s.php?sesskey={{sesskey}}'],
    ['https://l.example/s.php?mysesskey=1', undefined, 'https://l.example/s.php?mysesskey=1'],
    ['https://l.example/s.php#sesskey=1', undefined, 'https://l.example/s.php#sesskey=1'],
  ])('%s → %j, kept as %s', (url, found, kept) => {
    expect(sesskeyInQuery(url)).toBe(found);
    expect(withoutSesskeyValue(url)).toBe(kept);
  });
});

describe("an export's {{sesskey}} in the query", () => {
  it.each([
    ['https://l.example/s.php?sesskey=&info=x', 'https://l.example/s.php?sesskey={{sesskey_2}}&info=x'],
    [
      'https://l.example/s.php?info=x&SessKey=#top',
      'https://l.example/s.php?info=x&SessKey={{sesskey_2}}#top',
    ],
    ['https://l.example/s.php?sesskey=Qz7&info=x', 'https://l.example/s.php?sesskey=Qz7&info=x'],
    ['https://l.example/s.php?info=x', 'https://l.example/s.php?info=x'],
    ['https://l.example/s.php#sesskey=', 'https://l.example/s.php#sesskey='],
  ])('%s is written as %s, and reads back', (url, exported) => {
    expect(withSesskeyFilled(url, '{{sesskey_2}}')).toBe(exported);
    if (exported !== url) expect(withoutSesskeyPlaceholder(exported)).toBe(url);
  });

  it('fills with the value as typed, $ signs included', () => {
    expect(withSesskeyFilled('https://l.example/?sesskey=', '$1{{a}}')).toBe(
      'https://l.example/?sesskey=$1{{a}}',
    );
  });

  it('empties only a placeholder, never a literal value', () => {
    expect(withoutSesskeyPlaceholder('https://l.example/?sesskey=Qz7')).toBe(
      'https://l.example/?sesskey=Qz7',
    );
    expect(withoutSesskeyPlaceholder('https://l.example/?sesskey={{x}}y')).toBe(
      'https://l.example/?sesskey={{x}}y',
    );
  });
});
