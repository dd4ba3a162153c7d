import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
} from 'graphql';
import type {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLNamedType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';

/** A requested field: its response key (alias or name) and what was asked inside it. */
export type RequestedField = {
  key: string;
  children?: RequestedField[];
  /** Inside a fragment with a type condition: the server may rightly leave it out. */
  conditional: boolean;
  /** What the schema declares, when Lantern has the schema and knows the field. */
  declared?: {
    /** The field's type as written in the schema, e.g. `[core_user!]!`. */
    type: string;
    /** A list: `[]` is an empty list. Otherwise `[]` is PHP's empty object. */
    list: boolean;
    nonNull: boolean;
  };
};

export type OperationSummary = {
  name?: string;
  kind: 'query' | 'mutation' | 'subscription';
  declaredVariables: string[];
  /** `$name` used anywhere in the operation or the fragments it spreads. */
  usedVariables: string[];
  fields: RequestedField[];
  introspection: boolean;
};

type Fragments = Map<string, FragmentDefinitionNode>;
type Walk = { fragments: Fragments; schema?: GraphQLSchema };

function fieldOf(parent: GraphQLNamedType | undefined, name: string) {
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

const typeNamed = (walk: Walk, name: string | undefined) =>
  name === undefined ? undefined : walk.schema?.getType(name);

function fieldsOf(
  set: SelectionSetNode,
  walk: Walk,
  parent: GraphQLNamedType | undefined,
  conditional: boolean,
  seen: Set<string>,
): RequestedField[] {
  const fields: RequestedField[] = [];
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const definition = fieldOf(parent, selection.name.value);
      const inner = definition ? getNamedType(definition.type) : undefined;
      const children = selection.selectionSet
        ? fieldsOf(selection.selectionSet, walk, inner, false, seen)
        : undefined;
      const declared = definition && {
        type: String(definition.type),
        list: isListType(getNullableType(definition.type)),
        nonNull: isNonNullType(definition.type),
      };
      fields.push({
        key: selection.alias?.value ?? selection.name.value,
        children,
        conditional,
        ...(declared ? { declared } : {}),
      });
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const typed = conditional || selection.typeCondition !== undefined;
      const on = typeNamed(walk, selection.typeCondition?.name.value) ?? parent;
      fields.push(...fieldsOf(selection.selectionSet, walk, on, typed, seen));
    } else {
      const fragment = walk.fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) continue;
      const on = typeNamed(walk, fragment.typeCondition.name.value);
      fields.push(
        ...fieldsOf(fragment.selectionSet, walk, on, true, new Set([...seen, fragment.name.value])),
      );
    }
  }
  return fields;
}

function variablesUsed(node: unknown, into: Set<string>, fragments: Fragments, seen: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) variablesUsed(item, into, fragments, seen);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as { kind?: string; name?: { value?: string } };
  if (record.kind === Kind.VARIABLE_DEFINITION) return;
  if (record.kind === Kind.VARIABLE && record.name?.value) into.add(record.name.value);
  if (record.kind === Kind.FRAGMENT_SPREAD && record.name?.value && !seen.has(record.name.value)) {
    seen.add(record.name.value);
    variablesUsed(fragments.get(record.name.value), into, fragments, seen);
  }
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'loc' && typeof value === 'object') variablesUsed(value, into, fragments, seen);
  }
}

const usesIntrospection = (fields: RequestedField[]): boolean =>
  fields.some((f) => f.key === '__schema' || f.key === '__type' || usesIntrospection(f.children ?? []));

/** Parses a query text; undefined when it is not valid GraphQL (the server will say why). */
export function parseDocument(text: string | undefined): DocumentNode | undefined {
  if (!text) return undefined;
  try {
    return parse(text, { noLocation: true });
  } catch {
    return undefined;
  }
}

/**
 * The operation a request runs (by operationName, else the only/first one), summarised; with the
 * schema, each field also says what the schema declares for it.
 */
export function summariseOperation(
  text: string | undefined,
  operationName?: unknown,
  schema?: GraphQLSchema,
): OperationSummary | undefined {
  const document = parseDocument(text);
  if (!document) return undefined;
  const fragments: Fragments = new Map();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const operation =
    (typeof operationName === 'string' && operations.find((o) => o.name?.value === operationName)) ||
    operations[0];
  if (!operation) return undefined;
  const used = new Set<string>();
  variablesUsed(operation.selectionSet, used, fragments, new Set());
  variablesUsed(operation.directives, used, fragments, new Set());
  const root = schema?.getRootType(operation.operation) ?? undefined;
  const fields = fieldsOf(operation.selectionSet, { fragments, schema }, root, false, new Set());
  return {
    name: operation.name?.value,
    kind: operation.operation as OperationSummary['kind'],
    declaredVariables: (operation.variableDefinitions ?? []).map((d) => d.variable.name.value),
    usedVariables: [...used],
    fields,
    introspection: usesIntrospection(fields),
  };
}
