import { errorEvidence, errorsMatching, excerpt, headerOf, requestHeaderEvidence } from '../facts';
import type { Facts, GraphqlError } from '../facts';
import { pastedExpiry } from '../pasted-token';
import type { Evidence, Finding } from '../types';

export const totaraAuthMessages = {
  missingHeaders: 'Missing or invalid HTTP request headers',
  noAuthorization: 'The request did not contain the required Authorization header',
  invalidToken: 'Missing, expired or invalid access token',
  noProvider: "Couldn't identify OAuth2 client provider for this request",
  noApiClient: "Couldn't identify API client for this request",
  noApiUser: "Couldn't identify API user for this request",
  invalidApiUser: 'API user is invalid.',
} as const;

type Explained = Omit<Finding, 'evidence'>;

/** debugMessages whose cause needs nothing but the message itself. */
const FIXED: { message: string; finding: Explained }[] = [
  {
    message: totaraAuthMessages.missingHeaders,
    finding: {
      id: 'totara.auth.bad-headers',
      severity: 'error',
      title: 'The Authorization header is empty or unreadable',
      explanation: 'Totara found an Authorization header it could not read, such as one with an empty value.',
      fix: 'Send Authorization: Bearer <access token>, or choose the OAuth 2 credential on the Auth tab.',
    },
  },
  {
    message: totaraAuthMessages.noProvider,
    finding: {
      id: 'totara.auth.client-disabled',
      severity: 'error',
      title: 'The API client is disabled or deleted',
      explanation:
        'The token is known, but the OAuth2 client that issued it is disabled or was deleted. Disabling a client suspends all its tokens; enabling it again revives them.',
      fix: "Ask a site administrator to enable the client under Site administration → Development → API → Clients (or create a new client and update this credential's id and secret).",
    },
  },
  {
    message: totaraAuthMessages.noApiClient,
    finding: {
      id: 'totara.auth.api-client-missing',
      severity: 'error',
      title: 'The OAuth2 client is not linked to an API client',
      explanation:
        'The token is valid, but Totara found no API client for its OAuth2 provider: the API client was deleted or unlinked.',
      fix: 'Create the API client again on the site (Development → API → Clients) and use its new client id and secret.',
    },
  },
  {
    message: totaraAuthMessages.noApiUser,
    finding: {
      id: 'totara.auth.api-user-missing',
      severity: 'error',
      title: 'The API client has no service account',
      explanation:
        "The API client's service account (the user every API call runs as) is not set or could not be found.",
      fix: 'Edit the API client on the site and choose a valid service account user.',
    },
  },
  {
    message: totaraAuthMessages.invalidApiUser,
    finding: {
      id: 'totara.auth.api-user-invalid',
      severity: 'error',
      title: "The API client's service account cannot be used",
      explanation:
        "Every call runs as the API client's service account, and Totara refuses that user. A service account must exist and not be suspended or deleted, must not be the guest user or a site administrator, and must be in the same tenant as the client.",
      fix: 'Check the service account on the API client page: restore or unsuspend the user, or pick an ordinary user of the right tenant, with only the capabilities the integration needs.',
    },
  },
];

/** Totara external API authentication failures (API-BEHAVIOUR §6 scenarios 3–6). */
export function totaraAuthFindings(facts: Facts): Finding[] {
  if (!facts.serverIs.totara) return preSendFindings(facts);
  const findings: Finding[] = [];
  for (const { message, finding } of FIXED) {
    const [match] = errorsMatching(facts, new RegExp(`^${escapeRegExp(message)}`));
    if (match) findings.push({ ...finding, evidence: [errorEvidence(match)] });
  }
  const [missing] = errorsMatching(facts, new RegExp(`^${escapeRegExp(totaraAuthMessages.noAuthorization)}`));
  if (missing) findings.push(missingHeader(facts, missing));
  const [invalid] = errorsMatching(facts, new RegExp(`^${escapeRegExp(totaraAuthMessages.invalidToken)}`));
  if (invalid) findings.push(invalidToken(facts, invalid));
  return findings.length > 0 ? findings : preSendFindings(facts);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function lantern(facts: Facts) {
  const exchange = facts.input.exchange;
  return { auth: exchange?.auth, redirects: exchange?.redirects ?? [] };
}

function missingHeader(facts: Facts, error: GraphqlError): Finding {
  const sent = headerOf(facts.requestHeaders, 'authorization');
  const evidence: Evidence[] = [errorEvidence(error), ...requestHeaderEvidence(facts, 'authorization')];
  const crossOrigin = lantern(facts).redirects.find((hop) => originOf(hop.url) !== originOf(hop.location));
  if (sent !== undefined && crossOrigin) {
    return {
      id: 'http.redirect-dropped-auth',
      severity: 'error',
      title: 'A redirect to another site dropped the Authorization header',
      explanation: `Lantern sent the Authorization header, but the server redirected the request from ${originOf(crossOrigin.url)} to ${originOf(crossOrigin.location)}, and credentials are never sent on to another origin.`,
      fix: `Send the request to the final address (${crossOrigin.location}) directly, e.g. https:// instead of http://, or the site's canonical host name.`,
      evidence: [
        ...evidence,
        { kind: 'redirect', name: String(crossOrigin.status), value: crossOrigin.location },
      ],
    };
  }
  if (sent !== undefined) {
    return {
      id: 'totara.auth.header-stripped',
      severity: 'error',
      title: 'The server never saw the Authorization header Lantern sent',
      explanation:
        'Lantern sent an Authorization header, but Totara says the request had none: something between Lantern and PHP removed it. Apache does this by default when PHP runs as CGI/FastCGI (PHP-FPM), and some proxies and load balancers do too.',
      fix: 'On Apache add "CGIPassAuth On" for the Totara directory (or the rewrite rule RewriteRule .* - [E=HTTP_AUTHORIZATION:%{HTTP:Authorization}]); on nginx or a load balancer, make sure the Authorization header is passed on. Then send again.',
      evidence: [...evidence, ...authEvidence(facts)],
    };
  }
  return {
    id: 'totara.auth.header-missing',
    severity: 'error',
    title: 'No Authorization header was sent',
    explanation:
      'The external GraphQL API needs a Bearer access token on every request, and this request carried no Authorization header.',
    fix: 'On the Auth tab choose an OAuth 2 credential with the client id, secret and token URL (https://<site>/totara/oauth2/token.php); Lantern then gets and sends the token.',
    evidence,
  };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function authEvidence(facts: Facts): Evidence[] {
  const auth = facts.input.exchange?.auth;
  if (!auth || auth.type === 'none') return [];
  return [{ kind: 'auth', name: auth.type, value: excerpt(auth.steps.join(' '), 160) }];
}

function invalidToken(facts: Facts, error: GraphqlError): Finding {
  const header = headerOf(facts.requestHeaders, 'authorization') ?? '';
  const evidence: Evidence[] = [errorEvidence(error), ...requestHeaderEvidence(facts, 'authorization')];
  // league/oauth2-server strips exactly /^\s*Bearer\s/: any other spelling of the scheme stays in the token.
  if (/^\s*bearer\s/i.test(header) && !/^\s*Bearer\s/.test(header)) return lowercaseBearer(evidence, 'error');
  const { auth } = lantern(facts);
  const sentAt = Date.parse(facts.input.exchange?.startedAt ?? '');
  const when = Number.isFinite(sentAt) ? sentAt : facts.nowMs;
  const token = facts.token;
  if (token?.expiresAt !== undefined && token.expiresAt <= when) {
    return {
      id: 'totara.auth.token-expired',
      severity: 'error',
      title: 'The access token had expired',
      explanation: `The token Lantern sent expired ${new Date(token.expiresAt).toISOString()}, before the request was sent; Totara refuses expired tokens with this message (and HTTP 200).`,
      fix: 'Send again: Lantern gets a new token when the cached one has expired. If you pasted the token yourself, get a new one from the token endpoint.',
      evidence: [
        ...evidence,
        { kind: 'auth', name: 'token expiry', value: new Date(token.expiresAt).toISOString() },
      ],
    };
  }
  const pasted = pastedExpiry(facts);
  if (pasted && pasted.expiresAt <= when) {
    const expired = new Date(pasted.expiresAt).toISOString();
    return {
      id: 'totara.auth.token-expired',
      severity: 'error',
      title: `The token expired at ${expired}`,
      explanation: `${pasted.what} is a JWT whose exp claim says it expired at ${expired}, before this request was sent, and Totara refuses expired tokens with this message.`,
      fix: 'Get a new token from the token endpoint (https://<site>/totara/oauth2/token.php) and paste it, or use an OAuth 2 credential: Lantern then gets a new token whenever one expires.',
      evidence: [...evidence, { kind: 'auth', name: 'token expiry', value: expired }],
    };
  }
  const retried =
    auth?.renewed?.reason === 'refused' || (auth?.steps.some((step) => /fresh/i.test(step)) ?? false);
  const validUntil =
    token?.expiresAt !== undefined
      ? ` Lantern's record says it is valid until ${new Date(token.expiresAt).toISOString()}.`
      : '';
  return {
    id: 'totara.auth.token-invalid',
    severity: 'error',
    title: 'Totara did not accept the access token',
    explanation: retried
      ? `Even a freshly issued token was refused.${validUntil} The token most likely comes from another site: the credential's token URL and this request's URL point at different Totara sites (or different tenants).`
      : `Totara does not know this token, or it has expired or been revoked.${validUntil} It may also come from another Totara site, or have been copied incompletely.`,
    fix: retried
      ? "Make the credential's token URL and the request URL use the same site (same host and path)."
      : 'Get a new token (with an OAuth 2 credential Lantern does this for you), from the same site as the API URL, and send it as "Authorization: Bearer <token>".',
    evidence: [...evidence, ...authEvidence(facts)],
  };
}

function lowercaseBearer(evidence: Evidence[], severity: Finding['severity']): Finding {
  return {
    id: 'totara.auth.lowercase-bearer',
    severity,
    title: 'The scheme must be written "Bearer", with a capital B',
    explanation:
      'Totara removes exactly "Bearer " from the Authorization header before it looks the token up; with "bearer " (or another spelling) the scheme stays part of the token, which then matches nothing.',
    fix: 'Write the header as "Authorization: Bearer <token>".',
    evidence,
  };
}

/** Before the server answers: a lowercase scheme on a Totara URL will fail. */
function preSendFindings(facts: Facts): Finding[] {
  if (facts.endpoint !== 'totara-graphql' || facts.graphqlErrors.length > 0) return [];
  const header = headerOf(facts.requestHeaders, 'authorization') ?? '';
  if (facts.status === undefined && /^\s*bearer\s/i.test(header) && !/^\s*Bearer\s/.test(header)) {
    return [lowercaseBearer(requestHeaderEvidence(facts, 'authorization'), 'warning')];
  }
  return [];
}
