import { asString, excerpt, headerOf, isRecord, parseJson, statusEvidence } from '../facts';
import type { Facts } from '../facts';
import type { Evidence, Finding } from '../types';

const SECRET_FIX =
  'Check the client id and secret in the credential (copy them again from the API client page, with no stray spaces), and check that the client is enabled on the site (Site administration → Development → API → Clients).';

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
  return facts.status === 200
    ? ' The server said so with HTTP 200: Totara cannot set a status code on token errors, so the status lies here; the body is what counts.'
    : '';
}

function oauthFinding(error: string, facts: Facts, evidence: Evidence[]): Finding | undefined {
  if (error === 'invalid_client') {
    return {
      id: 'totara.token.invalid-client',
      severity: 'error',
      title: 'The token endpoint refused the client',
      explanation: `The token endpoint answered "invalid_client" (Client authentication failed): the client id or secret is wrong, or the API client is disabled or deleted.${statusLies(facts)}`,
      fix: SECRET_FIX,
      evidence,
    };
  }
  if (error === 'unsupported_grant_type') {
    if (sentJson(facts))
      return { ...jsonBodyFinding(facts), evidence: [...evidence, ...jsonEvidence(facts)] };
    return unsupportedGrant(evidence, statusLies(facts));
  }
  if (error === 'invalid_request') {
    return {
      id: 'totara.token.invalid-request',
      severity: 'error',
      title: 'The token request is missing a parameter',
      explanation: `The token endpoint answered "invalid_request": a required parameter is missing or malformed, usually client_id.${statusLies(facts)}`,
      fix: 'Send a form body with grant_type=client_credentials, client_id and client_secret.',
      evidence,
    };
  }
  return undefined;
}

function unsupportedGrant(evidence: Evidence[], statusNote: string): Finding {
  return {
    id: 'totara.token.unsupported-grant-type',
    severity: 'error',
    title: 'The token endpoint did not see grant_type=client_credentials',
    explanation: `The token endpoint answered "unsupported_grant_type": it found no grant_type it supports in a form body. Either grant_type is missing or misspelt, or this URL is not Totara's OAuth2 token endpoint.${statusNote}`,
    fix: 'Send grant_type=client_credentials in a form body (application/x-www-form-urlencoded) to https://<site>/totara/oauth2/token.php.',
    evidence,
  };
}

/** Was the body JSON? Totara reads the token request from $_POST, which PHP fills only for form bodies. */
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
    id: 'totara.token.json-body',
    severity: 'error',
    title: 'The token request was sent as JSON',
    explanation:
      'Totara reads the token request as a form, so a JSON body looks to it as if no grant_type was sent at all, and it answers "unsupported_grant_type" even though grant_type is in your JSON.',
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
  if (code === 'unsupported_grant_type') return [unsupportedGrant(evidence, '')];
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
        fix: 'Check the token URL in the credential: for Totara it is https://<site>/totara/oauth2/token.php.',
        evidence,
      },
    ];
  }
  return [];
}
