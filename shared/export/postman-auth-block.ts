import type { RequestAuth } from '../model/auth';
import type { Collection } from '../model/collection';

type CredentialNeed = Collection['credentials'][number];
type Param = { key: string; value: string; type: 'string' };
export type PostmanAuthBlock = { type: string } & Record<string, Param[] | string>;

/** The variable each kind's secret goes into: `{{access_token}}`, `{{client_secret}}`… */
const SECRET_VARIABLE: Record<CredentialNeed['kind'], string> = {
  bearer: 'access_token',
  oauth2: 'client_secret',
  basic: 'password',
  apiKey: 'api_key',
  session: 'session_cookie',
  browserSession: 'session_cookie',
};

/** `{{session_cookie_2}}` → `sesskey_2`: the CSRF token of the same browser session. */
export const csrfPlaceholder = (cookiePlaceholder: string): string =>
  cookiePlaceholder.replace(/^session_cookie/, 'sesskey');

/**
 * Gives each credential the placeholder its secret is exported as. A second credential of
 * the same kind gets `_2`, so two different tokens never share one variable. One that takes its
 * secret from a `{{variable}}` keeps that variable.
 */
export function secretPlaceholders(credentials: readonly CredentialNeed[]): Map<string, string> {
  const placeholders = new Map<string, string>();
  // A credential that takes its secret from a variable is exported with that variable, which no
  // other credential's placeholder may then use.
  const used = new Set<string>();
  for (const credential of credentials) {
    const reference = /^\{\{(.+)\}\}$/.exec(credential.secretReference ?? '')?.[1];
    if (reference === undefined) continue;
    placeholders.set(credential.id, reference);
    used.add(reference);
  }
  const taken = new Map<string, number>();
  for (const credential of credentials) {
    if (placeholders.has(credential.id)) continue;
    const base = SECRET_VARIABLE[credential.kind];
    let name: string;
    do {
      const count = (taken.get(base) ?? 0) + 1;
      taken.set(base, count);
      name = count === 1 ? base : `${base}_${count}`;
    } while (used.has(name));
    used.add(name);
    placeholders.set(credential.id, name);
  }
  return placeholders;
}

const params = (entries: Record<string, string | undefined>): Param[] =>
  Object.entries(entries)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => ({ key, value, type: 'string' }));

/**
 * Lantern's grant names → Postman's. A credential made in Lantern is a client-credentials client
 * (the only grant Lantern runs); one imported from Postman keeps the grant it came with.
 */
function postmanGrant(fields: Record<string, string>): string {
  const grant = fields.grantType || 'client_credentials';
  if (grant === 'password') return 'password_credentials';
  if (grant === 'authorization_code' && fields.pkce === 'true') return 'authorization_code_with_pkce';
  return grant;
}

/** A Postman auth block for an auth reference: non-secret fields as they are, secrets as `{{placeholders}}`. */
export function postmanAuthBlock(
  auth: RequestAuth,
  credentials: readonly CredentialNeed[],
  placeholders: ReadonlyMap<string, string>,
): PostmanAuthBlock {
  if (auth.type === 'none') return { type: 'noauth' };
  const credential = credentials.find((c) => c.id === auth.credentialId);
  const fields = credential?.fields ?? {};
  const secret = `{{${placeholders.get(auth.credentialId) ?? SECRET_VARIABLE[auth.type]}}}`;
  switch (auth.type) {
    case 'bearer':
      return { type: 'bearer', bearer: params({ token: secret }) };
    case 'basic':
      return { type: 'basic', basic: params({ username: fields.username, password: secret }) };
    case 'apiKey':
      return { type: 'apikey', apikey: params({ key: auth.name, value: secret, in: auth.in }) };
    case 'session':
    case 'browserSession':
      // Postman has no session auth: the cookie travels as an API key in the Cookie header
      // (a browser session's CSRF header is written on the request: see to-postman.ts).
      return { type: 'apikey', apikey: params({ key: 'Cookie', value: secret, in: 'header' }) };
    case 'oauth2': {
      const grant = postmanGrant(fields);
      return {
        type: 'oauth2',
        oauth2: params({
          grant_type: grant,
          accessTokenUrl: fields.tokenUrl,
          authUrl: fields.authorizationUrl,
          clientId: fields.clientId,
          clientSecret: secret,
          scope: fields.scope,
          audience: fields.audience,
          redirect_uri: fields.redirectUri,
          username: fields.username,
          password: grant === 'password_credentials' ? `{{password}}` : undefined,
          // Where the client id and secret go: Postman's "header" is HTTP Basic. Lantern's own
          // setting wins over the name an import kept: it is what the user last chose.
          client_authentication:
            fields.clientAuth === 'basic'
              ? 'header'
              : fields.clientAuth === 'body'
                ? 'body'
                : fields.clientAuthentication || undefined,
          addTokenTo: 'header',
        }),
      };
    }
  }
}
