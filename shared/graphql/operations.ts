import { GraphQLError, Kind, parse, print } from 'graphql';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';

export type OperationType = 'query' | 'mutation' | 'subscription';

export interface VariableInfo {
  name: string;
  /** The declared type as written, e.g. `core_user_users_query` or `[String!]!`. */
  type: string;
  /** Non-null and without a default: the server refuses the request when it is not given. */
  required: boolean;
  /** The default value as GraphQL text, e.g. `20` or `"en"`. */
  defaultValue?: string;
}

export interface OperationInfo {
  name?: string;
  type: OperationType;
  /** Character offsets of the operation in the document (end is exclusive). */
  start: number;
  end: number;
  variables: VariableInfo[];
}

/** Where a document fails to parse; line and column are 1-based. */
export interface SyntaxProblem {
  message: string;
  line: number;
  column: number;
}

/** Parses a document, turning graphql-js's thrown GraphQLError into a plain problem. */
export function parseDocument(document: string): { document: DocumentNode } | { error: SyntaxProblem } {
  try {
    return { document: parse(document) };
  } catch (error) {
    const location = error instanceof GraphQLError ? error.locations?.[0] : undefined;
    const message = error instanceof Error ? error.message : String(error);
    return { error: { message, line: location?.line ?? 1, column: location?.column ?? 1 } };
  }
}

export function variablesOf(operation: OperationDefinitionNode): VariableInfo[] {
  return (operation.variableDefinitions ?? []).map((definition) => {
    const info: VariableInfo = {
      name: definition.variable.name.value,
      type: print(definition.type),
      required: definition.type.kind === Kind.NON_NULL_TYPE && !definition.defaultValue,
    };
    if (definition.defaultValue) info.defaultValue = print(definition.defaultValue);
    return info;
  });
}

/** Every operation in a document, in order, or where the document stops being valid GraphQL. */
export function listOperations(document: string): OperationInfo[] | SyntaxProblem {
  const parsed = parseDocument(document);
  if ('error' in parsed) return parsed.error;
  return parsed.document.definitions
    .filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => {
      const info: OperationInfo = {
        type: operation.operation,
        start: operation.loc?.start ?? 0,
        end: operation.loc?.end ?? document.length,
        variables: variablesOf(operation),
      };
      if (operation.name) info.name = operation.name.value;
      return info;
    });
}

export const isSyntaxProblem = (value: OperationInfo[] | SyntaxProblem): value is SyntaxProblem =>
  !Array.isArray(value);

/**
 * "Run the operation under the cursor": the operation containing the offset, else the nearest one
 * before it (the cursor often sits on the blank line after a closing brace), else the first.
 */
export function operationAt(document: string, offset: number): OperationInfo | undefined {
  const operations = listOperations(document);
  if (isSyntaxProblem(operations)) return undefined;
  const inside = operations.find((operation) => offset >= operation.start && offset <= operation.end);
  if (inside) return inside;
  const before = operations.filter((operation) => operation.end <= offset).at(-1);
  return before ?? operations[0];
}

/** The operation a request runs: by name, else the only one. graphql-js's rule, without throwing. */
export function selectOperation(
  document: DocumentNode,
  operationName?: string,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName) return operations.find((operation) => operation.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

// Totara checks operationName against this pattern before anything else (API-BEHAVIOUR §1).
const totaraOperationName = /^[a-z][a-z0-9_]+$/;

/** A warning when Totara's external API would refuse this operationName; undefined when it is fine. */
export function checkOperationName(name: string | undefined): string | undefined {
  if (name === undefined || name === '' || name === 'IntrospectionQuery') return undefined;
  if (totaraOperationName.test(name)) return undefined;
  const suggestion = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .replace(/^[^a-z]+/, '');
  const hint = totaraOperationName.test(suggestion) ? ` Rename it, e.g. to "${suggestion}".` : '';
  return (
    `Totara's external API refuses the operation name "${name}" with "Internal server error" ` +
    `(debugMessage "Invalid request, validation of operationName failed"): it must be lower case letters, ` +
    `digits and underscores, start with a letter and be at least two characters.${hint}`
  );
}
