import { describe, expect, it } from 'vitest';
import { parseQueryParams, withQueryParams } from './query-params';

describe('parseQueryParams', () => {
  it.each([
    ['https://api.example.com/users', []],
    ['https://api.example.com/users?', []],
    [
      'https://x/u?page=2&limit=10',
      [
        { name: 'page', value: '2' },
        { name: 'limit', value: '10' },
      ],
    ],
    [
      'https://x/u?q=a%20b+c&flag',
      [
        { name: 'q', value: 'a b c' },
        { name: 'flag', value: '' },
      ],
    ],
    ['{{base}}/users?email={{email}}#top', [{ name: 'email', value: '{{email}}' }]],
    ['https://x/u?bad=%E0%A4%A', [{ name: 'bad', value: '%E0%A4%A' }]],
    [
      'https://x/u?a=1&&b=2',
      [
        { name: 'a', value: '1' },
        { name: 'b', value: '2' },
      ],
    ],
    ['https://x/u?redirect=https://y/?z=1', [{ name: 'redirect', value: 'https://y/?z=1' }]],
  ])('%s', (url, params) => expect(parseQueryParams(url)).toEqual(params));
});

describe('withQueryParams', () => {
  it.each([
    ['https://x/u', [{ name: 'page', value: '2' }], 'https://x/u?page=2'],
    ['https://x/u?old=1#frag', [{ name: 'new', value: 'a b' }], 'https://x/u?new=a%20b#frag'],
    ['https://x/u?old=1', [], 'https://x/u'],
    ['{{base}}/u', [{ name: 'email', value: '{{email}}' }], '{{base}}/u?email={{email}}'],
    ['https://x/u', [{ name: 'a&b', value: '=' }], 'https://x/u?a%26b=%3D'],
    [
      'https://x/u',
      [
        { name: '', value: '' },
        { name: 'flag', value: '' },
      ],
      'https://x/u?flag',
    ],
  ])('%s + %j → %s', (url, params, expected) => expect(withQueryParams(url, params)).toBe(expected));

  it('round-trips what it parses', () => {
    const url = '{{base}}/users?limit=10&email={{user_email}}&q=fire%20safety';
    expect(withQueryParams(url, parseQueryParams(url))).toBe(url);
  });
});
