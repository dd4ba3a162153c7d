import { describe, expect, it } from 'vitest';
import {
  BEARER_SENT,
  draft,
  exchange,
  findingOf,
  GRAPHQL_URL,
  idsOf,
  internalError,
  JSON_SENT,
  NOW,
  OAUTH_APPLIED,
  STATUS_QUERY,
} from '../test-support';

const statusDraft = draft({ json: STATUS_QUERY });
const messages = {
  noAuthorization:
    'The request did not contain the required Authorization header. Ensure you set the header in your request and that it is not being stripped by your server or proxy configuration.',
  invalidToken:
    'Missing, expired or invalid access token. Ensure the Authorization header is set to a valid Bearer token.',
};

describe('Totara authentication (scenarios 3–6)', () => {
  it('says a proxy stripped the header when Lantern sent it (scenario 3)', () => {
    const input = {
      draft: statusDraft,
      exchange: exchange({ body: internalError(messages.noAuthorization), auth: OAUTH_APPLIED }),
    };
    expect(idsOf(input)).toEqual(['totara.auth.header-stripped']);
    const finding = findingOf(input, 'totara.auth.header-stripped');
    expect(finding.fix).toMatch(/CGIPassAuth On/);
    expect(finding.evidence).toContainEqual({
      kind: 'request-header',
      name: 'Authorization',
      value: 'Bearer ••••Qs8w',
    });
    expect(finding.evidence[0]).toMatchObject({ name: 'errors[0].debugMessage' });
  });

  it('reads the debugMessage from extensions too (later Totara versions)', () => {
    const body = JSON.stringify({
      errors: [
        {
          message: 'Internal server error',
          extensions: { category: 'internal', debugMessage: messages.noAuthorization },
        },
      ],
      error: 'Internal server error',
    });
    const finding = findingOf({ exchange: exchange({ body }) }, 'totara.auth.header-stripped');
    expect(finding.evidence[0]).toMatchObject({ name: 'errors[0].extensions.debugMessage' });
  });

  it('says no header was sent when none was (not a proxy)', () => {
    const input = {
      draft: draft({ json: STATUS_QUERY, auth: { type: 'none' } }),
      exchange: exchange({ requestHeaders: [JSON_SENT], body: internalError(messages.noAuthorization) }),
    };
    expect(idsOf(input)).toEqual(['totara.auth.header-missing']);
  });

  it('blames a cross-origin redirect that dropped the header, not a proxy', () => {
    const redirects = [
      {
        status: 308,
        method: 'POST',
        url: 'https://learn.example.com/api/graphql.php',
        location: 'https://www.learn.example.com/api/graphql.php',
      },
    ];
    const input = { exchange: exchange({ body: internalError(messages.noAuthorization), redirects }) };
    expect(idsOf(input)).toEqual(['http.redirect-dropped-auth']);
  });

  it('compares with the token expiry Lantern knows (scenario 4, expired)', () => {
    const tokens = [{ tokenId: 'tok-1', issuedAt: NOW - 7_200_000, expiresAt: NOW - 60_000 }];
    const input = {
      exchange: exchange({ body: internalError(messages.invalidToken), auth: OAUTH_APPLIED }),
      tokens,
    };
    expect(idsOf(input)).toEqual(['totara.auth.token-expired']);
  });

  it('reads when a pasted JWT expired from its exp claim (scenario 4)', () => {
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const jwt = `${b64({ typ: 'JWT', alg: 'HS256' })}.${b64({ aud: 'c', exp: (NOW - 3_600_000) / 1000 })}.sig`;
    const refused = internalError(messages.invalidToken);
    // A bearer credential: the exchange records the JWT's expiry, never the token.
    const pastedAuth = {
      type: 'bearer' as const,
      credentialLabel: 'Pasted token',
      steps: ['Sent the static bearer token of Pasted token.'],
      tokenExpiresAt: NOW - 3_600_000,
    };
    const viaCredential = findingOf(
      { draft: statusDraft, exchange: exchange({ body: refused, auth: pastedAuth }) },
      'totara.auth.token-expired',
    );
    expect(viaCredential.title).toBe('The token expired at 2025-03-04T09:00:00.000Z');
    expect(viaCredential.explanation).toMatch(/^The token of Pasted token is a JWT whose exp claim says/);
    // Typed into the header by hand.
    const typed = draft({
      json: STATUS_QUERY,
      auth: { type: 'none' },
      headers: [{ name: 'Authorization', value: `Bearer ${jwt}`, enabled: true }],
    });
    const viaHeader = findingOf(
      { draft: typed, exchange: exchange({ body: refused }) },
      'totara.auth.token-expired',
    );
    expect(viaHeader.explanation).toMatch(/^The token in the Authorization header is a JWT/);
    // A JWT still valid by its exp: the refusal has another cause.
    const valid = { ...pastedAuth, tokenExpiresAt: NOW + 3_600_000 };
    expect(idsOf({ draft: statusDraft, exchange: exchange({ body: refused, auth: valid }) })).toEqual([
      'totara.auth.token-invalid',
    ]);
  });

  it('spots a lowercase bearer scheme (scenario 4)', () => {
    const sent = exchange({
      requestHeaders: [['Authorization', 'bearer ••••Qs8w'], JSON_SENT],
      body: internalError(messages.invalidToken),
    });
    expect(idsOf({ exchange: sent })).toEqual(['totara.auth.lowercase-bearer']);
    const before = draft({
      json: STATUS_QUERY,
      auth: { type: 'none' },
      headers: [{ name: 'Authorization', value: 'bearer {{token}}', enabled: true }],
    });
    expect(findingOf({ draft: before }, 'totara.auth.lowercase-bearer').severity).toBe('warning');
  });

  it('otherwise calls the token unknown, and points at another site after a refused fresh token', () => {
    const tokens = [{ tokenId: 'tok-1', issuedAt: NOW - 1000, expiresAt: NOW + 3_600_000 }];
    const plain = {
      exchange: exchange({ body: internalError(messages.invalidToken), auth: OAUTH_APPLIED }),
      tokens,
    };
    expect(idsOf(plain)).toEqual(['totara.auth.token-invalid']);
    expect(findingOf(plain, 'totara.auth.token-invalid').explanation).toMatch(/valid until/);
    const retried = {
      ...OAUTH_APPLIED,
      steps: [
        ...OAUTH_APPLIED.steps,
        'Got a new token from …',
        'Retried once with a fresh credential after the server refused the first (HTTP 200).',
      ],
    };
    const again = { exchange: exchange({ body: internalError(messages.invalidToken), auth: retried }) };
    expect(findingOf(again, 'totara.auth.token-invalid').explanation).toMatch(/another site/);
  });

  it.each([
    ["Couldn't identify OAuth2 client provider for this request.", 'totara.auth.client-disabled'],
    ['API user is invalid.', 'totara.auth.api-user-invalid'],
    ["Couldn't identify API user for this request.", 'totara.auth.api-user-missing'],
    ["Couldn't identify API client for this request.", 'totara.auth.api-client-missing'],
    ['Missing or invalid HTTP request headers', 'totara.auth.bad-headers'],
  ])('maps "%s" to %s (scenarios 5 and 6)', (debugMessage, id) => {
    expect(
      idsOf({
        draft: statusDraft,
        exchange: exchange({ body: internalError(debugMessage), auth: OAUTH_APPLIED }),
      }),
    ).toEqual([id]);
  });

  it('lists the service-account rules for "API user is invalid."', () => {
    const finding = findingOf(
      { exchange: exchange({ body: internalError('API user is invalid.') }) },
      'totara.auth.api-user-invalid',
    );
    expect(finding.explanation).toMatch(/suspended or deleted.*guest.*site administrator.*tenant/);
  });

  it('says nothing about a working request', () => {
    const ok = exchange({
      url: GRAPHQL_URL,
      requestHeaders: [BEARER_SENT, JSON_SENT],
      body: '{"data":{"totara_webapi_status":{"status":"ok"}}}',
    });
    expect(idsOf({ draft: statusDraft, exchange: ok })).toEqual([]);
  });
});
