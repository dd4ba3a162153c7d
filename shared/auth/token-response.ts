import { jwtExpiresAt } from './jwt-expiry';

export type TokenResponseVerdict =
  | {
      ok: true;
      accessToken: string;
      tokenType: string;
      expiresAt: number | undefined;
      scope: string | undefined;
    }
  | { ok: false; code: string; message: string };

const OAUTH_ERRORS: Record<string, string> = {
  invalid_client:
    'The token endpoint refused the client: the client id or secret is wrong, or the client is disabled. Check both values (no stray spaces) and that the client is enabled on the server.',
  unsupported_grant_type:
    'The token endpoint did not see grant_type=client_credentials. This usually means the body was sent as JSON: the token request must be a form body (application/x-www-form-urlencoded).',
  invalid_request:
    'The token request is missing a parameter or has a malformed one (often client_id). Check the client id and the token URL.',
  invalid_scope:
    'The token endpoint refused the requested scope. Remove it or ask for a scope this client is allowed.',
  unauthorized_client:
    'This client is not allowed to use the client-credentials grant. Enable that grant for it on the server.',
};

/**
 * Reads a token endpoint's answer. Totara answers errors with HTTP 200 and a JSON body,
 * and its Content-Type cannot be trusted, so the body decides, not the status.
 */
export function readTokenResponse(status: number, bodyText: string, nowMs: number): TokenResponseVerdict {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    const start = bodyText.trim().slice(0, 80);
    return {
      ok: false,
      code: 'oauth.not-json',
      message: `The token endpoint answered HTTP ${status} with something that is not JSON (${start ? `"${start}…"` : 'an empty body'}). Check the token URL: it may point at a login page or a web page instead of the OAuth token endpoint.`,
    };
  }
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof record.error === 'string') {
    const description =
      typeof record.error_description === 'string' ? ` ("${record.error_description}")` : '';
    const advice = OAUTH_ERRORS[record.error] ?? 'The token endpoint refused the request.';
    const statusNote =
      status === 200 ? ' The server said so with HTTP 200: do not trust the status code here.' : '';
    return {
      ok: false,
      code: `oauth.${record.error}`,
      message: `Token request failed: ${record.error}${description}. ${advice}${statusNote}`,
    };
  }
  if (typeof record.access_token !== 'string' || record.access_token === '') {
    return {
      ok: false,
      code: 'oauth.no-access-token',
      message: `The token endpoint answered HTTP ${status} but its JSON has no access_token (keys: ${Object.keys(record).join(', ') || 'none'}). Check that the URL is the OAuth token endpoint.`,
    };
  }
  if (status >= 400) {
    return { ok: false, code: 'oauth.http-error', message: `The token endpoint answered HTTP ${status}.` };
  }
  return {
    ok: true,
    accessToken: record.access_token,
    tokenType: typeof record.token_type === 'string' ? record.token_type : 'Bearer',
    expiresAt: expiryOf(record, nowMs),
    scope: typeof record.scope === 'string' ? record.scope : undefined,
  };
}

/** Expiry from `expires_in`, else from the JWT's `exp`; undefined when neither says. */
function expiryOf(record: Record<string, unknown>, nowMs: number): number | undefined {
  const expiresIn = Number(record.expires_in);
  if (record.expires_in !== undefined && Number.isFinite(expiresIn) && expiresIn > 0)
    return nowMs + expiresIn * 1000;
  return jwtExpiresAt(record.access_token as string);
}
