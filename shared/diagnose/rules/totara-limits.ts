import { errorEvidence, errorsMatching } from '../facts';
import type { Facts } from '../facts';
import { summariseOperation } from '../graphql-document';
import type { Finding } from '../types';

/**
 * Query limits: introspection, depth and complexity (API-BEHAVIOUR §6 scenarios 11 and 12). The
 * depth message is graphql-php's own, so any server built on it may send it: Totara's settings are
 * named only when the evidence says Totara.
 */
export function totaraLimitFindings(facts: Facts): Finding[] {
  const findings: Finding[] = [];
  const request = facts.graphqlRequest;
  const schemaFetch = summariseOperation(request?.query, request?.operationName)?.introspection ?? false;
  const totara = facts.serverIs.totara !== undefined;
  const [introspection] = totara ? errorsMatching(facts, /^GraphQL introspection is not enabled/) : [];
  if (introspection) {
    findings.push({
      id: 'totara.limits.introspection-disabled',
      severity: 'error',
      title: 'Introspection is switched off on this site',
      explanation:
        'The query asks for __schema or __type, and Totara refuses introspection unless it is enabled in the API settings (it is off by default). Schema fetching, autocomplete and docs in GraphQL tools need it.',
      fix: "Ask an administrator to enable introspection (Site administration → Development → API → Settings), ideally on a test site only; or get the schema file from the site's developer and load it instead.",
      evidence: [errorEvidence(introspection)],
    });
  }
  const [depth] = errorsMatching(facts, /^Max query depth should be \d+ but got \d+/);
  if (depth) {
    const numbers = /should be (\d+) but got (\d+)/.exec(depth.message ?? depth.debugMessage ?? '');
    const [, max = '?', got = '?'] = numbers ?? [];
    const who = totara ? 'Totara' : 'The server';
    const setting = totara ? '"Max query depth" in the API settings' : "the server's maximum query depth";
    findings.push({
      id: totara ? 'totara.limits.depth' : 'graphql.limits.depth',
      severity: 'error',
      title: `The query is nested ${got} levels deep; the ${totara ? 'site' : 'server'} allows ${max}`,
      explanation: schemaFetch
        ? `This is a schema fetch. The standard introspection query of GraphQL tools is 13 levels deep, so a maximum depth of ${max} breaks every tool's schema fetch.`
        : `${who} counts how deeply fields with sub-selections are nested (fragments expanded, the top-level field is 0) and refuses queries deeper than its maximum (${max}, as the answer says).`,
      fix: schemaFetch
        ? `Ask an administrator to raise ${setting} to at least 13, or fetch the schema with a shallower introspection query (fewer ofType levels).`
        : `Split the query into shallower ones, or ask an administrator to raise ${setting}.`,
      evidence: [errorEvidence(depth)],
    });
  }
  // Totara's own wording (graphql-php's rule says "Max query complexity should be …").
  const [complexity] = totara
    ? errorsMatching(facts, /^Query complexity exceeded maximum allowed complexity/)
    : [];
  if (complexity) {
    // The answer states the site's limit: its number, not the default, is the one to quote.
    const stated = /maximum allowed complexity of (\d+)/.exec(
      complexity.message ?? complexity.debugMessage ?? '',
    )?.[1];
    const maximum = stated
      ? `the site's maximum of ${Number(stated).toLocaleString('en')}, as the answer says`
      : "the site's maximum (6,000 unless an administrator changed it)";
    findings.push({
      id: 'totara.limits.complexity',
      severity: 'error',
      title: 'The query asks for too much at once',
      explanation: `Totara scores a query at 5 (10 for a mutation) plus 1 per requested field of every record returned; this one went over ${maximum}. Lists such as core_user_users cost page size × fields.`,
      fix: 'Ask for a smaller page (pagination: {limit: …}) and fewer fields, and page through the rest with next_cursor.',
      evidence: [errorEvidence(complexity)],
    });
  }
  return findings;
}
