import { errorEvidence, errorsMatching, excerpt, isRecord, parseJson } from '../facts';
import type { Facts } from '../facts';
import { summariseOperation } from '../graphql-document';
import type { Finding } from '../types';

function providedVariables(value: unknown): string[] {
  const parsed = typeof value === 'string' ? parseJson(value) : value;
  return isRecord(parsed) ? Object.keys(parsed) : [];
}

/** Variables that never reach the query, so every page comes back the same (API-BEHAVIOUR §6 scenario 15). */
export function graphqlVariableFindings(facts: Facts): Finding[] {
  const findings: Finding[] = [...serverReported(facts)];
  const request = facts.graphqlRequest;
  const operation = summariseOperation(request?.query, request?.operationName);
  if (!operation) return findings;
  const severity = facts.status !== undefined ? 'error' : 'warning';
  const undeclared = operation.usedVariables.filter((name) => !operation.declaredVariables.includes(name));
  const ignoresThem = facts.serverIs.totara
    ? ' Totara 17 does not validate queries, so it does not complain: it runs the query with those values missing, and a paged query returns page 1 every time.'
    : ' A server that validates queries refuses this; one that does not silently runs the query without the value.';
  if (undeclared.length > 0) {
    const names = undeclared.map((n) => `$${n}`).join(', ');
    findings.push({
      id: 'graphql.variables.undeclared',
      severity,
      title: `${names} used but not declared`,
      explanation: `The query uses ${names}, but the operation does not declare ${undeclared.length > 1 ? 'them' : 'it'} (query name($var: Type) { … }), so the value in "variables" is never used.${ignoresThem}`,
      fix: `Declare ${undeclared.length > 1 ? 'each variable' : 'it'} in the operation, e.g. query users(${undeclared.map((n) => `$${n}: String`).join(', ')}) { … }, with the type the argument expects.`,
      evidence: [{ kind: 'request-body', name: 'query', value: excerpt(request?.query ?? '', 120) }],
    });
  }
  const provided = providedVariables(request?.variables);
  const unused = provided.filter(
    (name) => !operation.declaredVariables.includes(name) && !operation.usedVariables.includes(name),
  );
  if (unused.length > 0) {
    const declared = operation.declaredVariables.map((n) => `$${n}`).join(', ');
    findings.push({
      id: 'graphql.variables.unused',
      severity: 'warning',
      title: `Variables sent but not used: ${unused.join(', ')}`,
      explanation: `"variables" carries ${unused.join(', ')}, which the query never refers to, so ${unused.length > 1 ? 'they have' : 'it has'} no effect: a cursor or page sent this way does not move the page.${declared ? ` The operation declares ${declared}: values must sit under those names, nested as the input type expects (e.g. {"query": {"pagination": {"cursor": …}}}).` : ' The query uses literal values instead of variables.'}`,
      fix: 'Use the variable in the query ($name as the argument value, declared in the operation), or nest the values under the declared variable.',
      evidence: [
        {
          kind: 'request-body',
          name: 'variables',
          value: excerpt(JSON.stringify(request?.variables) ?? '', 120),
        },
      ],
    });
  }
  return findings;
}

/** Errors graphql-php reports itself, with a message the user can see. */
function serverReported(facts: Facts): Finding[] {
  const findings: Finding[] = [];
  const [syntax] = errorsMatching(facts, /^Syntax Error:/);
  if (syntax) {
    findings.push({
      id: 'graphql.syntax-error',
      severity: 'error',
      title: 'The query text is not valid GraphQL',
      explanation: `The server could not parse the query: ${syntax.message ?? ''}. A missing closing brace or a stray character is the usual cause.`,
      fix: 'Fix the query at the line and column given in the error (errors[].locations); the editor marks syntax errors as you type.',
      evidence: [errorEvidence(syntax)],
    });
  }
  const [notProvided] = errorsMatching(
    facts,
    /^Variable "\$[^"]+" of required type "[^"]+" was not provided/,
  );
  if (notProvided) {
    findings.push({
      id: 'graphql.variables.not-provided',
      severity: 'error',
      title: 'A required variable is missing',
      explanation: `${notProvided.message ?? ''} The operation declares it as required (!), but "variables" has no value under that name.`,
      fix: 'Add the value to "variables" under exactly the declared name (without the $).',
      evidence: [errorEvidence(notProvided)],
    });
  }
  return findings;
}
