import { describe, expect, it } from 'vitest';
import { jwtExpiresAt } from './jwt-expiry';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (payload: object) => `${b64({ typ: 'JWT', alg: 'HS256' })}.${b64(payload)}.c2ln`;

describe('jwtExpiresAt', () => {
  it.each([
    // The sandbox's (and Totara's) token payload: aud, jti, iat, nbf, exp, sub, scopes.
    [
      'a Totara-style token',
      jwt({
        aud: 'client',
        jti: 'x',
        iat: 1741082400,
        nbf: 1741082400,
        exp: 1741168800,
        sub: '',
        scopes: [],
      }),
      1741168800_000,
    ],
    ['with a trailing newline, as pasted', `${jwt({ exp: 1700000000 })}\n`, 1700000000_000],
    ['a JWT without exp', jwt({ sub: 'x' }), undefined],
    ['exp that is not a number', jwt({ exp: 'soon' }), undefined],
    ['an opaque token', 'ihasco_sandbox_7d41b2c9e0f3a5', undefined],
    ['three parts that are not JSON', 'a.b.c', undefined],
  ])('%s', (_name, token, expected) => {
    expect(jwtExpiresAt(token)).toBe(expected);
  });
});
