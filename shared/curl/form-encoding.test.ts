import { describe, expect, it } from 'vitest';
import { curlEscape, encodeDataUrlencode, parseFormUrlencoded } from './form-encoding';

describe('form encoding', () => {
  it.each([
    [
      'a=1&b=2',
      [
        { name: 'a', value: '1' },
        { name: 'b', value: '2' },
      ],
    ],
    [
      'q=a+b%2Bc&empty=',
      [
        { name: 'q', value: 'a b+c' },
        { name: 'empty', value: '' },
      ],
    ],
    ['k=v=w', [{ name: 'k', value: 'v=w' }]],
    ['email=ann@example.com', [{ name: 'email', value: 'ann@example.com' }]],
    ['{"a":"b=c"}', undefined],
    ['a=1&&b=2', undefined],
    ['flag', undefined],
    ['a=%zz', undefined],
    ['name=Ann Lee', undefined],
    ['', undefined],
  ])('parseFormUrlencoded(%j)', (text, fields) => {
    expect(parseFormUrlencoded(text)).toEqual(fields);
  });

  it.each([
    ['hello world', 'hello%20world'],
    ["a!'()*~-._b", 'a%21%27%28%29%2A~-._b'],
    ['é', '%C3%A9'],
  ])('curlEscape(%j)', (text, escaped) => {
    expect(curlEscape(text)).toBe(escaped);
  });

  it.each([
    ['q=a b', { text: 'q=a%20b' }],
    ['=a b', { text: 'a%20b' }],
    ['a b', { text: 'a%20b' }],
    ['q@file.txt', { text: 'q=@file.txt', file: 'file.txt' }],
    ['@file.txt', { text: '@file.txt', file: 'file.txt' }],
    ['mail=ann@x', { text: 'mail=ann%40x' }],
  ])('--data-urlencode %j', (argument, expected) => {
    expect(encodeDataUrlencode(argument)).toEqual(expected);
  });
});
