import type { AuthOutcome } from './auth-outcome';
import type { PostmanAuth } from './postman-source';
import { text } from './postman-source';

/** `[{ key, value }]` (v2.1) or `{ key: value }` (v2.0) → a plain record. */
function params(auth: PostmanAuth): Record<string, string> {
  const raw = auth[auth.type];
  const out: Record<string, string> = {};
  if (Array.isArray(raw)) {
    for (const entry of raw as { key?: unknown; value?: unknown }[]) {
      if (typeof entry?.key === 'string') out[entry.key] = text(entry.value);
    }
  } else if (raw && typeof raw === 'object') {
    for (const [key, value] of Object.entries(raw)) out[key] = text(value);
  }
  return out;
}

/** Postman's grant names → the ones Lantern (and Insomnia) use. */
const GRANTS: Record<string, string> = {
  client_credentials: 'client_credentials',
  authorization_code: 'authorization_code',
  authorization_code_with_pkce: 'authorization_code',
  password_credentials: 'password',
  implicit: 'implicit',
};

/** Reads a Postman auth block. Secret values go to `secrets`, never to `fields`. */
export function readPostmanAuth(auth: PostmanAuth | null | undefined): AuthOutcome {
  if (!auth || auth.type === 'inherit') return { kind: 'absent' };
  const p = params(auth);
  switch (auth.type) {
    case 'noauth':
      return { kind: 'none' };
    case 'bearer':
      return { kind: 'found', found: { kind: 'bearer', fields: {}, secrets: [p.token] } };
    case 'basic':
      return {
        kind: 'found',
        found: { kind: 'basic', fields: { username: p.username ?? '' }, secrets: [p.password] },
      };
    case 'apikey': {
      const name = p.key || 'X-API-Key';
      const place = p.in === 'query' ? 'query' : 'header';
      return {
        kind: 'found',
        found: {
          kind: 'apiKey',
          fields: { name, in: place },
          secrets: [p.value],
          apiKey: { name, in: place },
        },
      };
    }
    case 'oauth2': {
      const grant = p.grant_type ?? 'authorization_code';
      const fields: Record<string, string> = {
        grantType: GRANTS[grant] ?? grant,
        tokenUrl: p.accessTokenUrl ?? '',
        authorizationUrl: p.authUrl ?? '',
        clientId: p.clientId ?? '',
        scope: p.scope ?? '',
        audience: p.audience ?? '',
        redirectUri: p.redirect_uri ?? '',
        username: p.username ?? '',
        clientAuthentication: p.client_authentication ?? '',
        // Lantern's own name for it: "header" is HTTP Basic, "body" the form body. Postman sends
        // the client's id and secret as Basic when the collection does not say (its default).
        clientAuth: p.client_authentication === 'body' ? 'body' : 'basic',
      };
      if (grant === 'authorization_code_with_pkce') fields.pkce = 'true';
      const secrets = [p.clientSecret, p.password, p.accessToken, p.refreshToken];
      return { kind: 'found', found: { kind: 'oauth2', fields, secrets } };
    }
    default:
      return { kind: 'unsupported', scheme: auth.type };
  }
}
