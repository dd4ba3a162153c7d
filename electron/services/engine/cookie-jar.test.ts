import { describe, expect, it } from 'vitest';
import { CookieJar, pathMatches } from './cookie-jar';

const at = new URL('https://api.example.com/v1/users');
const NOW = Date.parse('2025-01-01T00:00:00Z');

function jarWith(...headers: string[]) {
  let now = NOW;
  const jar = new CookieJar({ now: () => now });
  jar.setFromResponse(at, headers);
  return { jar, advance: (ms: number) => (now += ms) };
}

describe('CookieJar', () => {
  it.each([
    // Set-Cookie, request URL, expected Cookie header
    ['a=1', 'https://api.example.com/v1/other', 'a=1'],
    ['a=1', 'https://api.example.com/', undefined], // default path is /v1
    ['a=1', 'https://sub.api.example.com/v1/x', undefined], // host-only
    ['a=1; Domain=example.com; Path=/', 'https://www.example.com/', 'a=1'],
    ['a=1; Domain=.example.com; Path=/', 'https://example.com/', 'a=1'],
    // A cookie set over https still goes to http on the same host unless it is Secure.
    ['a=1; Path=/', 'http://api.example.com/', 'a=1'],
    ['a=1; Path=/; Secure', 'http://api.example.com/', undefined],
    ['a=1; Path=/; Secure', 'https://api.example.com/', 'a=1'],
    // RFC 6265 §4.1.1: the double quotes are part of the value, and go back as they came.
    ['a="quoted"; Path=/', 'https://api.example.com/', 'a="quoted"'],
    // The public-suffix list: no cookie for a whole registry, with or without a dot in it.
    ['a=1; Domain=co.uk; Path=/', 'https://shop.co.uk/', undefined],
    ['a=1; Domain=shop.co.uk; Path=/', 'https://www.shop.co.uk/', undefined], // set by api.example.com
    ['a=1; Domain=other.com', 'https://other.com/', undefined], // foreign domain refused
    ['a=1; Domain=com; Path=/', 'https://x.com/', undefined], // no TLD-wide cookies
    ['a=1; Max-Age=0; Path=/', 'https://api.example.com/', undefined],
    ['a=1; Expires=Wed, 01 Jan 2020 00:00:00 GMT; Path=/', 'https://api.example.com/', undefined],
    ['=novalue', 'https://api.example.com/v1/', undefined],
  ])('%s then %s → %s', (header, url, expected) => {
    const { jar } = jarWith(header);
    expect(jar.cookieHeaderFor(new URL(url))).toBe(expected);
  });

  it('refuses a Domain that is a public suffix, even from a host under it', () => {
    let now = NOW;
    const jar = new CookieJar({ now: () => now });
    jar.setFromResponse(new URL('https://shop.co.uk/'), [
      'a=1; Domain=co.uk; Path=/',
      'b=2; Domain=shop.co.uk; Path=/',
    ]);
    expect(jar.cookieHeaderFor(new URL('https://www.shop.co.uk/'))).toBe('b=2');
    expect(jar.cookieHeaderFor(new URL('https://other.co.uk/'))).toBeUndefined();
    now += 1;
  });

  it('keeps Secure cookies for loopback over http, as browsers do', () => {
    const jar = new CookieJar({ now: () => NOW });
    jar.setFromResponse(new URL('http://127.0.0.1:8080/login'), ['s=1; Path=/; Secure']);
    expect(jar.cookieHeaderFor(new URL('http://127.0.0.1:8080/api'))).toBe('s=1');
  });

  it('comes back whole from what it kept', () => {
    const { jar } = jarWith('a=1; Path=/; HttpOnly; Max-Age=600', 'b=2; Domain=example.com; Path=/');
    const again = new CookieJar({ now: () => NOW });
    again.restore(jar.list());
    expect(again.list()).toEqual(jar.list());
    expect(again.cookieHeaderFor(new URL('https://api.example.com/'))).toBe('a=1; b=2');
  });

  it('sends longer paths first and replaces a cookie with the same name, domain and path', () => {
    const { jar } = jarWith('a=root; Path=/', 'b=deep; Path=/v1/users', 'a=new; Path=/');
    expect(jar.cookieHeaderFor(at)).toBe('b=deep; a=new');
  });

  it('forgets a cookie when Max-Age runs out, and Max-Age beats Expires', () => {
    const { jar, advance } = jarWith('a=1; Max-Age=60; Expires=Wed, 01 Jan 2020 00:00:00 GMT; Path=/');
    expect(jar.cookieHeaderFor(at)).toBe('a=1');
    advance(61_000);
    expect(jar.cookieHeaderFor(at)).toBeUndefined();
    expect(jar.list()).toEqual([]);
  });

  it('deletes a cookie the server expires', () => {
    const { jar } = jarWith('a=1; Path=/');
    jar.setFromResponse(at, ['a=; Max-Age=0; Path=/']);
    expect(jar.list()).toEqual([]);
  });

  it('lists, deletes and clears', () => {
    const { jar } = jarWith('a=1; Path=/; HttpOnly', 'b=2; Domain=example.com; Path=/');
    jar.setFromResponse(new URL('https://other.org/'), ['c=3']);
    expect(jar.list().map((c) => [c.domain, c.name, c.hostOnly, c.httpOnly])).toEqual([
      ['api.example.com', 'a', true, true],
      ['example.com', 'b', false, false],
      ['other.org', 'c', true, false],
    ]);
    expect(jar.delete('a', 'api.example.com', '/')).toBe(true);
    expect(jar.delete('a', 'api.example.com', '/')).toBe(false);
    jar.clear('example.com');
    expect(jar.list().map((c) => c.name)).toEqual(['c']);
    jar.clear();
    expect(jar.list()).toEqual([]);
  });

  it.each([
    ['/', '/anything', true],
    ['/v1', '/v1', true],
    ['/v1', '/v1/x', true],
    ['/v1', '/v10', false],
    ['/v1/', '/v1/x', true],
  ])('path %s matches %s: %s', (cookiePath, requestPath, expected) => {
    expect(pathMatches(requestPath, cookiePath)).toBe(expected);
  });
});
