import { describe, expect, it } from 'vitest';
import { maskJsonFields, maskSecretQueryParams } from './secret-fields';
import { secretReplacer } from './redact-entry';

describe('maskJsonFields', () => {
  it.each([
    // A Totara token response.
    [
      '{"access_token":"eyJhbGciOi.abc.wxyz","token_type":"Bearer","expires_in":86400}',
      '{"access_token":"••••wxyz","token_type":"Bearer","expires_in":86400}',
      ['eyJhbGciOi.abc.wxyz'],
    ],
    // Formatting is kept; names match whatever their case; short values are hidden whole.
    [
      '{\n  "Password" : "hunter2",\n  "user": "ann"\n}',
      '{\n  "Password" : "••••",\n  "user": "ann"\n}',
      ['hunter2'],
    ],
    // Nested objects, arrays, numbers; null and an object value are left alone.
    [
      '[{"a":{"API_KEY":123456789,"token":null,"sesskey":{"x":1}}}]',
      '[{"a":{"API_KEY":"••••6789","token":null,"sesskey":{"x":1}}}]',
      ['123456789'],
    ],
    // A secret name inside a string value is not a field.
    ['{"note":"\\"token\\": \\"abc\\"","x":"token"}', '{"note":"\\"token\\": \\"abc\\"","x":"token"}', []],
    // Escaped key.
    ['{"\\u0074oken":"abcdefghij"}', '{"\\u0074oken":"••••ghij"}', ['abcdefghij']],
  ])('%s', (input, text, values) => {
    expect(maskJsonFields(input)).toEqual({ text, values });
  });

  it('returns null for text that is not JSON', () => {
    expect(maskJsonFields('token=abc')).toBeNull();
    expect(maskJsonFields('{"token": ')).toBeNull();
  });
});

describe('maskSecretQueryParams', () => {
  it.each([
    ['https://x.test/a?api_key=abcdef123456&page=2', 'https://x.test/a?api_key=••••3456&page=2'],
    ['https://x.test/a?page=2&TOKEN=abc#frag', 'https://x.test/a?page=2&TOKEN=••••#frag'],
    ['{{base}}/a?token={{token}}', '{{base}}/a?token={{token}}'],
    ['https://x.test/a?tokens=1&q=token', 'https://x.test/a?tokens=1&q=token'],
    ['https://x.test/token/abc', 'https://x.test/token/abc'],
  ])('%s', (url, masked) => expect(maskSecretQueryParams(url)).toBe(masked));
});

describe('secretReplacer', () => {
  it('masks a secret as written, URL-encoded and JSON-escaped', () => {
    const { text } = secretReplacer(['p@ss "w/rd" 99']);
    expect(text('a p@ss "w/rd" 99 b')).toBe('a ••••" 99 b');
    expect(text(`?x=${encodeURIComponent('p@ss "w/rd" 99')}`)).toBe('?x=••••" 99');
    expect(text('{"x":"p@ss \\"w/rd\\" 99"}')).toBe('{"x":"••••" 99"}');
  });

  it('ignores secrets shorter than four characters', () => {
    expect(secretReplacer(['abc']).text('abc abcd')).toBe('abc abcd');
  });

  it('masks the longer of two overlapping secrets whole, with few or many secrets', () => {
    const many = Array.from({ length: 100 }, (_, i) => `filler-${i}-secret`);
    for (const secrets of [
      ['abcd', 'abcd-efgh-ijkl'],
      ['abcd', 'abcd-efgh-ijkl', ...many],
    ]) {
      const { text } = secretReplacer(secrets);
      expect(text('x abcd-efgh-ijkl y abcd z filler-7-secret')).toBe(
        secrets.length > 2 ? 'x ••••ijkl y •••• z ••••cret' : 'x ••••ijkl y •••• z filler-7-secret',
      );
    }
  });

  it('masks secrets inside binary bodies byte for byte', () => {
    const { base64 } = secretReplacer(['top-secret-value']);
    const body = Buffer.concat([Buffer.from([0, 255]), Buffer.from('top-secret-value'), Buffer.from([7])]);
    expect(Buffer.from(base64(body.toString('base64')), 'base64')).toEqual(
      Buffer.concat([Buffer.from([0, 255]), Buffer.from('••••alue'), Buffer.from([7])]),
    );
  });
});
