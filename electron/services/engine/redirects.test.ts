import { describe, expect, it } from 'vitest';
import { planRedirect, type Hop } from './redirects';

const post: Hop<string> = {
  method: 'POST',
  url: new URL('https://api.example.com/a/b?x=1'),
  headers: [
    ['Authorization', 'Bearer t0ken'],
    ['Cookie', 'sid=1'],
    ['Content-Type', 'application/json'],
    ['Content-Length', '7'],
    ['X-Trace', 'keep'],
  ],
  body: '{"a":1}',
};

describe('planRedirect (RFC 9110 §15.4)', () => {
  it.each([
    // status, method, expected method, body kept
    [301, 'POST', 'GET', false],
    [302, 'POST', 'GET', false],
    [301, 'PUT', 'PUT', true],
    [302, 'DELETE', 'DELETE', true],
    [303, 'POST', 'GET', false],
    [303, 'PUT', 'GET', false],
    [303, 'HEAD', 'HEAD', true],
    [307, 'POST', 'POST', true],
    [308, 'PATCH', 'PATCH', true],
  ] as const)('%d after %s → %s (body kept: %s)', (status, method, expected, kept) => {
    const decision = planRedirect({ ...post, method }, status, '/next');
    if (!decision.follow) throw new Error('expected to follow');
    expect(decision.next.method).toBe(expected);
    expect(decision.next.body).toBe(kept ? post.body : undefined);
    const names = decision.next.headers.map(([name]) => name);
    expect(names.includes('Content-Type')).toBe(kept);
    expect(names).toContain('X-Trace');
    if (!kept) {
      expect(decision.notes[0]).toBe(
        `The ${status} redirect turned your ${method} into a GET: the body was not sent again.`,
      );
    } else expect(decision.notes).toEqual([]);
  });

  it.each([
    ['/c', 'https://api.example.com/c'],
    ['c', 'https://api.example.com/a/c'],
    ['../d?y=2', 'https://api.example.com/d?y=2'],
    ['//cdn.example.com/e', 'https://cdn.example.com/e'],
    ['https://api.example.com/f#frag', 'https://api.example.com/f'],
  ])('resolves Location %s to %s', (location, expected) => {
    const decision = planRedirect(post, 307, location);
    expect(decision.follow && decision.next.url.href).toBe(expected);
  });

  it.each([
    ['https://api.example.com/same', ['Authorization', 'Cookie'], []],
    ['https://other.example.com/x', [], ['Authorization', 'Cookie']],
    ['http://api.example.com/x', [], ['Authorization', 'Cookie']],
  ])('to %s keeps %j and drops %j', (location, kept, dropped) => {
    const decision = planRedirect(post, 307, location);
    if (!decision.follow) throw new Error('expected to follow');
    const names = decision.next.headers.map(([name]) => name);
    for (const name of kept) expect(names).toContain(name);
    for (const name of dropped) expect(names).not.toContain(name);
    if (dropped.length > 0) {
      expect(decision.notes.join(' ')).toMatch(
        /another origin .* Authorization and Cookie headers were not sent/,
      );
    }
  });

  it('drops secret-named headers and the headers auth added when the origin changes, and names them', () => {
    const ajax: Hop<string> = {
      method: 'POST',
      url: new URL('https://learn.example.com/lib/ajax/service.php'),
      headers: [
        ['Cookie', 'MoodleSession=7f3k'],
        ['X-Totara-Sesskey', 'Qz7pLm2XkW'],
        ['X-Api-Key', 'k-123'],
        ['Partner', 'p-456'],
        ['Accept', 'application/json'],
      ],
      body: '[]',
      authHeaderNames: ['Partner'],
    };
    const decision = planRedirect(ajax, 303, 'https://sso.example.org/login');
    if (!decision.follow) throw new Error('expected to follow');
    expect(decision.next.headers).toEqual([['Accept', 'application/json']]);
    expect(decision.notes).toContain(
      'The redirect went to another origin (https://sso.example.org), so your Cookie, X-Totara-Sesskey, X-Api-Key and Partner headers were not sent there.',
    );
    expect(decision.next.authHeaderNames).toEqual(['Partner']);

    const same = planRedirect(ajax, 307, '/login/index.php');
    if (!same.follow) throw new Error('expected to follow');
    expect(same.next.headers).toEqual(ajax.headers);
  });

  it('warns when a redirect leaves https for plain http', () => {
    const decision = planRedirect(post, 302, 'http://api.example.com/');
    expect(decision.follow && decision.notes.at(-1)).toMatch(/from https to plain http/);
  });

  it.each([
    [200, '/x'],
    [304, '/x'],
    [302, undefined],
    [302, '  '],
  ])('does not follow %d with Location %j', (status, location) => {
    expect(planRedirect(post, status, location)).toEqual({ follow: false });
  });

  it('does not follow a redirect to another scheme, and says so', () => {
    const decision = planRedirect(post, 302, 'ftp://files.example.com/a');
    expect(decision).toMatchObject({ follow: false, note: expect.stringMatching(/does not follow/) });
  });

  it('explains a Location it cannot read', () => {
    expect(() => planRedirect(post, 302, 'http://[bad')).toThrow(/Location header Lantern cannot read/);
  });
});
