import { describe, expect, it } from 'vitest';
import { draft, exchange, findingOf, idsOf, TOKEN_URL } from '../test-support';

const tokenHeaders: [string, string][] = [
  ['content-type', 'text/html; charset=utf-8'],
  ['cache-control', 'no-store'],
  ['pragma', 'no-cache'],
];
const invalidClient =
  '{"error":"invalid_client","error_description":"Client authentication failed","message":"Client authentication failed"}';
const unsupportedGrant =
  '{"error":"unsupported_grant_type","error_description":"The authorization grant type is not supported by the authorization server.","hint":"Check that all required parameters have been provided","message":"The authorization grant type is not supported by the authorization server."}';
const formSent: [string, string][] = [['Content-Type', 'application/x-www-form-urlencoded']];
const tokenCall = (body: string, requestHeaders = formSent) =>
  exchange({ url: TOKEN_URL, headers: tokenHeaders, body, requestHeaders });
const formDraft = draft({
  url: '{{base}}/totara/oauth2/token.php',
  auth: { type: 'none' },
  headers: [],
  body: {
    mode: 'form-urlencoded',
    fields: [{ name: 'grant_type', value: 'client_credentials', enabled: true }],
  },
});

describe('token endpoint (scenarios 1 and 2)', () => {
  it('reads invalid_client from a 200 answer and says the status lies', () => {
    const input = { draft: formDraft, exchange: tokenCall(invalidClient) };
    expect(idsOf(input)).toEqual(['totara.token.invalid-client']);
    const finding = findingOf(input, 'totara.token.invalid-client');
    expect(finding.explanation).toMatch(/HTTP 200/);
    expect(finding.evidence).toContainEqual({
      kind: 'response-body',
      name: 'error',
      value: 'invalid_client',
    });
  });

  it('explains invalid_client from the token manager (a failed send)', () => {
    const error = {
      code: 'oauth.invalid_client',
      message:
        'Token request failed: invalid_client ("Client authentication failed"). The token endpoint refused the client… The server said so with HTTP 200: do not trust the status code here.',
    };
    expect(idsOf({ draft: draft(), error })).toEqual(['totara.token.invalid-client']);
  });

  it('blames a JSON body for unsupported_grant_type', () => {
    const jsonDraft = draft({
      url: '{{base}}/totara/oauth2/token.php',
      auth: { type: 'none' },
      json: { grant_type: 'client_credentials', client_id: 'x', client_secret: 'y' },
    });
    const input = {
      draft: jsonDraft,
      exchange: tokenCall(unsupportedGrant, [['Content-Type', 'application/json']]),
    };
    expect(idsOf(input)).toEqual(['totara.token.json-body']);
    expect(findingOf(input, 'totara.token.json-body').evidence).toContainEqual({
      kind: 'request-header',
      name: 'Content-Type',
      value: 'application/json',
    });
  });

  it('warns about a JSON token request before it is sent', () => {
    const jsonDraft = draft({
      url: '{{base}}/totara/oauth2/token.php',
      json: { grant_type: 'client_credentials' },
    });
    const [finding] = [findingOf({ draft: jsonDraft }, 'totara.token.json-body')];
    expect(finding?.severity).toBe('warning');
  });

  it('does not blame JSON when a form body lacks grant_type', () => {
    expect(idsOf({ draft: formDraft, exchange: tokenCall(unsupportedGrant) })).toEqual([
      'totara.token.unsupported-grant-type',
    ]);
    // Lantern's own token requests are forms: the token URL is the suspect then. Nothing here
    // says the server is Totara, so the finding speaks of OAuth 2 in general.
    expect(
      idsOf({ error: { code: 'oauth.unsupported_grant_type', message: 'Token request failed' } }),
    ).toEqual(['oauth.unsupported-grant-type']);
  });

  it('reports a missing client_id, and a token URL that is not a token endpoint', () => {
    const missing =
      '{"error":"invalid_request","error_description":"The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.","hint":"Check the `client_id` parameter","message":"…"}';
    expect(idsOf({ exchange: tokenCall(missing) })).toEqual(['totara.token.invalid-request']);
    expect(
      idsOf({ error: { code: 'oauth.not-json', message: 'The token endpoint answered HTTP 200 with…' } }),
    ).toEqual(['oauth.token-not-json']);
  });

  // Keycloak's answers (RFC 6749 §5.2): nothing in them is Totara's, so nothing said is either.
  it.each([
    [
      'a wrong secret (401 invalid_client)',
      401,
      '{"error":"invalid_client","error_description":"Invalid client or Invalid client credentials"}',
      formSent,
      'oauth.invalid-client',
    ],
    [
      'a JSON body (400 unsupported_grant_type)',
      400,
      '{"error":"unsupported_grant_type","error_description":"Unsupported grant_type"}',
      [['Content-Type', 'application/json']] as [string, string][],
      'oauth.json-body',
    ],
  ])('speaks of OAuth 2 in general for another provider: %s', (_name, status, body, sent, id) => {
    const input = {
      exchange: exchange({
        url: 'https://auth.example.com/realms/hr/protocol/openid-connect/token',
        status,
        headers: [['content-type', 'application/json']],
        body,
        requestHeaders: sent,
      }),
    };
    expect(idsOf(input)).toEqual([id]);
    const finding = findingOf(input, id);
    expect(`${finding.title} ${finding.explanation} ${finding.fix}`).not.toMatch(/Totara/);
  });

  it('says nothing about a successful token call', () => {
    const ok =
      '{"token_type":"Bearer","expires_in":86400,"access_token":"eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.e30.x"}';
    expect(idsOf({ draft: formDraft, exchange: tokenCall(ok) })).toEqual([]);
  });
});
