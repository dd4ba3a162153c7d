/** The docs explorer's data and "go to the type": read from a GraphQLSchema inside the worker. */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { ASTNode, GraphQLArgument, GraphQLField, GraphQLInputField, GraphQLSchema } from 'graphql';
import type { ArgumentDoc, FieldDoc, TypeDoc, TypeSummary } from './analysis-protocol';

const firstLine = (text: string | null | undefined) => text?.split('\n')[0]?.slice(0, 200) || undefined;

function wordAt(text: string, offset: number): string {
  let start = offset;
  let end = offset;
  while (start > 0 && /\w/.test(text[start - 1] ?? '')) start -= 1;
  while (end < text.length && /\w/.test(text[end] ?? '')) end += 1;
  return text.slice(start, end);
}

/**
 * The schema type of what the cursor is on: a field's type, an argument's, or a type named in a
 * variable definition or fragment; else the word under the cursor when it names a type.
 */
export function typeAt(schema: GraphQLSchema, query: string, offset: number): string | undefined {
  let found: string | undefined;
  try {
    const document = parse(query);
    const typeInfo = new TypeInfo(schema);
    const contains = (node: ASTNode) => !!node.loc && node.loc.start <= offset && offset <= node.loc.end;
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        enter(node) {
          if (!contains(node)) return node.kind === 'Document' ? undefined : false;
          if (node.kind === 'Field') {
            // The deepest field around the cursor wins: inside a selection, that field's type.
            const type = typeInfo.getType();
            if (type) found = getNamedType(type).name;
          } else if (node.kind === 'Argument') {
            const type = typeInfo.getInputType();
            if (type) found = getNamedType(type).name;
          } else if (node.kind === 'NamedType') {
            found = node.name.value;
          }
          return undefined;
        },
      }),
    );
  } catch {
    // Unparsable text: fall back to the word under the cursor.
  }
  if (found && schema.getType(found)) return found;
  const word = wordAt(query, offset);
  return word && schema.getType(word) ? word : undefined;
}

const userTypes = (schema: GraphQLSchema) =>
  Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith('__'));

/** Types (and `Type.field` matches) for the explorer's list; root types first when not searching. */
export function searchTypes(
  schema: GraphQLSchema,
  search: string,
  limit: number,
): { types: TypeSummary[]; total: number } {
  const needle = search.trim().toLowerCase();
  const types = userTypes(schema);
  const summary = (type: (typeof types)[number]): TypeSummary => {
    const item: TypeSummary = { name: type.name, kind: kindOf(type) };
    const description = firstLine(type.description);
    if (description) item.description = description;
    return item;
  };
  if (needle === '') {
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(
      (type) => !!type,
    );
    const rest = types
      .filter((type) => !roots.includes(type as never))
      .sort((a, b) => a.name.localeCompare(b.name));
    const ordered = [...roots, ...rest];
    return { types: ordered.slice(0, limit).map(summary), total: ordered.length };
  }
  const byName = types.filter((type) => type.name.toLowerCase().includes(needle));
  byName.sort((a, b) => {
    const rank = (name: string) =>
      name.toLowerCase() === needle ? 0 : name.toLowerCase().startsWith(needle) ? 1 : 2;
    return rank(a.name) - rank(b.name) || a.name.localeCompare(b.name);
  });
  const fieldMatches: TypeSummary[] = [];
  for (const type of types) {
    if (!isObjectType(type) && !isInterfaceType(type) && !isInputObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.name.toLowerCase().includes(needle)) {
        const item: TypeSummary = { name: type.name, kind: kindOf(type), field: field.name };
        const description = firstLine(field.description);
        if (description) item.description = description;
        fieldMatches.push(item);
      }
    }
  }
  const all = [...byName.map(summary), ...fieldMatches];
  return { types: all.slice(0, limit), total: all.length };
}

function kindOf(type: ReturnType<GraphQLSchema['getType']>): string {
  if (isObjectType(type)) return 'type';
  if (isInterfaceType(type)) return 'interface';
  if (isUnionType(type)) return 'union';
  if (isEnumType(type)) return 'enum';
  if (isInputObjectType(type)) return 'input';
  return 'scalar';
}

function argumentDoc(arg: GraphQLArgument | GraphQLInputField): ArgumentDoc {
  const doc: ArgumentDoc = { name: arg.name, type: String(arg.type) };
  if (arg.description) doc.description = arg.description;
  if (arg.defaultValue !== undefined) doc.defaultValue = JSON.stringify(arg.defaultValue);
  if (arg.deprecationReason) doc.deprecationReason = arg.deprecationReason;
  return doc;
}

function fieldDoc(field: GraphQLField<unknown, unknown>): FieldDoc {
  const doc: FieldDoc = { name: field.name, type: String(field.type), args: field.args.map(argumentDoc) };
  if (field.description) doc.description = field.description;
  if (field.deprecationReason) doc.deprecationReason = field.deprecationReason;
  return doc;
}

/** One type in full: fields with arguments, descriptions and deprecations; enum values; members. */
export function describeType(schema: GraphQLSchema, name: string): TypeDoc | undefined {
  const type = schema.getType(name);
  if (!type) return undefined;
  const doc: TypeDoc = {
    name: type.name,
    kind: kindOf(type),
    fields: [],
    interfaces: [],
    possibleTypes: [],
    enumValues: [],
  };
  if (type.description) doc.description = type.description;
  if (isObjectType(type) || isInterfaceType(type)) {
    doc.fields = Object.values(type.getFields()).map(fieldDoc);
    doc.interfaces = type.getInterfaces().map((item) => item.name);
  }
  if (isInputObjectType(type))
    doc.fields = Object.values(type.getFields()).map((field) => ({ ...argumentDoc(field), args: [] }));
  if (isUnionType(type)) doc.possibleTypes = type.getTypes().map((item) => item.name);
  if (isInterfaceType(type)) doc.possibleTypes = schema.getPossibleTypes(type).map((item) => item.name);
  if (isEnumType(type)) {
    doc.enumValues = type.getValues().map((value) => ({
      name: value.name,
      ...(value.description ? { description: value.description } : {}),
      ...(value.deprecationReason ? { deprecationReason: value.deprecationReason } : {}),
    }));
  }
  return doc;
}
