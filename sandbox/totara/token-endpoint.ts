import { createHmac, randomBytes } from 'node:crypto';
import type { RequestContext } from '../context';
import { mediaType, parseForm, send } from '../http-util';
import type { SandboxState } from '../state';

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

// league/oauth2-server 8.3's wording, with Totara's extra `message` repeating the description.
const oauthErrors = {
  invalid_client: { error_description: 'Client authentication failed' },
  unsupported_grant_type: {
    error_description: 'The authorization grant type is not supported by the authorization server.',
    hint: 'Check that all required parameters have been provided',
  },
  invalid_request: {
    error_description:
      'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.',
    hint: 'Check the `client_id` parameter',
  },
} as const;

type OauthError = keyof typeof oauthErrors;

function oauthErrorBody(error: OauthError): Record<string, string> {
  const details = oauthErrors[error];
  return { error, ...details, message: details.error_description };
}

/**
 * Tokens look like JWTs (HS256, payload with aud/jti/iat/exp) so clients can read the expiry,
 * but the sandbox validates them by lookup, as Totara checks its token table.
 */
export function issueToken(state: SandboxState, clientId: string): { token: string; expiresIn: number } {
  const now = Math.floor(Date.now() / 1000);
  const expiresIn = state.config.tokenExpirySeconds;
  const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }));
  const payload = base64url(
    JSON.stringify({
      aud: clientId,
      jti: randomBytes(20).toString('hex'),
      iat: now,
      nbf: now,
      exp: now + expiresIn,
      sub: '',
      scopes: [],
    }),
  );
  const signature = createHmac('sha256', state.tokenSecret)
    .update(`${header}.${payload}`)
    .digest('base64url');
  const token = `${header}.${payload}.${signature}`;
  state.tokens.set(token, { clientId, expiresAt: Date.now() + expiresIn * 1000 });
  return { token, expiresIn };
}

/** POST /totara/oauth2/token.php — client-credentials grant; every answer is HTTP 200, errors included. */
export function handleTokenRequest(ctx: RequestContext): void {
  // PHP fills $_POST only for form bodies, so a JSON body reads as "no grant_type at all".
  const isForm = ctx.method === 'POST' && mediaType(ctx.req) === 'application/x-www-form-urlencoded';
  const form = isForm ? parseForm(ctx.body.toString('utf8')) : {};
  // The content type is probably text/html on real sites (unconfirmed); clients must parse the body anyway.
  const reply = (body: unknown) =>
    send(ctx.res, 200, JSON.stringify(body), {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      Pragma: 'no-cache',
    });
  if (form.grant_type !== 'client_credentials') return reply(oauthErrorBody('unsupported_grant_type'));
  if (!form.client_id) return reply(oauthErrorBody('invalid_request'));
  const { clientId, clientSecret } = ctx.state.credentials.totara;
  const config = ctx.state.config;
  if (form.client_id !== clientId || form.client_secret !== clientSecret || !config.clientEnabled) {
    return reply(oauthErrorBody('invalid_client'));
  }
  const { token, expiresIn } = issueToken(ctx.state, clientId);
  reply({ token_type: 'Bearer', expires_in: expiresIn, access_token: token });
}
