import { secretReference, type AppliedAuth, type RequestAuth } from '../../../shared/model/auth';
import { LanternError } from '../../../shared/model/result';
import { headerValueProblem } from '../../../shared/template/index';
import type { Exchange } from '../../../shared/model/response';
import type { PreparedRequest } from '../engine/request-builder';
import { jwtExpiresAt } from '../../../shared/auth/jwt-expiry';
import { mergeCookieHeaders, SESSKEY_PARAM } from '../../../shared/curl';
import { browserSessionPieces, decodeBrowserSession } from './browser-session-secret';
import type { Credential, CredentialStore } from './credential-store';
import { secretField, secretOf } from './credential-input';
import type { SessionManager } from './session-manager';
import type { TokenManager } from './token-manager';

export interface AuthContext {
  credentials: CredentialStore;
  tokens: TokenManager;
  sessions: SessionManager;
}

export interface AuthorizedRequest {
  prepared: PreparedRequest;
  applied: AppliedAuth;
  /** Values that must be masked wherever this exchange is shown or stored. */
  secrets: string[];
}

/**
 * A credential's value that cannot be sent in a header: a line break (a token copied with its
 * trailing newline) or another control character. Said plainly, naming the credential, not the value.
 */
function checkHeaderValue(value: string, what: string): void {
  const problem = headerValueProblem(value);
  if (!problem) return;
  const atEnd = problem.where === 'at the end';
  throw new LanternError(
    'auth.invalid-header-value',
    `${what} has ${problem.what} ${problem.where}, and a header value must be a single line of text, so Lantern cannot send it.${atEnd && problem.what === 'a line break' ? ' A token copied with its trailing newline is the usual case.' : ''} Edit the credential and remove it.`,
  );
}

/** Sets an auth header, and records its name so a redirect to another origin drops it. */
function withHeader(prepared: PreparedRequest, name: string, value: string): PreparedRequest {
  const headers = prepared.headers.filter(([n]) => n.toLowerCase() !== name.toLowerCase());
  const authHeaderNames = [...(prepared.authHeaderNames ?? []), name];
  return { ...prepared, headers: [...headers, [name, value]], authHeaderNames };
}

/**
 * Moodle/Totara's AJAX service (`lib/ajax/service.php?sesskey=&info=…`) reads the sesskey from
 * the query: an empty `sesskey` parameter is filled with the session's token.
 */
function withSesskeyParameter(prepared: PreparedRequest, csrfToken: string): PreparedRequest | undefined {
  // Edited as text: URLSearchParams would re-encode every other parameter.
  const empty = new RegExp(`([?&]${SESSKEY_PARAM}=)(?=&|$)`, 'i');
  if (!empty.test(prepared.url.search)) return undefined;
  const url = new URL(prepared.url);
  url.search = prepared.url.search.replace(empty, (start: string) => start + encodeURIComponent(csrfToken));
  return { ...prepared, url };
}

/** Totara persisted operations ending in `_nosession` need neither cookie nor sesskey. */
function isNoSessionOperation(prepared: PreparedRequest): boolean {
  if (typeof prepared.body !== 'string') return false;
  try {
    const body = JSON.parse(prepared.body) as { operationName?: unknown };
    return typeof body.operationName === 'string' && body.operationName.endsWith('_nosession');
  } catch {
    return false;
  }
}

/** Adds the credential a request names; `fresh` forces a new token or a new login. */
export async function applyAuth(
  auth: RequestAuth,
  prepared: PreparedRequest,
  context: AuthContext,
  fresh = false,
  /** Fills `{{variables}}` in a credential's non-secret fields (token URL, client id, login URL, username). */
  resolve: (text: string, where: string) => string = (text) => text,
): Promise<AuthorizedRequest> {
  if (auth.type === 'none') return { prepared, applied: { type: 'none', steps: [] }, secrets: [] };
  const credential = resolveFields(context.credentials.get(auth.credentialId), resolve);
  const base = { type: auth.type, credentialLabel: credential.label };
  if (auth.type === 'bearer' && credential.kind === 'bearer') {
    checkHeaderValue(credential.token, `The token of the credential "${credential.label}"`);
    // A pasted JWT says when it expires: the diagnosis can then say "expired at …", not "unknown".
    const expiresAt = jwtExpiresAt(credential.token);
    return {
      prepared: withHeader(prepared, 'Authorization', `Bearer ${credential.token}`),
      applied: {
        ...base,
        steps: [`Sent the static bearer token of ${credential.label}.`],
        ...(expiresAt !== undefined ? { tokenExpiresAt: expiresAt } : {}),
      },
      secrets: [credential.token],
    };
  }
  if (auth.type === 'basic' && credential.kind === 'basic') {
    const encoded = Buffer.from(`${credential.username}:${credential.password}`).toString('base64');
    return {
      prepared: withHeader(prepared, 'Authorization', `Basic ${encoded}`),
      applied: { ...base, steps: [`Sent HTTP Basic credentials for ${credential.username}.`] },
      secrets: [credential.password, encoded],
    };
  }
  if (auth.type === 'apiKey' && credential.kind === 'apiKey') {
    if (auth.in === 'header') {
      checkHeaderValue(credential.key, `The API key of the credential "${credential.label}"`);
      return {
        prepared: withHeader(prepared, auth.name, credential.key),
        applied: { ...base, steps: [`Sent the API key in the ${auth.name} header.`] },
        secrets: [credential.key],
      };
    }
    const url = new URL(prepared.url);
    url.searchParams.set(auth.name, credential.key);
    return {
      prepared: { ...prepared, url },
      applied: { ...base, steps: [`Sent the API key in the ${auth.name} query parameter.`] },
      secrets: [credential.key],
    };
  }
  if (auth.type === 'oauth2' && credential.kind === 'oauth2') {
    const { token, step, expired } = await context.tokens.tokenFor(credential, { fresh });
    const renewed = expired && {
      reason: 'expired' as const,
      ...(expired.expiresAt !== undefined ? { previousExpiresAt: expired.expiresAt } : {}),
    };
    // Only the capitalised scheme works everywhere: Totara strips exactly "Bearer ".
    return {
      prepared: withHeader(prepared, 'Authorization', `Bearer ${token.accessToken}`),
      applied: {
        ...base,
        tokenId: token.id,
        steps: [step],
        ...(renewed ? { renewed } : {}),
        ...(token.expiresAt !== undefined ? { tokenExpiresAt: token.expiresAt } : {}),
      },
      secrets: [credential.clientSecret, token.accessToken],
    };
  }
  if (auth.type === 'session' && credential.kind === 'session') {
    if (isNoSessionOperation(prepared)) {
      return {
        prepared,
        applied: { ...base, steps: ['Skipped the session: _nosession operations need none.'] },
        secrets: [],
      };
    }
    const { session, step } = await context.sessions.sessionFor(credential, { fresh });
    const existingCookie = prepared.headers.find(([n]) => n.toLowerCase() === 'cookie')?.[1];
    const cookie = existingCookie ? `${existingCookie}; ${session.cookieHeader}` : session.cookieHeader;
    const withCookie = withHeader(prepared, 'Cookie', cookie);
    return {
      prepared: withHeader(withCookie, credential.csrfHeader, session.csrfToken),
      applied: { ...base, steps: [step] },
      secrets: [
        credential.password,
        session.csrfToken,
        ...session.cookieHeader.split('; ').map((p) => p.split('=')[1] ?? ''),
      ],
    };
  }
  if (auth.type === 'browserSession' && credential.kind === 'browserSession') {
    return applyBrowserSession(credential, prepared, base);
  }
  return {
    prepared,
    applied: {
      ...base,
      steps: [
        `The credential "${credential.label}" is a ${credential.kind} credential, not ${auth.type}: nothing was added.`,
      ],
    },
    secrets: [],
  };
}

/**
 * A pasted browser session: its cookies join the request's own Cookie header (the session's win
 * for a name both have; the jar adds only names neither has) and its CSRF header is set. Sent to
 * the site it was copied from only, so a request elsewhere never carries the session.
 */
function applyBrowserSession(
  credential: Extract<Credential, { kind: 'browserSession' }>,
  prepared: PreparedRequest,
  base: Pick<AppliedAuth, 'type' | 'credentialLabel'>,
): AuthorizedRequest {
  const secrets = browserSessionPieces(credential.session);
  if (prepared.url.origin !== credential.siteUrl) {
    const step = `Did not send the browser session of ${credential.label}: it belongs to ${credential.siteUrl}, and this request goes to ${prepared.url.origin}.`;
    return { prepared, applied: { ...base, steps: [step] }, secrets };
  }
  if (isNoSessionOperation(prepared)) {
    const step = 'Skipped the session: _nosession operations need none.';
    return { prepared, applied: { ...base, steps: [step] }, secrets };
  }
  const { cookie, csrfToken } = decodeBrowserSession(credential.session, `"${credential.label}"`);
  const own = prepared.headers.filter(([n]) => n.toLowerCase() === 'cookie').map(([, v]) => v);
  let next = withHeader(prepared, 'Cookie', mergeCookieHeaders(...own, cookie) ?? cookie);
  if (csrfToken) next = withHeader(next, credential.csrfHeader, csrfToken);
  const inQuery = csrfToken ? withSesskeyParameter(next, csrfToken) : undefined;
  if (inQuery) {
    next = inQuery;
    // The address shows the token URL-encoded: mask that form too.
    if (encodeURIComponent(csrfToken) !== csrfToken) secrets.push(encodeURIComponent(csrfToken));
  }
  const sent = csrfToken
    ? `the cookie and the ${credential.csrfHeader} header${inQuery ? ' (and filled the empty sesskey parameter)' : ''}`
    : 'the cookie (it has no CSRF token)';
  return {
    prepared: next,
    applied: {
      ...base,
      steps: [
        `Sent ${sent} of the browser session pasted into ${credential.label}. Lantern cannot renew it: when it expires, paste a fresh "Copy as cURL".`,
      ],
    },
    secrets,
  };
}

/** Did the server refuse the credential Lantern believed valid? Then one retry with a fresh one is worth it. */
export function authWasRejected(auth: RequestAuth, exchange: Exchange): boolean {
  const body = exchange.response.body.encoding === 'utf8' ? exchange.response.body.text.slice(0, 4096) : '';
  if (auth.type === 'oauth2') {
    // Totara answers an expired token with HTTP 200 and this debugMessage.
    return exchange.response.status === 401 || body.includes('Missing, expired or invalid access token');
  }
  if (auth.type === 'session') {
    return /Invalid sesskey|"require_login"/.test(body);
  }
  return false;
}

/** Names of each kind's secret field, as a message says them. */
const SECRET_NAMES: Record<Credential['kind'], string> = {
  bearer: 'token',
  basic: 'password',
  apiKey: 'API key',
  oauth2: 'client secret',
  session: 'password',
  browserSession: 'browser session',
};

/**
 * A secret taken from a `{{variable}}` is filled from the send's variables (environment, folder,
 * run); an undefined one stops the send like any other. The value found is then in this send's
 * masks: `applyAuth` returns it among its secrets.
 */
function resolveSecret(credential: Credential, resolve: (text: string, where: string) => string): Credential {
  if (credential.kind === 'browserSession') return credential;
  const field = secretField[credential.kind];
  const value = secretOf(credential);
  if (secretReference(value) === undefined) return credential;
  const where = `the ${SECRET_NAMES[credential.kind]} of the credential "${credential.label}"`;
  return { ...credential, [field]: resolve(value, where) };
}

function resolveFields(credential: Credential, resolve: (text: string, where: string) => string): Credential {
  credential = resolveSecret(credential, resolve);
  const where = (field: string) => `the ${field} of the credential "${credential.label}"`;
  if (credential.kind === 'oauth2') {
    return {
      ...credential,
      tokenUrl: resolve(credential.tokenUrl, where('token URL')),
      clientId: resolve(credential.clientId, where('client id')),
      scope: credential.scope && resolve(credential.scope, where('scope')),
      audience: credential.audience && resolve(credential.audience, where('audience')),
    };
  }
  if (credential.kind === 'session') {
    return {
      ...credential,
      loginUrl: resolve(credential.loginUrl, where('login URL')),
      username: resolve(credential.username, where('username')),
    };
  }
  if (credential.kind === 'basic')
    return { ...credential, username: resolve(credential.username, where('username')) };
  return credential;
}
