import { describe, expect, it } from 'vitest';
import { draft, exchange, findingOf, idsOf, NOW, REST_URL } from '../test-support';

const restHeaders: [string, string][] = [
  ['content-type', 'application/json'],
  ['cache-control', 'no-cache, private'],
  ['x-ratelimit-limit', '200'],
  ['x-ratelimit-remaining', '198'],
];
const rest = (
  status: number,
  body: string,
  requestHeaders: [string, string][] = [['Authorization', 'Bearer ••••a5f3']],
) =>
  exchange({ method: 'GET', url: `${REST_URL}/users`, status, headers: restHeaders, body, requestHeaders });
const restDraft = (headers: { name: string; value: string; enabled: boolean }[] = []) =>
  draft({ method: 'GET', url: `${REST_URL}/users`, auth: { type: 'none' }, headers });

describe('REST failures (scenarios 20 and 22, and 403)', () => {
  it('explains a 401 with a Bearer token as mistyped or revoked', () => {
    const input = { exchange: rest(401, '{"message":"Unauthenticated."}') };
    expect(idsOf(input)).toEqual(['rest.unauthorized']);
    const finding = findingOf(input, 'rest.unauthorized');
    expect(finding.explanation).toMatch(/revoked/);
    expect(finding.evidence).toContainEqual({
      kind: 'response-body',
      name: 'message',
      value: 'Unauthenticated.',
    });
  });

  it('says when the pasted JWT had expired by its exp claim', () => {
    const exchanged = {
      ...rest(401, '{"message":"Unauthenticated."}'),
      auth: { type: 'bearer' as const, credentialLabel: 'HR token', steps: [], tokenExpiresAt: NOW - 60_000 },
    };
    expect(findingOf({ exchange: exchanged }, 'rest.unauthorized').explanation).toMatch(
      /The token of HR token is a JWT whose exp claim says it expired at 2025-03-04T09:59:00\.000Z, before this request was sent: that is the likely reason/,
    );
  });

  it('says when no token, another scheme, or stray spaces were sent', () => {
    expect(findingOf({ exchange: rest(401, '{}', []) }, 'rest.unauthorized').explanation).toMatch(
      /No Authorization header/,
    );
    const token = findingOf(
      { exchange: rest(401, '{}', [['Authorization', 'Token ••••a5f3']]) },
      'rest.unauthorized',
    );
    expect(token.explanation).toMatch(/not sent as "Authorization: Bearer/);
    const spaced = restDraft([
      { name: 'Authorization', value: 'Bearer  ihasco_sandbox_7d41 ', enabled: true },
    ]);
    expect(findingOf({ draft: spaced, exchange: rest(401, '{}') }, 'rest.unauthorized').explanation).toMatch(
      /extra spaces/,
    );
  });

  it('explains a 403 as a permission, not a bad token', () => {
    expect(idsOf({ exchange: rest(403, '{"message":"This action is unauthorized."}') })).toEqual([
      'rest.forbidden',
    ]);
  });

  it('lists every refused field of a 400 (scenario 22)', () => {
    const body = JSON.stringify({
      message: 'The email must be a valid email address. (and 1 more error)',
      errors: {
        email: ['The email must be a valid email address.'],
        first_name: ['The first name field is required.'],
      },
    });
    const input = { exchange: rest(400, body) };
    expect(idsOf(input)).toEqual(['rest.validation']);
    const finding = findingOf(input, 'rest.validation');
    expect(finding.title).toBe('2 fields were refused');
    expect(finding.explanation).toContain('• email: The email must be a valid email address.');
    expect(finding.explanation).toContain('• first_name: The first name field is required.');
    expect(finding.evidence.map((e) => e.name)).toEqual([undefined, 'errors.email', 'errors.first_name']);
  });

  it('says nothing about a 200 list or a 400 without field errors', () => {
    expect(idsOf({ exchange: rest(200, '{"data":[],"links":{},"meta":{}}') })).toEqual([]);
    expect(idsOf({ exchange: rest(400, '{"message":"Bad"}') })).toEqual([]);
  });
});
