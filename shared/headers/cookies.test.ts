import { describe, expect, it } from 'vitest';
import { parseSetCookie } from './cookies';

describe('parseSetCookie', () => {
  it.each<[string, string, { name: string; value: string; attributes: Record<string, string | true> }]>([
    [
      'Moodle/Totara session cookie',
      'MoodleSession=4k9q1f2b7c0d3e5a6b8c9d0e1f2a3b4c; path=/; secure; HttpOnly; SameSite=None',
      {
        name: 'MoodleSession',
        value: '4k9q1f2b7c0d3e5a6b8c9d0e1f2a3b4c',
        attributes: { path: '/', secure: true, httponly: true, samesite: 'None' },
      },
    ],
    [
      'Laravel XSRF-TOKEN with an Expires date that contains a comma',
      'XSRF-TOKEN=eyJpdiI6IjRQ%3D%3D; expires=Fri, 14-Mar-2025 14:00:00 GMT; Max-Age=7200; path=/; samesite=lax',
      {
        name: 'XSRF-TOKEN',
        value: 'eyJpdiI6IjRQ%3D%3D',
        attributes: {
          expires: 'Fri, 14-Mar-2025 14:00:00 GMT',
          'max-age': '7200',
          path: '/',
          samesite: 'lax',
        },
      },
    ],
    [
      'a value containing "="',
      'token=a=b==; Path=/api',
      { name: 'token', value: 'a=b==', attributes: { path: '/api' } },
    ],
    ['no name at all', 'justavalue', { name: '', value: 'justavalue', attributes: {} }],
  ])('%s', (_what, line, expected) => {
    const cookie = parseSetCookie(line);
    expect({ ...cookie, attributes: Object.fromEntries(cookie.attributes) }).toEqual(expected);
  });
});
