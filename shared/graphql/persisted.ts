import { Kind, visit } from 'graphql';
import type { DocumentNode, FragmentDefinitionNode, OperationDefinitionNode } from 'graphql';
import { parseDocument, variablesOf } from './operations';
import type { OperationType, VariableInfo } from './operations';

/** One persisted operation: on a Totara site, a .graphql file whose name is the operation's name. */
export interface RegistryOperation {
  name: string;
  query: string;
  type: OperationType;
  variables: VariableInfo[];
  /** Runs without a session cookie or sesskey (API-BEHAVIOUR §2). */
  noSession: boolean;
}

export type OperationRegistry = Record<string, RegistryOperation>;

export interface RegistryParse {
  registry: OperationRegistry;
  /** Entries that could not be read, in words; the rest are still loaded. */
  problems: string[];
}

export interface RegistrySource {
  /** e.g. `core_user_users.graphql`: names an anonymous operation. */
  fileName?: string;
  text: string;
}

/** Operations ending in `_nosession` need neither a session cookie nor a sesskey. */
export const isNoSession = (name: string) => name.endsWith('_nosession');

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The operation's own text plus every fragment it spreads, directly or through other fragments. */
function operationText(source: string, document: DocumentNode, operation: OperationDefinitionNode): string {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const needed = new Set<string>();
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !needed.has(fragment.name.value)) {
          needed.add(fragment.name.value);
          collect(fragment);
        }
      },
    });
  collect(operation);
  const slice = (node: { loc?: { start: number; end: number } }) =>
    node.loc ? source.slice(node.loc.start, node.loc.end) : '';
  return [operation, ...[...needed].map((name) => fragments.get(name)!)].map(slice).join('\n\n');
}

function entry(name: string, query: string, operation: OperationDefinitionNode): RegistryOperation {
  return {
    name,
    query,
    type: operation.operation,
    variables: variablesOf(operation),
    noSession: isNoSession(name),
  };
}

function addDocument(source: RegistrySource, into: RegistryParse): void {
  const where = source.fileName ? `${source.fileName}: ` : '';
  const parsed = parseDocument(source.text);
  if ('error' in parsed) {
    const { message, line, column } = parsed.error;
    into.problems.push(`${where}not valid GraphQL at line ${line}, column ${column}: ${message}`);
    return;
  }
  const operations = parsed.document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (operations.length === 0) into.problems.push(`${where}has no operation (only fragments or types).`);
  const fileBase = source.fileName?.replace(/^.*[\\/]/, '').replace(/\.(graphql|gql)$/i, '');
  for (const operation of operations) {
    const name = operation.name?.value ?? (operations.length === 1 ? fileBase : undefined);
    if (!name) {
      into.problems.push(`${where}an operation has no name; persisted operations are called by name.`);
      continue;
    }
    if (into.registry[name]) into.problems.push(`${where}"${name}" is defined twice; the last one is kept.`);
    into.registry[name] = entry(name, operationText(source.text, parsed.document, operation), operation);
  }
}

function addJsonObject(object: Record<string, unknown>, into: RegistryParse): void {
  for (const [name, query] of Object.entries(object)) {
    if (typeof query !== 'string') {
      into.problems.push(`"${name}": the value should be the operation's query text.`);
      continue;
    }
    const parsed = parseDocument(query);
    if ('error' in parsed) {
      into.problems.push(`"${name}": not valid GraphQL (${parsed.error.message}).`);
      continue;
    }
    const operation = parsed.document.definitions.find(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    );
    if (!operation) into.problems.push(`"${name}": has no operation.`);
    else into.registry[name] = entry(name, query, operation);
  }
}

/**
 * Reads pasted or loaded operations: a JSON object of name → query text (also the sandbox's
 * `{ "operations": { … } }`), or GraphQL documents whose operations are named.
 */
export function parseRegistry(input: string | RegistrySource[]): RegistryParse {
  const result: RegistryParse = { registry: {}, problems: [] };
  const sources = typeof input === 'string' ? [{ text: input }] : input;
  for (const source of sources) {
    if (source.text.trimStart().startsWith('{')) {
      let json: unknown;
      try {
        json = JSON.parse(source.text);
      } catch (error) {
        const where = source.fileName ? `${source.fileName}: ` : '';
        result.problems.push(`${where}not valid JSON (${(error as Error).message}).`);
        continue;
      }
      const object = isRecord(json) && isRecord(json.operations) ? json.operations : json;
      if (isRecord(object)) addJsonObject(object, result);
      else result.problems.push('Expected a JSON object of operation name → query text.');
    } else addDocument(source, result);
  }
  return result;
}

/** The sandbox's `GET /__sandbox/operations`: `{ "operations": { name: query } }`. */
export function registryFromSandboxOperations(json: string | unknown): RegistryParse {
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      return {
        registry: {},
        problems: [`The operation list is not valid JSON (${(error as Error).message}).`],
      };
    }
  }
  if (!isRecord(value) || !isRecord(value.operations)) {
    return {
      registry: {},
      problems: ['Expected {"operations": {name: query text}} from /__sandbox/operations.'],
    };
  }
  const result: RegistryParse = { registry: {}, problems: [] };
  addJsonObject(value.operations, result);
  return result;
}
