import type { IncomingMessage } from 'node:http';
import { headerValue } from '../http-util';
import type { SandboxState } from '../state';

export type AuthOutcome = { ok: true; clientId: string } | { ok: false; debugMessage: string };

export const authMessages = {
  missingHeaders: 'Missing or invalid HTTP request headers',
  noAuthorization:
    'The request did not contain the required Authorization header. Ensure you set the header in your request and that it is not being stripped by your server or proxy configuration.',
  invalidToken:
    'Missing, expired or invalid access token. Ensure the Authorization header is set to a valid Bearer token.',
  noProvider: "Couldn't identify OAuth2 client provider for this request.",
  noApiClient: "Couldn't identify API client for this request.",
  noApiUser: "Couldn't identify API user for this request.",
  invalidApiUser: 'API user is invalid.',
} as const;

/** The checks of Totara's external API, in its order: header, token, client provider, API client, API user. */
export function authenticate(req: IncomingMessage, state: SandboxState): AuthOutcome {
  const config = state.config;
  const header = config.stripAuthorization ? undefined : headerValue(req, 'authorization');
  if (header === undefined) return { ok: false, debugMessage: authMessages.noAuthorization };
  // Unconfirmed choice: an Authorization header with an empty value is "missing or invalid headers".
  if (header.trim() === '') return { ok: false, debugMessage: authMessages.missingHeaders };
  // league/oauth2-server strips /^\s*Bearer\s/ (case-sensitive) and trims: "bearer x" stays invalid,
  // while a bare token or one with extra spaces after "Bearer" still works.
  const token = header.replace(/^\s*Bearer\s/, '').trim();
  const issued = state.tokens.get(token);
  if (!issued || issued.expiresAt <= Date.now())
    return { ok: false, debugMessage: authMessages.invalidToken };
  if (!config.clientEnabled) return { ok: false, debugMessage: authMessages.noProvider };
  if (!config.apiClientLinked) return { ok: false, debugMessage: authMessages.noApiClient };
  if (config.apiUser === 'missing') return { ok: false, debugMessage: authMessages.noApiUser };
  if (config.apiUser !== 'valid') return { ok: false, debugMessage: authMessages.invalidApiUser };
  return { ok: true, clientId: issued.clientId };
}
