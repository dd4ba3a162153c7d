import {
  getLocation,
  getVariableValues,
  GraphQLError,
  NoDeprecatedCustomRule,
  NoUnusedVariablesRule,
  Source,
  specifiedRules,
  validate,
} from 'graphql';
import type { GraphQLSchema } from 'graphql';
import { parseDocument, selectOperation } from './operations';

export interface Diagnostic {
  message: string;
  severity: 'error' | 'warning';
  /** 1-based, as Monaco's markers want them. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

// graphql-js stops at 100 by default; an editor needs no more than that either.
const MAX_DIAGNOSTICS = 100;

function toDiagnostic(error: GraphQLError, source: Source, severity: Diagnostic['severity']): Diagnostic {
  const node = error.nodes?.[0];
  const start = node?.loc ? getLocation(source, node.loc.start) : error.locations?.[0];
  const end = node?.loc ? getLocation(source, node.loc.end) : undefined;
  const line = start?.line ?? 1;
  const column = start?.column ?? 1;
  return {
    message: error.message,
    severity,
    line,
    column,
    endLine: end?.line ?? line,
    endColumn: end?.column ?? column + 1,
  };
}

/**
 * Checks a document against the schema the way a spec-following server would. Totara 17 skips this
 * step (typos are dropped silently), so these errors are the user's only warning.
 */
export function validateDocument(schema: GraphQLSchema, document: string): Diagnostic[] {
  const source = new Source(document);
  const parsed = parseDocument(document);
  if ('error' in parsed) {
    const { line, column, message } = parsed.error;
    return [{ message, severity: 'error', line, column, endLine: line, endColumn: column + 1 }];
  }
  const errorRules = specifiedRules.filter((rule) => rule !== NoUnusedVariablesRule);
  const errors = validate(schema, parsed.document, errorRules, { maxErrors: MAX_DIAGNOSTICS });
  const warnings = validate(schema, parsed.document, [NoUnusedVariablesRule, NoDeprecatedCustomRule]);
  return [
    ...errors
      .filter((error) => !error.message.startsWith('Too many validation errors'))
      .map((error) => toDiagnostic(error, source, 'error')),
    ...warnings.map((error) => toDiagnostic(error, source, 'warning')),
  ];
}

export interface VariableProblem {
  message: string;
  /** The variable concerned, when there is one. */
  variable?: string;
  severity: 'error' | 'warning';
}

/** Checks the Variables editor's JSON against the operation's declared variable types. */
export function validateVariables(
  schema: GraphQLSchema,
  document: string,
  operationName: string | undefined,
  variablesJson: string,
): VariableProblem[] {
  let inputs: unknown = {};
  if (variablesJson.trim() !== '') {
    try {
      inputs = JSON.parse(variablesJson);
    } catch (error) {
      return [
        { message: `The variables are not valid JSON: ${(error as Error).message}.`, severity: 'error' },
      ];
    }
  }
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) {
    return [
      {
        message: 'The variables must be a JSON object, e.g. {"limit": 10}; leave the editor empty for none.',
        severity: 'error',
      },
    ];
  }
  const parsed = parseDocument(document);
  if ('error' in parsed) return [];
  const operation = selectOperation(parsed.document, operationName);
  if (!operation) return [];
  const given = inputs as Record<string, unknown>;
  const declared = new Set((operation.variableDefinitions ?? []).map((item) => item.variable.name.value));
  const problems: VariableProblem[] = Object.keys(given)
    .filter((name) => !declared.has(name))
    .map((name) => ({
      message: `"${name}" is not a variable of this operation: the server ignores it. Declare $${name} or remove it.`,
      variable: name,
      severity: 'warning' as const,
    }));
  let coerced: ReturnType<typeof getVariableValues>;
  try {
    coerced = getVariableValues(schema, operation.variableDefinitions ?? [], given, { maxErrors: 50 });
  } catch (error) {
    return [...problems, { message: (error as Error).message, severity: 'error' }];
  }
  for (const error of coerced.errors ?? []) {
    const variable = /^Variable "\$([^"]+)"/.exec(error.message)?.[1];
    problems.push({ message: error.message, severity: 'error', ...(variable ? { variable } : {}) });
  }
  return problems;
}
