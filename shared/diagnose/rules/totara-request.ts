import { errorEvidence, errorsMatching, excerpt, headerOf, parseJson, statusEvidence } from '../facts';
import type { Facts } from '../facts';
import type { Evidence, Finding } from '../types';

/** Totara's own rule for operationName (IntrospectionQuery, which GUI clients send, is let through). */
export const TOTARA_OPERATION_NAME = /^[a-z][a-z0-9_]+$/;

/** Request-shape failures of Totara's GraphQL endpoints (API-BEHAVIOUR §6 scenarios 7–10). */
export function totaraRequestFindings(facts: Facts): Finding[] {
  if (!facts.serverIs.totara) return [];
  const findings: Finding[] = [...operationName(facts), ...transport(facts)];
  const [empty] = errorsMatching(facts, /^Invalid request, request cannot be empty/);
  if (empty) findings.push(notJson(facts, [errorEvidence(empty)]));
  const [noQuery] = errorsMatching(facts, /^Query parameter is missing/);
  if (noQuery) {
    findings.push({
      id: 'totara.request.query-missing',
      severity: 'error',
      title: 'The body has no "query"',
      explanation:
        'The body is JSON, but it has no "query" string (or an empty one), so there is nothing to run.',
      fix: 'Send {"query": "query { … }", "variables": {…}}. The key must be spelt "query" and hold the whole GraphQL text.',
      evidence: [errorEvidence(noQuery)],
    });
  }
  const [persisted] = errorsMatching(facts, /we do not support standard persistent queries/);
  if (persisted) {
    findings.push({
      id: 'totara.request.persisted-query',
      severity: 'error',
      title: 'Persisted-query ids are not supported',
      explanation:
        'The body carries "queryId", "id" or "documentid", which Totara reads as a standard persisted query; the external API only takes full query text.',
      fix: 'Remove queryId/id/documentid from the body and send the query text in "query".',
      evidence: [errorEvidence(persisted)],
    });
  }
  findings.push(...bareInternalError(facts));
  return findings;
}

function notJson(facts: Facts, evidence: Evidence[]): Finding {
  const body = facts.input.draft?.body;
  let why = 'The body was not a JSON object or array.';
  if (body?.mode === 'none') why = 'The request had no body at all.';
  else if (body?.mode === 'form-urlencoded' || body?.mode === 'multipart')
    why = `The body was sent as a form (${body.mode}), not JSON.`;
  else if (facts.draftBodyText !== undefined) {
    try {
      const parsed: unknown = JSON.parse(facts.draftBodyText);
      if (typeof parsed !== 'object' || parsed === null)
        why = 'The body is JSON, but not an object: Totara needs {"query": …}.';
      else if (Array.isArray(parsed) && parsed.length === 0) why = 'The body is an empty JSON array.';
    } catch (error) {
      why = `The body is not valid JSON (${error instanceof Error ? error.message : 'parse error'}). A GraphQL query pasted on its own, a trailing comma or an unquoted key does this.`;
    }
    evidence.push({ kind: 'request-body', value: excerpt(facts.draftBodyText, 80) });
  }
  return {
    id: 'totara.request.not-json',
    severity: 'error',
    title: 'The body is not JSON',
    explanation: `Totara reads the body as raw JSON whatever the Content-Type, and says "request cannot be empty" when it cannot. ${why}`,
    fix: 'Send a JSON body: {"query": "query { totara_webapi_status { status } }", "variables": {}}.',
    evidence,
  };
}

/** Checked before and after sending: a camelCase operationName fails on Totara, and only there. */
function operationName(facts: Facts): Finding[] {
  if (facts.endpoint !== 'totara-graphql') return [];
  const [refused] = errorsMatching(facts, /validation of operationName failed/);
  const name = facts.graphqlRequest?.operationName;
  const invalidInDraft =
    name !== undefined &&
    name !== null &&
    !(typeof name === 'string' && (name === 'IntrospectionQuery' || TOTARA_OPERATION_NAME.test(name)));
  if (!refused && !invalidInDraft) return [];
  const evidence: Evidence[] = refused ? [errorEvidence(refused)] : [];
  if (invalidInDraft)
    evidence.push({ kind: 'request-body', name: 'operationName', value: excerpt(JSON.stringify(name), 80) });
  const suggestion = typeof name === 'string' ? snakeCase(name) : undefined;
  return [
    {
      id: 'totara.request.operation-name',
      severity: refused ? 'error' : 'warning',
      title: 'operationName must be lowercase snake_case',
      explanation: `Totara refuses any operationName that does not match ^[a-z][a-z0-9_]+$ (only "IntrospectionQuery" is let through), so names like getUsers or GetStatus fail${refused ? '' : ' before anything runs'}.`,
      fix: `Rename the operation${suggestion ? ` to "${suggestion}"` : ''} in both the query text and "operationName", or leave operationName out.`,
      evidence,
    },
  ];
}

function snakeCase(name: string): string | undefined {
  const converted = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .toLowerCase()
    .replace(/^[^a-z]+/, '');
  return TOTARA_OPERATION_NAME.test(converted) ? converted : undefined;
}

/** 400s Totara sends before GraphQL runs: wrong method, or the API feature switched off. */
function transport(facts: Facts): Finding[] {
  const findings: Finding[] = [];
  const [postOnly] = errorsMatching(facts, /only POST method is allowed/);
  if (postOnly) {
    const redirected = (facts.input.exchange?.redirects ?? []).find(
      (hop) => hop.method === 'POST' && [301, 302, 303].includes(hop.status),
    );
    const evidence: Evidence[] = [...statusEvidence(facts), errorEvidence(postOnly)];
    if (redirected)
      evidence.push({
        kind: 'redirect',
        name: String(redirected.status),
        value: `${redirected.url} → ${redirected.location}`,
      });
    findings.push({
      id: 'totara.request.post-only',
      severity: 'error',
      title: 'The GraphQL endpoint takes POST only',
      explanation: redirected
        ? `Your POST was answered with a ${redirected.status} redirect to ${redirected.location}, and a ${redirected.status} makes every client repeat the request as a GET, without its body.`
        : `The request reached the endpoint as ${facts.method || 'a method other than POST'}; Totara's GraphQL endpoints answer anything but POST with this 400.`,
      fix: redirected
        ? `Send the request straight to ${redirected.location} (often https:// instead of http://, or the site's canonical host).`
        : 'Use POST with a JSON body {"query": …, "variables": …}.',
      evidence,
    });
  }
  const [disabled] = errorsMatching(facts, /^Feature api is not available/);
  if (disabled) {
    findings.push({
      id: 'totara.api-disabled',
      severity: 'error',
      title: 'The API feature is switched off on this site',
      explanation:
        'Totara answers every external API request with this 400 while the "Enable API" feature is off.',
      fix: 'Ask a site administrator to turn on the API feature (Site administration → Development → API / Advanced features → Enable API).',
      evidence: [...statusEvidence(facts), errorEvidence(disabled)],
    });
  }
  return findings;
}

/** "Internal server error" with no debugMessage: the reason is hidden by the client's setting. */
function bareInternalError(facts: Facts): Finding[] {
  const bare = facts.graphqlErrors.filter(
    (e) =>
      e.message === 'Internal server error' &&
      e.debugMessage === undefined &&
      (e.category ?? 'internal') === 'internal',
  );
  const [first] = bare;
  if (!first || facts.endpoint === 'totara-ajax') return [];
  const hints: string[] = [];
  if (headerOf(facts.requestHeaders, 'authorization') === undefined)
    hints.push('no Authorization header was sent');
  if (facts.draftBodyText !== undefined && parseJson(facts.draftBodyText) === undefined)
    hints.push('the body does not parse as JSON');
  const known =
    facts.input.context?.totaraErrorLevel === 'none' ? ' (you told Lantern it is set to None)' : '';
  return [
    {
      id: 'totara.error-level-none',
      severity: 'error',
      title: 'The real reason is hidden: the error response level is None',
      explanation: `Totara masks this kind of failure as "Internal server error" and puts the reason in debugMessage, unless the API client's Error response setting is None${known}, as it is here: there is no debugMessage.${hints.length > 0 ? ` What Lantern can see in the request: ${hints.join('; ')}.` : ''}`,
      fix: 'Set the API client\'s "Error response" to Normal (Site administration → Development → API → Clients → edit), send again, and Lantern will explain the debugMessage.',
      evidence: [{ kind: 'response-body', name: `${first.path}.message`, value: 'Internal server error' }],
    },
  ];
}
