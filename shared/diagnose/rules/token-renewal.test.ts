import { describe, expect, it } from 'vitest';
import type { AppliedAuth } from '../../model/auth';
import { draft, exchange, idsOf, internalError, NOW, OAUTH_APPLIED, STATUS_QUERY } from '../test-support';
import { diagnose } from '../diagnose';

const OK = '{"data":{"totara_webapi_status":{"status":"ok"}}}';
const REFUSED = internalError(
  'Missing, expired or invalid access token. Ensure the Authorization header is set to a valid Bearer token.',
);
const startedAt = new Date(NOW - 1000).toISOString();
const GRANTED = 'Got a new token from https://learn.example.com/totara/oauth2/token.php (HTTP 200, 41 ms).';
const applied = (renewed: AppliedAuth['renewed'], steps = [GRANTED]): AppliedAuth => ({
  ...OAUTH_APPLIED,
  steps,
  ...(renewed ? { renewed } : {}),
});
const renewal = (auth: AppliedAuth, body = OK) =>
  diagnose({
    nowMs: NOW,
    draft: draft({ json: STATUS_QUERY }),
    exchange: exchange({ body, auth, startedAt }),
  }).find((f) => f.id === 'auth.token-renewed');

describe('a token Lantern granted again by itself (item 4)', () => {
  it.each([
    [
      'the cached token had expired',
      applied({ reason: 'expired', previousExpiresAt: NOW - 60_000 }),
      'The cached token had expired: Lantern fetched a new one',
      /held for Totara client had expired at 2025-03-04T09:59:00\.000Z, so Lantern asked the token endpoint/,
    ],
    [
      'the cached token was about to expire (Lantern renews 10 s early)',
      applied({ reason: 'expired', previousExpiresAt: NOW + 5_000 }),
      'The cached token was about to expire: Lantern fetched a new one',
      /was to expire at 2025-03-04T10:00:05\.000Z, within seconds of this request/,
    ],
    [
      'the server refused it, and the fresh one worked',
      applied({ reason: 'refused', refusedStatus: 200, previousExpiresAt: NOW + 3_600_000 }, [
        'Used a cached token for Totara client (expires in 3600 s).',
        GRANTED,
        'Retried once with a fresh credential after the server refused the first (HTTP 200).',
      ]),
      'The server refused the cached token: Lantern fetched a new one and sent again',
      /first answer \(HTTP 200\) refused the token .* valid until 2025-03-04T11:00:00\.000Z: most likely it had expired or been revoked/,
    ],
  ])('%s', (_name, auth, title, explanation) => {
    const finding = renewal(auth);
    expect(finding?.severity).toBe('info');
    expect(finding?.title).toBe(title);
    expect(finding?.explanation).toMatch(explanation);
    expect(finding?.explanation).toMatch(/client-credentials grant: it issues no refresh token/);
  });

  it('says nothing when the new token was refused too: the invalid-token finding explains that', () => {
    const auth = applied({ reason: 'refused', refusedStatus: 200 });
    expect(renewal(auth, REFUSED)).toBeUndefined();
    expect(
      idsOf({ draft: draft({ json: STATUS_QUERY }), exchange: exchange({ body: REFUSED, auth }) }),
    ).toEqual(['totara.auth.token-invalid']);
  });

  it('says nothing of a first grant or a cached token', () => {
    expect(renewal(applied(undefined))).toBeUndefined();
    expect(renewal(OAUTH_APPLIED)).toBeUndefined();
  });
});
