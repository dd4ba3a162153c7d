import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
} from 'graphql';
import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLNamedType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { operationDepth } from './limits';
import { parseDocument, selectOperation } from './operations';

export interface CostOptions {
  operationName?: string;
  /** The variables as an object or as the JSON text of the Variables editor. */
  variables?: Record<string, unknown> | string;
  /** With a schema, lists are known by type and unknown fields cost what Totara charges for them. */
  schema?: GraphQLSchema;
}

/** One list in the result: how many records it is assumed to hold and what they cost. */
export interface CostDetail {
  path: string;
  records: number;
  fieldsPerRecord: number;
  points: number;
  /** Where the record count came from, in words. */
  sizeFrom: string;
}

export interface CostEstimate {
  depth: number;
  complexity: number;
  details: CostDetail[];
}

type Fragments = Map<string, FragmentDefinitionNode>;
type Variables = Record<string, unknown>;
interface Context {
  fragments: Fragments;
  variables: Variables;
  schema?: GraphQLSchema;
  details: CostDetail[];
}

// Totara reads list sizes from pagination-style arguments; GitHub-style connections use first/last.
const sizeArguments = new Set(['limit', 'first', 'last', 'page_size', 'pageSize', 'per_page', 'perPage']);
const listKeysWithoutSchema = new Set(['items', 'nodes', 'edges']);
// Totara's paginated queries return 20 records when no limit is given (API-BEHAVIOUR §1).
const defaultPageSize = 20;
const pagedWithoutSchema = new Set(['core_user_users']);

/** A requested field and, inside a fragment, the type it was requested on. */
interface Requested {
  node: FieldNode;
  on?: string;
}

/** The fields of a selection set as the server counts them: fragments inlined, duplicates kept. */
function fieldsIn(
  set: SelectionSetNode,
  context: Context,
  on?: string,
  seen = new Set<string>(),
): Requested[] {
  const fields: Requested[] = [];
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) fields.push({ node: selection, on });
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition?.name.value ?? on;
      fields.push(...fieldsIn(selection.selectionSet, context, condition, seen));
    } else {
      const fragment = context.fragments.get(selection.name.value);
      if (fragment && !seen.has(fragment.name.value)) {
        const inner = new Set([...seen, fragment.name.value]);
        fields.push(...fieldsIn(fragment.selectionSet, context, fragment.typeCondition.name.value, inner));
      }
    }
  }
  return fields;
}

function isSkipped(node: FieldNode, variables: Variables): boolean {
  for (const directive of node.directives ?? []) {
    const condition = directive.arguments?.find((argument) => argument.name.value === 'if');
    if (!condition) continue;
    const value = valueFromASTUntyped(condition.value, variables) === true;
    if (directive.name.value === 'skip' && value) return true;
    if (directive.name.value === 'include' && !value) return true;
  }
  return false;
}

/** The first pagination-style size among a field's arguments, literal or from variables. */
function sizeFromArguments(
  node: FieldNode,
  variables: Variables,
): { size: number; from: string } | undefined {
  const search = (value: unknown, path: string): { size: number; from: string } | undefined => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    for (const [key, item] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      const number = typeof item === 'string' && /^\d+$/.test(item) ? Number(item) : item;
      if (sizeArguments.has(key) && typeof number === 'number' && Number.isFinite(number)) {
        return { size: Math.max(0, Math.floor(number)), from: `${here} = ${number}` };
      }
      const nested = search(item, here);
      if (nested) return nested;
    }
    return undefined;
  };
  const args = Object.fromEntries(
    (node.arguments ?? []).map((argument) => [
      argument.name.value,
      valueFromASTUntyped(argument.value, variables),
    ]),
  );
  return search(args, '');
}

function fieldDefinition(parent: GraphQLNamedType | undefined, name: string) {
  if (!isObjectType(parent) && !isInterfaceType(parent)) return undefined;
  return parent.getFields()[name];
}

function isPaged(type: GraphQLNamedType | undefined, name: string, withSchema: boolean): boolean {
  if (!withSchema) return pagedWithoutSchema.has(name);
  return isObjectType(type) && type.getInterfaces().some((item) => item.name === 'core_pageable_result');
}

type Size = { size: number; from: string } | undefined;

/**
 * Cost of one field's value for one parent record, by the sandbox's recordCost rule: a list costs
 * (fields requested per record) × records, plus what its records contain; objects only what they contain.
 */
function fieldCost(
  { node, on }: Requested,
  outer: GraphQLNamedType | undefined,
  inherited: Size,
  parentRecords: number,
  path: string,
  context: Context,
): number {
  if (!node.selectionSet || isSkipped(node, context.variables)) return 0;
  const name = node.name.value;
  const parent = on && context.schema ? context.schema.getType(on) : outer;
  const definition = context.schema ? fieldDefinition(parent, name) : undefined;
  // Totara skips validation: a misspelt field resolves to nothing, so it has no records to count.
  if (context.schema && !definition) return 0;
  const type = definition?.type;
  const named = type ? getNamedType(type) : undefined;
  const own = sizeFromArguments(node, context.variables);
  const isList = type
    ? isListType(getNullableType(type))
    : listKeysWithoutSchema.has(name) || (own !== undefined && !hasListChild(node, context));
  const fields = fieldsIn(node.selectionSet, context);
  const here = path ? `${path}.${node.alias?.value ?? name}` : (node.alias?.value ?? name);
  if (isList) {
    const size = own ?? inherited ?? { size: 1, from: 'assumed 1 (no limit argument)' };
    const records = parentRecords * size.size;
    const points = records * fields.length;
    context.details.push({
      path: here,
      records,
      fieldsPerRecord: fields.length,
      points,
      sizeFrom: size.from,
    });
    const perRecord = fields.reduce(
      (sum, child) => sum + fieldCost(child, named, undefined, records, here, context),
      0,
    );
    return size.size * (fields.length + perRecord);
  }
  const pending: Size =
    own ??
    (isPaged(named, name, !!context.schema)
      ? { size: defaultPageSize, from: `default page size ${defaultPageSize}` }
      : undefined);
  return fields.reduce(
    (sum, child) => sum + fieldCost(child, named, pending, parentRecords, here, context),
    0,
  );
}

function hasListChild(node: FieldNode, context: Context): boolean {
  return (
    !!node.selectionSet &&
    fieldsIn(node.selectionSet, context).some((child) => listKeysWithoutSchema.has(child.node.name.value))
  );
}

function variablesFrom(input: CostOptions['variables'], operation: OperationDefinitionNode): Variables {
  let given: Variables = {};
  if (typeof input === 'string') {
    try {
      const parsed: unknown = input.trim() === '' ? {} : JSON.parse(input);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
        given = parsed as Variables;
    } catch {
      // Bad JSON is reported by validateVariables; the estimate falls back to defaults.
    }
  } else if (input) given = input;
  const withDefaults: Variables = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue)
      withDefaults[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
  }
  return { ...withDefaults, ...given };
}

/** Totara's depth and complexity for one operation: query 5, mutation 10, +1 per field per record. */
export function estimateDocumentCost(
  document: DocumentNode,
  options: CostOptions = {},
): CostEstimate | { problem: string } {
  const operation = selectOperation(document, options.operationName);
  if (!operation) {
    return {
      problem: options.operationName
        ? `There is no operation named "${options.operationName}" in the document.`
        : 'The document has several operations: pick the one to estimate.',
    };
  }
  const fragments: Fragments = new Map();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const context: Context = {
    fragments,
    variables: variablesFrom(options.variables, operation),
    schema: options.schema,
    details: [],
  };
  const root = options.schema?.getRootType(operation.operation) ?? undefined;
  // The server charges each top-level response key once, with the first node's selection (graphql-js).
  const firstByKey = new Map<string, Requested>();
  for (const field of fieldsIn(operation.selectionSet, context)) {
    if (isSkipped(field.node, context.variables)) continue;
    const key = field.node.alias?.value ?? field.node.name.value;
    if (!firstByKey.has(key)) firstByKey.set(key, field);
  }
  let complexity = operation.operation === 'mutation' ? 10 : 5;
  for (const field of firstByKey.values()) {
    // Introspection resolvers are not charged.
    if (field.node.name.value.startsWith('__')) continue;
    complexity += fieldCost(field, root, undefined, 1, '', context);
  }
  return { depth: operationDepth(operation, fragments), complexity, details: context.details };
}

/** Parses and estimates; a problem in words when the text is not GraphQL or the operation is unclear. */
export function estimateCost(
  document: string,
  options: CostOptions = {},
): CostEstimate | { problem: string } {
  const parsed = parseDocument(document);
  if ('error' in parsed) return { problem: `The query is not valid GraphQL: ${parsed.error.message}` };
  return estimateDocumentCost(parsed.document, options);
}
