/** What the analysis worker computes; pure functions of the text and the schema, tested in Node. */
import { buildClientSchema, buildSchema, parse, print } from 'graphql';
import type { GraphQLSchema, IntrospectionQuery } from 'graphql';
import { estimateCost } from '../../../shared/graphql/estimate';
import { checkLimits } from '../../../shared/graphql/limits';
import { checkOperationName, isSyntaxProblem, listOperations } from '../../../shared/graphql/operations';
import type { RegistryOperation } from '../../../shared/graphql/persisted';
import { validateDocument, validateVariables } from '../../../shared/graphql/validate';
import type { VariableProblem } from '../../../shared/graphql/validate';
import type { Analysis, AnalyzeInput, SchemaText } from './analysis-protocol';

/**
 * The editor's schema. Both texts come from the main side: an SDL it built and checked (not
 * validated again here), or an introspection result it checked without building (repaired there),
 * used as is; a result the check let through that graphql-js still cannot build throws here.
 */
export function buildEditorSchema(text: SchemaText): GraphQLSchema {
  if ('introspection' in text) return buildClientSchema(JSON.parse(text.introspection) as IntrospectionQuery);
  return buildSchema(text.sdl, { assumeValidSDL: true });
}

/** Variables checked against a registry operation's declared ones when there is no schema. */
function variablesWithoutSchema(operation: RegistryOperation, variablesJson: string): VariableProblem[] {
  let given: unknown = {};
  try {
    given = variablesJson.trim() === '' ? {} : JSON.parse(variablesJson);
  } catch (error) {
    return [{ message: `The variables are not valid JSON: ${(error as Error).message}.`, severity: 'error' }];
  }
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    return [{ message: 'The variables must be a JSON object, e.g. {"lang": "en"}.', severity: 'error' }];
  }
  const names = new Set(Object.keys(given));
  const problems: VariableProblem[] = [];
  for (const variable of operation.variables) {
    if (variable.required && !names.has(variable.name)) {
      problems.push({
        message: `"${variable.name}" (${variable.type}) is required by ${operation.name} but missing.`,
        variable: variable.name,
        severity: 'error',
      });
    }
  }
  const declared = new Set(operation.variables.map((variable) => variable.name));
  for (const name of names) {
    if (!declared.has(name)) {
      problems.push({
        message: `"${name}" is not a variable of ${operation.name}: the server ignores it.`,
        variable: name,
        severity: 'warning',
      });
    }
  }
  return problems;
}

/** Everything the editor shows before sending: markers, variable problems, estimate, warnings. */
export function analyze(input: AnalyzeInput, schema: GraphQLSchema | undefined): Analysis {
  const started = performance.now();
  const query = input.persisted ? input.persisted.query : input.query;
  const operationName = input.persisted ? input.persisted.name : input.operationName;
  const analysis: Analysis = {
    operations: [],
    diagnostics: [],
    variableProblems: [],
    limitWarnings: [],
    withSchema: schema !== undefined,
    tookMs: 0,
  };
  // An empty editor is not an error worth a red marker.
  const operations = query.trim() === '' ? [] : listOperations(query);
  if (isSyntaxProblem(operations)) analysis.syntax = operations;
  else analysis.operations = operations;
  const single = analysis.operations.length === 1 ? analysis.operations[0]?.name : undefined;
  const name = operationName || single;
  if (!input.persisted) {
    if (schema && query.trim() !== '') analysis.diagnostics = validateDocument(schema, query);
    const warning = checkOperationName(name);
    if (warning) analysis.operationNameWarning = warning;
  }
  if (!analysis.syntax && query.trim() !== '') {
    if (schema) analysis.variableProblems = validateVariables(schema, query, name, input.variables);
    else if (input.persisted)
      analysis.variableProblems = variablesWithoutSchema(input.persisted, input.variables);
    const estimate = estimateCost(query, {
      ...(name ? { operationName: name } : {}),
      variables: input.variables,
      ...(schema ? { schema } : {}),
    });
    if ('problem' in estimate) analysis.estimateProblem = estimate.problem;
    else {
      analysis.estimate = estimate;
      analysis.limitWarnings = checkLimits(estimate, input.limits);
    }
  } else if (input.persisted) {
    analysis.variableProblems = variablesWithoutSchema(input.persisted, input.variables);
  }
  analysis.tookMs = performance.now() - started;
  return analysis;
}

/** graphql's printer: one canonical layout (comments are not kept). */
export function prettify(query: string): { query?: string; problem?: string } {
  try {
    return { query: print(parse(query)) };
  } catch (error) {
    return { problem: `Cannot prettify: the query is not valid GraphQL (${(error as Error).message}).` };
  }
}
