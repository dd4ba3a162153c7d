import type { HeaderContext, HeaderExplanation } from './types';
import { findHeader } from './words';

export type AuthChallenge = { scheme: string; token68?: string; params: Map<string, string> };

const TOKEN = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const TOKEN68 = /[A-Za-z0-9\-._~+/]/;

/** Parses `WWW-Authenticate` into its challenges (RFC 9110 §11.6.1); lenient about spacing. */
export function parseChallenges(value: string): AuthChallenge[] {
  const challenges: AuthChallenge[] = [];
  let pos = 0;
  const skip = (pattern: RegExp) => {
    while (pos < value.length && pattern.test(value[pos] ?? '')) pos += 1;
  };
  const read = (pattern: RegExp) => {
    const start = pos;
    skip(pattern);
    return value.slice(start, pos);
  };
  const readQuoted = () => {
    let text = '';
    pos += 1;
    while (pos < value.length && value[pos] !== '"') {
      if (value[pos] === '\\') pos += 1;
      text += value[pos] ?? '';
      pos += 1;
    }
    pos += 1;
    return text;
  };
  while (pos < value.length) {
    skip(/[\s,]/);
    const scheme = read(TOKEN);
    if (!scheme) break;
    const challenge: AuthChallenge = { scheme, params: new Map() };
    challenges.push(challenge);
    skip(/[ \t]/);
    let first = true;
    while (pos < value.length && value[pos] !== ',') {
      const start = pos;
      const key = read(TOKEN68);
      skip(/[ \t]/);
      if (value[pos] === '=' && key && !/^=*\s*(,|$)/.test(value.slice(pos + 1).trimStart())) {
        pos += 1;
        skip(/[ \t]/);
        challenge.params.set(key.toLowerCase(), value[pos] === '"' ? readQuoted() : read(TOKEN));
      } else if (first && key) {
        pos = start;
        challenge.token68 = read(/[A-Za-z0-9\-._~+/=]/);
      } else {
        pos = start;
        break;
      }
      first = false;
      skip(/[ \t]/);
      if (value[pos] !== ',') break;
      // After a comma comes either another parameter of this challenge or a new challenge.
      const comma = pos;
      pos += 1;
      skip(/[\s,]/);
      const lookahead = pos;
      read(TOKEN);
      skip(/[ \t]/);
      const isParam = value[pos] === '=';
      pos = isParam ? lookahead : comma;
      if (!isParam) break;
    }
  }
  return challenges;
}

const BEARER_ERRORS: Record<string, string> = {
  invalid_token:
    'the token was rejected: it has expired, was revoked, is malformed, or belongs to another server. Get a new token and send it as Authorization: Bearer <token>.',
  insufficient_scope:
    'the token is valid but lacks the permission (scope) this request needs. Request a token with that scope, or give the API client more rights.',
  invalid_request:
    'the request itself is malformed: a required parameter is missing, or the token was sent more than once (e.g. in the header and the URL).',
};

const SCHEMES: Record<string, string> = {
  bearer: 'a Bearer token (OAuth 2.0, RFC 6750)',
  basic: 'a username and password (Basic)',
  digest: 'a username and password hashed with Digest',
  negotiate: 'Windows/Kerberos sign-in (Negotiate)',
  ntlm: 'Windows NTLM sign-in',
  dpop: 'a DPoP-bound OAuth token',
  hoba: 'HOBA (origin-bound keys)',
};

function describeChallenge(challenge: AuthChallenge): string {
  const scheme = SCHEMES[challenge.scheme.toLowerCase()] ?? `the ${challenge.scheme} scheme`;
  const realm = challenge.params.get('realm');
  return `${challenge.scheme}: wants ${scheme}${realm ? ` for the realm "${realm}"` : ''}.`;
}

function explainChallenge(
  challenge: AuthChallenge,
  sentScheme: string | undefined,
  credentialHeader: string,
): { summary: string; details: string[] } {
  const { params } = challenge;
  const details: string[] = [];
  const error = params.get('error');
  const description = params.get('error_description');
  if (error) details.push(`error="${error}"${BEARER_ERRORS[error] ? '' : ': not an RFC 6750 error code'}.`);
  if (description) details.push(`error_description: ${description}`);
  const scope = params.get('scope');
  if (scope) details.push(`Scope needed: ${scope}.`);
  const uri = params.get('error_uri');
  if (uri) details.push(`More about the error: ${uri}`);

  const isBearer = challenge.scheme.toLowerCase() === 'bearer';
  if (isBearer && error) {
    const why = BEARER_ERRORS[error] ?? `the server reports "${error}".`;
    const reason = description ? ` ("${description}")` : '';
    return { summary: `${error}${reason}: ${why}`, details };
  }
  const wanted = SCHEMES[challenge.scheme.toLowerCase()] ?? `${challenge.scheme} credentials`;
  if (sentScheme === undefined) {
    return {
      summary: `The server wants ${wanted}, and this request sent no ${credentialHeader} header. Add one: ${credentialHeader}: ${challenge.scheme} …`,
      details,
    };
  }
  if (sentScheme.toLowerCase() !== challenge.scheme.toLowerCase()) {
    return {
      summary: `The server wants ${wanted}, but this request sent ${credentialHeader}: ${sentScheme} ….`,
      details,
    };
  }
  if (sentScheme !== challenge.scheme) {
    details.push(
      `This request wrote the scheme as "${sentScheme}"; some servers (Totara among them) only accept "${challenge.scheme}".`,
    );
  }
  return {
    summary: `The server wants ${wanted}; the ${sentScheme} credentials this request sent were not accepted, and it gives no reason. Check them for typos, stray spaces or expiry.`,
    details,
  };
}

/** `WWW-Authenticate` and `Proxy-Authenticate`: how to authenticate, and often why the last attempt failed. */
export function explainAuthenticate(name: string, value: string, context: HeaderContext): HeaderExplanation {
  const proxy = name.toLowerCase() === 'proxy-authenticate';
  const credentialHeader = proxy ? 'Proxy-Authorization' : 'Authorization';
  const challenges = parseChallenges(value);
  const sent = findHeader(context.requestHeaders, credentialHeader);
  const sentScheme = sent === undefined ? undefined : (/^\S+/.exec(sent.trim())?.[0] ?? '');
  const main =
    challenges.find((challenge) => challenge.params.has('error')) ??
    challenges.find((challenge) => challenge.scheme.toLowerCase() === sentScheme?.toLowerCase()) ??
    challenges[0];
  if (!main) {
    return {
      name,
      title: 'Authentication required',
      summary: `"${value}" names no authentication scheme.`,
      category: 'auth',
    };
  }
  const { summary, details } = explainChallenge(main, sentScheme, credentialHeader);
  const failed = context.status === 401 || context.status === 403 || context.status === 407;
  const lines = [...challenges.map(describeChallenge), ...details];
  if (!failed) lines.push(`Sent with status ${context.status}, so it only advertises how to sign in.`);
  if (proxy) lines.unshift('This challenge comes from a proxy between you and the API, not the API itself.');
  return {
    name,
    title: proxy ? 'Proxy authentication required' : 'Authentication required',
    summary,
    details: lines,
    severity: failed ? 'warning' : 'info',
    category: 'auth',
  };
}
