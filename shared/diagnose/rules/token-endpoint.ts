import { asString, excerpt, headerOf, isRecord, parseJson, statusEvidence } from '../facts';
import type { Facts } from '../facts';
import type { Evidence, Finding } from '../types';

const SECRET_FIX = {
  totara:
    'Check the client id and secret in the credential (copy them again from the API client page, with no stray spaces), and check that the client is enabled on the site (Site administration → Development → API → Clients).',
  other:
    "Check the client id and secret in the credential (copy them again from the provider's client page, with no stray spaces), and check that the client is enabled there.",
};

/** Totara's ids and words when the evidence says Totara; OAuth 2's in general otherwise. */
const idFor = (facts: Facts, name: string) =>
  facts.serverIs.totara ? `totara.token.${name}` : `oauth.${name}`;

/** Token-endpoint failures (API-BEHAVIOUR §6 scenarios 1 and 2). Totara answers them with HTTP 200. */
export function tokenEndpointFindings(facts: Facts): Finding[] {
  const fromError = callErrorFindings(facts);
  if (fromError.length > 0) return fromError;
  const body = facts.json;
  const oauthError = isRecord(body) ? asString(body.error) : undefined;
  const isTokenCall = facts.endpoint === 'totara-token' || /token/i.test(facts.url);
  if (oauthError && isTokenCall && isRecord(body) && facts.status !== undefined) {
    const evidence: Evidence[] = [
      ...statusEvidence(facts),
      { kind: 'response-body', name: 'error', value: oauthError },
    ];
    const description = asString(body.error_description);
    if (description)
      evidence.push({ kind: 'response-body', name: 'error_description', value: excerpt(description) });
    const finding = oauthFinding(oauthError, facts, evidence);
    return finding ? [finding] : [];
  }
  if (facts.input.exchange === undefined && facts.endpoint === 'totara-token' && sentJson(facts)) {
    return [{ ...jsonBodyFinding(facts), severity: 'warning' }];
  }
  return [];
}

function statusLies(facts: Facts): string {
  if (facts.status !== 200) return '';
  return facts.serverIs.totara
    ? ' The server said so with HTTP 200: Totara cannot set a status code on token errors, so the status lies here; the body is what counts.'
    : ' The server said so with HTTP 200: the status does not tell the failure here; the body is what counts.';
}

function oauthFinding(error: string, facts: Facts, evidence: Evidence[]): Finding | undefined {
  if (error === 'invalid_client') {
    return {
      id: idFor(facts, 'invalid-client'),
      severity: 'error',
      title: 'The token endpoint refused the client',
      explanation: `The token endpoint answered "invalid_client" (client authentication failed): the client id or secret is wrong, or the ${facts.serverIs.totara ? 'API client is disabled or deleted' : 'client is disabled or deleted at the provider'}.${statusLies(facts)}`,
      fix: facts.serverIs.totara ? SECRET_FIX.totara : SECRET_FIX.other,
      evidence,
    };
  }
  if (error === 'unsupported_grant_type') {
    if (sentJson(facts))
      return { ...jsonBodyFinding(facts), evidence: [...evidence, ...jsonEvidence(facts)] };
    return unsupportedGrant(facts, evidence, statusLies(facts));
  }
  if (error === 'invalid_request') {
    return {
      id: idFor(facts, 'invalid-request'),
      severity: 'error',
      title: 'The token request is missing a parameter',
      explanation: `The token endpoint answered "invalid_request": a required parameter is missing or malformed, usually client_id.${statusLies(facts)}`,
      fix: 'Send a form body with grant_type=client_credentials, client_id and client_secret.',
      evidence,
    };
  }
  return undefined;
}

function unsupportedGrant(facts: Facts, evidence: Evidence[], statusNote: string): Finding {
  const totara = facts.serverIs.totara !== undefined;
  return {
    id: idFor(facts, 'unsupported-grant-type'),
    severity: 'error',
    title: 'The token endpoint did not see grant_type=client_credentials',
    explanation: `The token endpoint answered "unsupported_grant_type": it found no grant_type it supports in a form body. Either grant_type is missing or misspelt, or ${totara ? "this URL is not Totara's OAuth2 token endpoint" : 'this server does not offer the client-credentials grant (or this URL is not its token endpoint)'}.${statusNote}`,
    fix: totara
      ? 'Send grant_type=client_credentials in a form body (application/x-www-form-urlencoded) to https://<site>/totara/oauth2/token.php.'
      : "Send grant_type=client_credentials in a form body (application/x-www-form-urlencoded) to the provider's token endpoint, and check in its documentation that it offers that grant.",
    evidence,
  };
}

/** Was the body JSON? OAuth 2 token requests are forms (RFC 6749 §4.4.2); Totara reads $_POST, which PHP fills only for forms. */
function sentJson(facts: Facts): boolean {
  const contentType = headerOf(facts.requestHeaders, 'content-type') ?? '';
  const mode = facts.input.draft?.body?.mode;
  return (
    /json/i.test(contentType) ||
    mode === 'json' ||
    mode === 'graphql' ||
    (mode === 'raw' && isRecord(parseJson(facts.draftBodyText)))
  );
}

function jsonEvidence(facts: Facts): Evidence[] {
  const contentType = headerOf(facts.requestHeaders, 'content-type');
  return contentType
    ? [{ kind: 'request-header', name: 'Content-Type', value: contentType }]
    : [{ kind: 'request-body', value: excerpt(facts.draftBodyText ?? '', 80) }];
}

function jsonBodyFinding(facts: Facts): Finding {
  return {
    id: idFor(facts, 'json-body'),
    severity: 'error',
    title: 'The token request was sent as JSON',
    explanation: facts.serverIs.totara
      ? 'Totara reads the token request as a form, so a JSON body looks to it as if no grant_type was sent at all, and it answers "unsupported_grant_type" even though grant_type is in your JSON.'
      : 'OAuth 2 defines the token request as a form (RFC 6749), and many token endpoints read nothing else: to them a JSON body looks as if no grant_type was sent at all. That is the likely reason for "unsupported_grant_type" although grant_type is in your JSON.',
    fix: 'Send the body as a form (application/x-www-form-urlencoded): grant_type=client_credentials&client_id=…&client_secret=…, or use an OAuth 2 credential and let Lantern get the token.',
    evidence: jsonEvidence(facts),
  };
}

function callErrorFindings(facts: Facts): Finding[] {
  const error = facts.input.error;
  if (!isRecord(error) || typeof error.code !== 'string' || !error.code.startsWith('oauth.')) return [];
  const evidence: Evidence[] = [
    { kind: 'error', name: error.code, value: excerpt(String(error.message), 200) },
  ];
  const code = error.code.slice('oauth.'.length);
  // Lantern always sends its token requests as a form, so a JSON body cannot be the cause here.
  if (code === 'unsupported_grant_type') return [unsupportedGrant(facts, evidence, '')];
  const known =
    code === 'invalid_client' || code === 'invalid_request' ? oauthFinding(code, facts, evidence) : undefined;
  if (known) return [known];
  if (code === 'not-json' || code === 'no-access-token') {
    return [
      {
        id: `oauth.${code === 'not-json' ? 'token-not-json' : 'no-access-token'}`,
        severity: 'error',
        title: 'The token URL did not answer like a token endpoint',
        explanation: String(error.message),
        fix: `Check the token URL in the credential${facts.serverIs.totara ? ': for Totara it is https://<site>/totara/oauth2/token.php' : ": it must be the provider's OAuth 2 token endpoint"}.`,
        evidence,
      },
    ];
  }
  return [];
}
