import { describe, expect, it } from 'vitest';
import { parseChallenges } from './auth';

const asObjects = (value: string) =>
  parseChallenges(value).map(({ scheme, token68, params }) => ({
    scheme,
    ...(token68 === undefined ? {} : { token68 }),
    params: Object.fromEntries(params),
  }));

describe('parseChallenges', () => {
  it.each<[string, string, ReturnType<typeof asObjects>]>([
    [
      'RFC 6750 §3 invalid_token',
      'Bearer realm="example", error="invalid_token", error_description="The access token expired"',
      [
        {
          scheme: 'Bearer',
          params: { realm: 'example', error: 'invalid_token', error_description: 'The access token expired' },
        },
      ],
    ],
    ['a bare scheme', 'Bearer', [{ scheme: 'Bearer', params: {} }]],
    [
      'two challenges in one field (RFC 9110 §11.6.1)',
      'Basic realm="simple", Newauth realm="apps", type=1, title="Login to \\"apps\\""',
      [
        { scheme: 'Basic', params: { realm: 'simple' } },
        { scheme: 'Newauth', params: { realm: 'apps', type: '1', title: 'Login to "apps"' } },
      ],
    ],
    [
      'a token68 (Negotiate) followed by another challenge',
      'Negotiate YIIBfwYGKwYBBQUCoIIBczCCAW+gMDAuBgkqhkiC9xIBAgIGCSqGSIb3EgECAgYKKwYBBAGCNwICHg==, NTLM',
      [
        {
          scheme: 'Negotiate',
          token68: 'YIIBfwYGKwYBBQUCoIIBczCCAW+gMDAuBgkqhkiC9xIBAgIGCSqGSIb3EgECAgYKKwYBBAGCNwICHg==',
          params: {},
        },
        { scheme: 'NTLM', params: {} },
      ],
    ],
    [
      'a comma inside a quoted value, and unquoted values',
      'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"',
      [
        {
          scheme: 'Digest',
          params: {
            realm: 'http-auth@example.org',
            qop: 'auth, auth-int',
            algorithm: 'SHA-256',
            nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
          },
        },
      ],
    ],
    [
      'parameter names in capitals and spaces around "="',
      'Bearer Realm = "api", ERROR="insufficient_scope", scope="read write"',
      [{ scheme: 'Bearer', params: { realm: 'api', error: 'insufficient_scope', scope: 'read write' } }],
    ],
  ])('%s', (_what, value, expected) => {
    expect(asObjects(value)).toEqual(expected);
  });

  it.each(['', ',,,', '"', '=', 'Bearer ="x"', 'Bearer realm="unterminated'])('survives %j', (value) => {
    expect(() => parseChallenges(value)).not.toThrow();
  });
});
