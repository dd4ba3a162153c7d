import { excerpt, gatherFacts, isRecord } from './facts';
import type { Facts } from './facts';
import { curlPasteFindings } from './rules/curl-paste';
import { graphqlDataFindings } from './rules/graphql-data';
import { graphqlNullPropagationFindings } from './rules/graphql-null-propagation';
import { graphqlVariableFindings } from './rules/graphql-variables';
import { rateLimitFindings } from './rules/rate-limit';
import { restFindings } from './rules/rest';
import { tokenEndpointFindings } from './rules/token-endpoint';
import { tokenRenewalFindings } from './rules/token-renewal';
import { totaraAjaxFindings } from './rules/totara-ajax';
import { totaraAuthFindings } from './rules/totara-auth';
import { totaraLimitFindings } from './rules/totara-limits';
import { totaraRequestFindings } from './rules/totara-request';
import { transportFindings } from './rules/transport';
import type { DiagnoseInput, Finding, Severity } from './types';

export type Rule = (facts: Facts) => Finding[];

/** Every rule, in the order their findings are listed within one severity. */
export const RULES: readonly Rule[] = [
  transportFindings,
  tokenEndpointFindings,
  tokenRenewalFindings,
  totaraAuthFindings,
  totaraRequestFindings,
  totaraLimitFindings,
  rateLimitFindings,
  totaraAjaxFindings,
  graphqlVariableFindings,
  graphqlDataFindings,
  graphqlNullPropagationFindings,
  restFindings,
  curlPasteFindings,
];

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Explains an exchange (or a failed send, or a draft before sending) in plain words. Pure, and it
 * never throws: a rule that trips over odd input is skipped, the others still speak.
 */
export function diagnose(input: DiagnoseInput): Finding[] {
  let facts: Facts;
  try {
    facts = gatherFacts(isRecord(input) ? input : { nowMs: 0 });
  } catch {
    return [];
  }
  const found: Finding[] = [];
  for (const rule of RULES) {
    try {
      found.push(...rule(facts));
    } catch {
      // One rule's blind spot must not hide what the others found.
    }
  }
  found.push(...fallbacks(facts, found));
  return sortAndDedupe(found);
}

/** The same id twice (e.g. a draft check and the server's answer) is one finding: the more severe. */
export function sortAndDedupe(findings: Finding[]): Finding[] {
  const byId = new Map<string, Finding>();
  for (const finding of findings) {
    const seen = byId.get(finding.id);
    if (!seen || RANK[finding.severity] < RANK[seen.severity]) byId.set(finding.id, finding);
  }
  const order = [...byId.keys()];
  return [...byId.values()].sort(
    (a, b) => RANK[a.severity] - RANK[b.severity] || order.indexOf(a.id) - order.indexOf(b.id),
  );
}

/** Nothing specific to say, but something failed: repeat what is known rather than stay silent. */
function fallbacks(facts: Facts, found: Finding[]): Finding[] {
  if (found.some((f) => f.severity === 'error')) return [];
  const error = facts.input.error;
  if (isRecord(error) && typeof error.code === 'string' && error.code !== 'cancelled') {
    const message = typeof error.message === 'string' ? error.message : '';
    return [
      {
        id: 'request.failed',
        severity: 'error',
        title: 'The request could not be completed',
        explanation: message || `The send failed with ${error.code}.`,
        fix: 'Follow the advice in the message; if it persists, copy the request for support.',
        evidence: [{ kind: 'error', name: error.code, value: excerpt(message, 200) }],
      },
    ];
  }
  // Totara's masked "Internal server error" is explained by the Totara rules; elsewhere it is all there is.
  const reported = facts.graphqlErrors.filter(
    (e) => e.message !== undefined && !(facts.serverIs.totara && e.message === 'Internal server error'),
  );
  const [first] = reported;
  if (!first) return [];
  return [
    {
      id: 'graphql.error-reported',
      severity: 'error',
      title: 'The server reported a GraphQL error',
      explanation: `The server answered${facts.status === 200 ? ' with HTTP 200, but' : ''} with ${reported.length} error${reported.length > 1 ? 's' : ''}: ${reported
        .slice(0, 3)
        .map((e) => `"${excerpt(e.message ?? '', 120)}"`)
        .join('; ')}. GraphQL servers report errors in the body, whatever the status code.`,
      fix: 'Read the message and its locations/path: they point at the part of the query to change.',
      evidence: reported
        .slice(0, 3)
        .map((e) => ({ kind: 'response-body', name: `${e.path}.message`, value: excerpt(e.message ?? '') })),
    },
  ];
}
