import { describe, expect, it } from 'vitest';
import { readTokenResponse } from './token-response';

const now = 1_700_000_000_000;
// A JWT whose payload is {"exp": 1700003600} (header {"alg":"none"}), as Totara-style tokens carry.
const jwt = 'eyJhbGciOiJub25lIn0.eyJleHAiOjE3MDAwMDM2MDB9.';

describe('readTokenResponse', () => {
  it.each([
    [
      'Totara invalid_client answered with HTTP 200',
      200,
      '{"error":"invalid_client","error_description":"Client authentication failed","message":"Client authentication failed"}',
      'oauth.invalid_client',
      /Client authentication failed.*HTTP 200: do not trust the status code/,
    ],
    [
      'unsupported_grant_type (a JSON body)',
      200,
      '{"error":"unsupported_grant_type","error_description":"The authorization grant type is not supported by the authorization server."}',
      'oauth.unsupported_grant_type',
      /must be a form body/,
    ],
    [
      'a login page instead of JSON',
      200,
      '<!DOCTYPE html><html>Log in</html>',
      'oauth.not-json',
      /not JSON \("<!DOCTYPE html>/,
    ],
    ['an empty body', 502, '', 'oauth.not-json', /an empty body/],
    [
      'JSON without access_token',
      200,
      '{"token_type":"Bearer"}',
      'oauth.no-access-token',
      /keys: token_type/,
    ],
    ['an HTTP error with a token-looking body', 500, '{"access_token":"x"}', 'oauth.http-error', /HTTP 500/],
  ])('%s', (_what, status, body, code, message) => {
    expect(readTokenResponse(status, body, now)).toEqual({
      ok: false,
      code,
      message: expect.stringMatching(message),
    });
  });

  it('takes the expiry from expires_in', () => {
    expect(
      readTokenResponse(200, '{"token_type":"Bearer","expires_in":120,"access_token":"abc"}', now),
    ).toEqual({
      ok: true,
      accessToken: 'abc',
      tokenType: 'Bearer',
      expiresAt: now + 120_000,
      scope: undefined,
    });
  });

  it('falls back to the JWT exp, and to no expiry for an opaque token', () => {
    expect(readTokenResponse(200, JSON.stringify({ access_token: jwt }), now)).toMatchObject({
      expiresAt: 1_700_003_600_000,
    });
    expect(readTokenResponse(200, '{"access_token":"opaque","scope":"read"}', now)).toMatchObject({
      expiresAt: undefined,
      scope: 'read',
    });
  });
});
