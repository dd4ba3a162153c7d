import { describe, expect, it } from 'vitest';
import { leaksSecret, maskHeaderList, maskKnownSecrets, maskSecretFields, maskUrl } from './mask';

describe('maskKnownSecrets', () => {
  it.each([
    ['as is', 'token abcdefgh1234 here', 'token ••••1234 here'],
    ['URL-encoded', 'q=a%2Fb%2Bc%3Dd0000', 'q=••••0000'],
    ['JSON-escaped as PHP does', '{"v":"a\\/b+c=d0000"}', '{"v":"••••0000"}'],
  ])('%s', (_, text, expected) => {
    const secrets = ['abcdefgh1234', 'a/b+c=d0000'];
    expect(maskKnownSecrets(text, secrets)).toBe(expected);
  });

  it('ignores secrets shorter than four characters (they would mask ordinary words)', () => {
    expect(maskKnownSecrets('an abc', ['abc'])).toBe('an abc');
  });

  it('masks a JSON-escaped secret', () => {
    const secret = 'quote"in\\side';
    const text = JSON.stringify({ s: secret });
    expect(leaksSecret(maskKnownSecrets(text, [secret]), [secret])).toBe(false);
  });
});

describe('maskSecretFields', () => {
  it.each([
    ['JSON field', '{"access_token": "eyJhbGciOi.abc.def"}', '{"access_token": "••••.def"}'],
    ['keeps client_id', '{"client_id":"abc-123"}', '{"client_id":"abc-123"}'],
    [
      'form field',
      'grant_type=client_credentials&client_secret=s3cr3tvalue',
      'grant_type=client_credentials&client_secret=••••alue',
    ],
    ['query parameter', '/x?token=abcdefghijk&a=1', '/x?token=••••hijk&a=1'],
    ['truncated JSON', '{"password":"hunter22-x", "more": "…', '{"password":"••••22-x", "more": "…'],
  ])('%s', (_, text, expected) => {
    expect(maskSecretFields(text)).toBe(expected);
  });
});

describe('maskUrl', () => {
  it('masks a password in the URL', () => {
    expect(maskUrl('https://me:pa55word@host/x', [])).toBe('https://me:••••@host/x');
  });
});

describe('maskHeaderList', () => {
  it.each<[string, string, string]>([
    ['Authorization', 'Bearer abcdefghijkl', 'Bearer ••••ijkl'],
    ['Cookie', 'a=1234567890; b=x', 'a=••••7890; b=••••'],
    ['X-Totara-Sesskey', 'abcdefghij', '••••ghij'],
    ['X-Auth-Token', 'abcdefghij', '••••ghij'],
    ['Content-Type', 'application/json', 'application/json'],
    ['Authorization', 'Bearer ••••ijkl', 'Bearer ••••ijkl'],
  ])('%s: %s', (name, value, expected) => {
    expect(maskHeaderList([[name, value]], [])).toEqual([[name, expected]]);
  });

  it('masks a known secret in any header', () => {
    expect(maskHeaderList([['X-Echo', 'got zzzz-secret-1']], ['zzzz-secret-1'])).toEqual([
      ['X-Echo', 'got ••••et-1'],
    ]);
  });
});
