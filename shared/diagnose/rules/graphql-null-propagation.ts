import { errorEvidence, isRecord } from '../facts';
import type { Facts, GraphqlError } from '../facts';
import { summariseOperation } from '../graphql-document';
import type { RequestedField } from '../graphql-document';
import type { Finding } from '../types';

const NON_NULL_VIOLATION = /^Cannot return null for non-nullable field\s+(\w+(?:\.\w+)*)/;

/** `data.users.items[0].name` for ["users", "items", 0, "name"]. */
function jsonPath(prefix: string, steps: readonly (string | number)[]): string {
  return steps.reduce<string>(
    (path, step) => (typeof step === 'number' ? `${path}[${step}]` : `${path}.${step}`),
    `${prefix}data`,
  );
}

/**
 * The null nearest the root on the error's path, above the errored field itself: `data` (0 steps),
 * or the parent the error was passed up to. Undefined when the path leads nowhere or nothing above
 * the field is null (a nullable field simply holds null then).
 */
function nulledAbove(data: unknown, steps: readonly (string | number)[]): number | undefined {
  if (data === null) return 0;
  let value: unknown = data;
  for (const [i, step] of steps.slice(0, -1).entries()) {
    if (typeof step === 'number') value = Array.isArray(value) ? value[step] : undefined;
    else value = isRecord(value) && Object.hasOwn(value, step) ? value[step] : undefined;
    if (value === undefined) return undefined;
    if (value === null) return i + 1;
  }
  return undefined;
}

/** What the schema declares for each named step of the path (aliases resolved through the query). */
function declaredAlong(fields: RequestedField[], steps: readonly (string | number)[]) {
  const found: { key: string; type?: string; nonNull?: boolean }[] = [];
  let level: RequestedField[] | undefined = fields;
  for (const step of steps) {
    if (typeof step === 'number') continue;
    const field: RequestedField | undefined = level?.find((f) => f.key === step);
    found.push({ key: step, type: field?.declared?.type, nonNull: field?.declared?.nonNull });
    level = field?.children;
  }
  return found;
}

/**
 * `data` (or a parent object) is null because a non-null field failed: GraphQL may not answer that
 * field with null, so it nulls the parent, and on up to the nearest field that may be null
 * (GraphQL spec, "Handling Field Errors"). The field's error is the cause; the null its consequence.
 */
export function graphqlNullPropagationFindings(facts: Facts): Finding[] {
  const request = facts.graphqlRequest;
  const operation = summariseOperation(request?.query, request?.operationName, facts.schema);
  for (const error of facts.graphqlErrors) {
    const steps = error.responsePath;
    if (!steps || steps.length === 0) continue;
    const prefix = error.path.slice(0, error.path.indexOf('errors['));
    const index = /^\[(\d+)\]\.$/.exec(prefix)?.[1];
    const body =
      index === undefined ? facts.json : Array.isArray(facts.json) ? facts.json[Number(index)] : undefined;
    if (!isRecord(body) || !Object.hasOwn(body, 'data')) continue;
    const nulled = nulledAbove(body.data, steps);
    if (nulled === undefined) continue;
    const declared = declaredAlong(operation?.fields ?? [], steps);
    // Every field below the null must be non-null for GraphQL to have passed the error up: a schema
    // that says otherwise means Lantern's reading is wrong (an older schema, say), so it says nothing.
    const passedUp = declared.slice(countNamed(steps, nulled));
    if (passedUp.some((step) => step.nonNull === false)) continue;
    return [finding(facts, error, prefix, steps, nulled, passedUp)];
  }
  return [];
}

const countNamed = (steps: readonly (string | number)[], upTo: number) =>
  steps.slice(0, upTo).filter((step) => typeof step === 'string').length;

function finding(
  facts: Facts,
  error: GraphqlError,
  prefix: string,
  steps: readonly (string | number)[],
  nulled: number,
  passedUp: { key: string; type?: string }[],
): Finding {
  const field = jsonPath(prefix, steps);
  const nullAt = jsonPath(prefix, steps.slice(0, nulled));
  const reason = error.debugMessage ?? error.message ?? '';
  const violation = NON_NULL_VIOLATION.exec(reason)?.[1];
  const types = passedUp.filter((step) => step.type !== undefined);
  const how =
    types.length > 0
      ? `the schema declares ${types.map((step) => `${step.key}: ${step.type}`).join(', ')}`
      : 'the answer shows it: only a non-null field passes its error up to its parent';
  const whole = nulled === 0 ? `all of ${nullAt}` : nullAt;
  return {
    id: 'graphql.data.null-propagated',
    // A non-null violation has no other finding to explain it; any other error is the cause, explained apart.
    severity: violation ? 'error' : 'info',
    title: `"${nullAt}" is null because of the error on ${field}`,
    explanation: `${nullAt} is null because of the error on ${field}. That field may not be null (${how}), so when it failed GraphQL could not answer it with null: it nulled its parent instead, and so on up to the nearest field that may be null — here ${whole}. ${
      violation
        ? `The server produced no value for ${violation}, which its schema promises is never null: most likely a fault on the server's side or data it cannot read, not a mistake in your query.`
        : 'The error on that field is the cause; the null is only its consequence.'
    }`,
    fix: violation
      ? `Leave ${violation.split('.').pop() ?? 'that field'} out of the query to get the rest, and report the error to the site's administrators with its path and time.`
      : 'Deal with the error on that field (see its own finding); the data comes back once it is gone.',
    evidence: [errorEvidence(error), { kind: 'response-body', name: nullAt, value: 'null' }],
  };
}
