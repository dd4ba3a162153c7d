import { describe, expect, it } from 'vitest';
import { parseSfDictionary, parseSfList, type SfItem } from './structured-field';

const simplify = (items: SfItem[]) =>
  items.map((item) => [
    item.value.type,
    item.value.value,
    Object.fromEntries([...item.params].map(([k, v]) => [k, v.value])),
  ]);

describe('parseSfList', () => {
  it.each([
    ['an empty field', '', []],
    ['one integer', '100', [['integer', 100, {}]]],
    [
      'draft -06 limit with policies',
      '100, 100;w=60',
      [
        ['integer', 100, {}],
        ['integer', 100, { w: 60 }],
      ],
    ],
    [
      'draft -09 named policies',
      '"burst";q=100;w=60, "daily";q=1000;w=86400',
      [
        ['string', 'burst', { q: 100, w: 60 }],
        ['string', 'daily', { q: 1000, w: 86400 }],
      ],
    ],
    [
      'a token name, a byte sequence and a string parameter',
      'default;r=50;t=30;pk=:cHJvamVjdDEyMw==:;qu="requests"',
      [['token', 'default', { r: 50, t: 30, pk: 'cHJvamVjdDEyMw==', qu: 'requests' }]],
    ],
    [
      'no whitespace after commas and tabs',
      '1,2\t,\t3',
      [
        ['integer', 1, {}],
        ['integer', 2, {}],
        ['integer', 3, {}],
      ],
    ],
    ['a boolean parameter without value', '10;comment', [['integer', 10, { comment: true }]]],
    ['decimals and booleans', '1.5;x=?0', [['decimal', 1.5, { x: false }]]],
    ['an escaped quote in a string', '"a \\"b\\""', [['string', 'a "b"', {}]]],
    ['negative integers parse (the caller rejects them)', '-5', [['integer', -5, {}]]],
  ])('%s', (_what, input, expected) => {
    const parsed = parseSfList(input);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(simplify(parsed.value)).toEqual(expected);
  });

  it.each([
    ['a trailing comma', '100, ', /trailing comma/],
    ['an unterminated string', '"burst;q=100', /unterminated string/],
    ['a key in upper case', '"burst";Q=100', /lowercase key/],
    ['garbage', '%%%', /unexpected "%"/],
    ['two items without a comma', '100 200', /expected ","/],
    ['an integer of 16 digits', '1234567890123456', /15 digits/],
    ['a decimal with four fraction digits', '1.2345', /malformed decimal/],
    ['an inner list', '(1 2);w=1', /inner list/],
    ['a bad boolean', '?2', /\?0 or \?1/],
    ['a control character in a string', '"a\u0001"', /not allowed/],
  ])('rejects %s', (_what, input, error) => {
    const parsed = parseSfList(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });
});

describe('parseSfDictionary', () => {
  it('reads draft -07 RateLimit', () => {
    const parsed = parseSfDictionary('limit=100, remaining=50, reset=5');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect([...parsed.value].map(([key, item]) => [key, item.value.value])).toEqual([
        ['limit', 100],
        ['remaining', 50],
        ['reset', 5],
      ]);
    }
  });

  it.each([
    [
      'a bare key is true',
      'a, b=2',
      [
        ['a', true],
        ['b', 2],
      ],
    ],
    ['a repeated key keeps the last value', 'a=1, a=2', [['a', 2]]],
  ])('%s', (_what, input, expected) => {
    const parsed = parseSfDictionary(input);
    if (!parsed.ok) expect.fail(parsed.error);
    expect([...parsed.value].map(([key, item]) => [key, item.value.value])).toEqual(expected);
  });

  it.each(['"burst";r=50', 'limit=', 'limit=100 remaining=5'])('rejects %s', (input) => {
    expect(parseSfDictionary(input).ok).toBe(false);
  });
});
