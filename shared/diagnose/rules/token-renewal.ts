import { errorsMatching, excerpt } from '../facts';
import type { Facts } from '../facts';
import type { Finding } from '../types';

const NO_REFRESH =
  'This is normal for the OAuth 2 client-credentials grant: it issues no refresh token, so a token that has expired is simply granted again.';

/** The answer shown still refuses the token: the invalid-token findings explain that, not this one. */
function stillRefused(facts: Facts): boolean {
  return (
    facts.status === 401 || errorsMatching(facts, /^Missing, expired or invalid access token/).length > 0
  );
}

const at = (ms: number) => new Date(ms).toISOString();

/**
 * Lantern granted an OAuth token again by itself, before sending (the cached one had expired) or
 * after the server refused the first (the one retry): said plainly, so a silent renewal is no mystery.
 */
export function tokenRenewalFindings(facts: Facts): Finding[] {
  const auth = facts.input.exchange?.auth;
  const renewed = auth?.renewed;
  if (auth?.type !== 'oauth2' || !renewed || facts.status === undefined || stillRefused(facts)) return [];
  const label = auth.credentialLabel ? ` for ${auth.credentialLabel}` : '';
  const evidence = [{ kind: 'auth' as const, name: auth.type, value: excerpt(auth.steps.join(' '), 200) }];
  const previous = renewed.previousExpiresAt;
  if (renewed.reason === 'expired') {
    const sentAt = Date.parse(facts.input.exchange?.startedAt ?? '');
    const soon = previous !== undefined && Number.isFinite(sentAt) && previous > sentAt;
    return [
      {
        id: 'auth.token-renewed',
        severity: 'info',
        title: `The cached token ${soon ? 'was about to expire' : 'had expired'}: Lantern fetched a new one`,
        explanation: `The token Lantern held${label} ${
          previous === undefined
            ? 'could no longer be used'
            : soon
              ? `was to expire at ${at(previous)}, within seconds of this request`
              : `had expired at ${at(previous)}`
        }, so Lantern asked the token endpoint for a new one before sending. ${NO_REFRESH}`,
        fix: 'Nothing to do. The Tokens tab lists each token with its expiry.',
        evidence,
      },
    ];
  }
  const status = renewed.refusedStatus !== undefined ? ` (HTTP ${renewed.refusedStatus})` : '';
  return [
    {
      id: 'auth.token-renewed',
      severity: 'info',
      title: 'The server refused the cached token: Lantern fetched a new one and sent again',
      explanation: `The first answer${status} refused the token Lantern held${label}${
        previous !== undefined ? `, which by its record was valid until ${at(previous)}` : ''
      }: most likely it had expired or been revoked on the server sooner than the token endpoint said. Lantern got a new token and sent the request once more; the answer shown is that second one. ${NO_REFRESH}`,
      fix: 'Nothing to do. If it happens at every send, the server ends tokens sooner than their expires_in, or revokes them: ask its administrators.',
      evidence,
    },
  ];
}
