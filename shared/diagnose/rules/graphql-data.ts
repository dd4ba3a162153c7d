import { walkData } from '../data-walk';
import { isRecord } from '../facts';
import type { Facts } from '../facts';
import { summariseOperation } from '../graphql-document';
import type { Evidence, Finding } from '../types';

const list = (paths: string[]) =>
  paths.slice(0, 3).join(', ') + (paths.length > 3 ? ` and ${paths.length - 3} more` : '');

/** What the data says when there are no errors: dropped fields and nulls (API-BEHAVIOUR §6 scenarios 14 and 16). */
export function graphqlDataFindings(facts: Facts): Finding[] {
  const body = facts.json;
  if (!isRecord(body) || !('data' in body) || facts.graphqlErrors.length > 0) return [];
  const request = facts.graphqlRequest;
  const operation = summariseOperation(request?.query, request?.operationName, facts.schema);
  if (!operation || operation.fields.length === 0) return [];
  const unvalidated = facts.serverIs.totara
    ? ' Totara 17 skips standard GraphQL validation, so a misspelt field is silently dropped instead of reported.'
    : '';
  const data = body.data;
  if (Array.isArray(data) && data.length === 0) {
    return [
      {
        id: 'graphql.data.empty-array',
        severity: 'error',
        title: 'No requested field came back: "data" is empty',
        explanation: `The server answered {"data":[]} with no error: none of the top-level fields you asked for (${operation.fields.map((f) => f.key).join(', ')}) came back, most likely because ${operation.fields.length > 1 ? 'they do' : 'it does'} not exist (a typo in the name).${unvalidated} ([] is how PHP writes an empty object.)`,
        fix: `Check the spelling of the top-level field against the schema${facts.serverIs.totara ? ' (e.g. core_user_users, totara_webapi_status)' : ''}; Lantern's schema-aware editor marks unknown fields.`,
        evidence: [{ kind: 'response-body', name: 'data', value: '[]' }],
      },
    ];
  }
  if (!isRecord(data)) return [];
  const out = walkData(operation.fields, data);
  const findings: Finding[] = [];
  if (out.missing.length > 0) {
    const names = [...new Set(out.missing.map((p) => p.slice(p.lastIndexOf('.') + 1)))];
    const emptied =
      out.emptyObjects.length > 0
        ? ` ${list(out.emptyObjects)} came back as [], which is how PHP writes an empty object: not one of the fields asked for inside came back.`
        : '';
    findings.push({
      id: 'graphql.data.field-missing',
      severity: 'error',
      title: `Requested field${names.length > 1 ? 's' : ''} missing from the answer: ${names.slice(0, 5).join(', ')}`,
      explanation: `You asked for ${names.join(', ')}, but the answer has no such key (${list(out.missing)}) and no error.${emptied}${unvalidated} The field name is most likely misspelt or does not exist on that type.`,
      fix: "Check the spelling of these fields against the schema; Lantern's schema-aware editor marks unknown fields.",
      evidence: [
        ...out.emptyObjects
          .slice(0, 3)
          .map((name): Evidence => ({ kind: 'response-body', name, value: '[]' })),
        ...out.missing.slice(0, 5).map((name): Evidence => ({ kind: 'response-body', name })),
      ],
    });
  }
  if (out.nulls.length > 0 && facts.serverIs.totara) {
    findings.push({
      id: 'totara.data.null-fields',
      severity: 'info',
      title: `${out.nulls.length} requested value${out.nulls.length > 1 ? 's are' : ' is'} null, with no error`,
      explanation: `Totara returns null, without an error, for a field the service account may not see: e.g. a user's email is hidden unless their profile shows it, and descriptions are hidden when profiles are limited to enrolled users. Null: ${list(out.nulls)}. The value may also simply be empty.`,
      fix: "If you expected a value, check the API client's service account: its role and capabilities (e.g. moodle/user:viewhiddendetails, moodle/site:viewuseridentity) and the users' profile settings.",
      evidence: out.nulls
        .slice(0, 5)
        .map((name): Evidence => ({ kind: 'response-body', name, value: 'null' })),
    });
  }
  return findings;
}
