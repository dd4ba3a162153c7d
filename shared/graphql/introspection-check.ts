import { parseValue, type IntrospectionQuery } from 'graphql';

interface TypeRef {
  kind?: unknown;
  name?: unknown;
  ofType?: TypeRef | null;
}

type Item = { name?: unknown; type?: TypeRef; args?: unknown; defaultValue?: unknown };

const KINDS = new Set(['SCALAR', 'OBJECT', 'INTERFACE', 'UNION', 'ENUM', 'INPUT_OBJECT']);
const OUTPUT_KINDS = new Set(['SCALAR', 'OBJECT', 'INTERFACE', 'UNION', 'ENUM']);
const INPUT_KINDS = new Set(['SCALAR', 'ENUM', 'INPUT_OBJECT']);

const list = (value: unknown): Item[] | undefined => (Array.isArray(value) ? (value as Item[]) : undefined);

/**
 * Checks an introspection result for what graphql-js's `buildClientSchema` needs, without building
 * the schema (the main side only keeps and forwards the result; the editor's workers build it): a
 * name and a known kind for every type, the lists each kind must have, every type reference
 * naming a type of the result that fits where it is used, and default values that parse. Throws an Error saying what is wrong.
 * Returns the number of the schema's own types (not the `__` introspection types).
 */
export function checkIntrospection(introspection: IntrospectionQuery): number {
  const schema = introspection.__schema as unknown as Record<string, unknown>;
  const types = list(schema.types) ?? [];
  const kinds = new Map<string, string>();
  for (const type of types as { name?: unknown; kind?: unknown }[]) {
    if (typeof type?.name !== 'string' || typeof type.kind !== 'string' || !KINDS.has(type.kind))
      throw new Error(`a type has no name or an unknown kind (${JSON.stringify(type).slice(0, 120)})`);
    kinds.set(type.name, type.kind);
  }
  const named = (ref: TypeRef | undefined | null, where: string, allowed: Set<string>, what: string) => {
    let inner = ref;
    while (inner && (inner.kind === 'LIST' || inner.kind === 'NON_NULL')) inner = inner.ofType;
    const name = inner?.name;
    if (typeof name !== 'string') throw new Error(`${where} has no type`);
    const kind = kinds.get(name);
    if (!kind) throw new Error(`${where} refers to the type "${name}", which is not in the result`);
    if (!allowed.has(kind)) throw new Error(`${where} must be ${what}, but "${name}" is ${kind}`);
  };
  // A default value is GraphQL source text, which buildClientSchema parses.
  const readable = (item: Item, where: string) => {
    if (item.defaultValue === null || item.defaultValue === undefined) return;
    try {
      if (typeof item.defaultValue !== 'string') throw new Error('it is not text');
      parseValue(item.defaultValue);
    } catch (error) {
      throw new Error(
        `${where} has a default value that cannot be read (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  };
  const inputs = (items: unknown, where: string) => {
    const values = list(items);
    if (!values) throw new Error(`${where} has no list of arguments`);
    for (const value of values) {
      named(value.type, `${where}(${String(value.name)})`, INPUT_KINDS, 'an input type');
      readable(value, `${where}(${String(value.name)})`);
    }
  };
  const only = (kind: string) => new Set([kind]);
  for (const type of types as Record<string, unknown>[]) {
    const name = type.name as string;
    const missing = (part: string) =>
      new Error(`the ${String(type.kind)} type "${name}" has no "${part}" list`);
    switch (type.kind) {
      case 'OBJECT':
      case 'INTERFACE': {
        const fields = list(type.fields);
        if (!fields) throw missing('fields');
        for (const field of fields) {
          const where = `${name}.${String(field.name)}`;
          named(field.type, where, OUTPUT_KINDS, 'an output type');
          inputs(field.args, where);
        }
        const interfaces = list(type.interfaces);
        if (!interfaces && type.kind === 'OBJECT') throw missing('interfaces');
        for (const item of interfaces ?? [])
          named(item, `${name} implements`, only('INTERFACE'), 'an interface');
        break;
      }
      case 'UNION': {
        const members = list(type.possibleTypes);
        if (!members) throw missing('possibleTypes');
        for (const item of members) named(item, `the union ${name}`, only('OBJECT'), 'an object type');
        break;
      }
      case 'ENUM':
        if (!list(type.enumValues)) throw missing('enumValues');
        break;
      case 'INPUT_OBJECT': {
        const fields = list(type.inputFields);
        if (!fields) throw missing('inputFields');
        for (const field of fields) {
          named(field.type, `${name}.${String(field.name)}`, INPUT_KINDS, 'an input type');
          readable(field, `${name}.${String(field.name)}`);
        }
        break;
      }
    }
  }
  for (const root of ['queryType', 'mutationType', 'subscriptionType']) {
    const ref = schema[root] as TypeRef | null | undefined;
    if (ref)
      named({ kind: 'OBJECT', name: ref.name }, `the schema's ${root}`, only('OBJECT'), 'an object type');
  }
  for (const directive of list(schema.directives) ?? []) {
    inputs(directive.args, `the directive @${String(directive.name)}`);
    if (!Array.isArray((directive as { locations?: unknown }).locations))
      throw new Error(`the directive @${String(directive.name)} has no "locations" list`);
  }
  return [...kinds.keys()].filter((typeName) => !typeName.startsWith('__')).length;
}
