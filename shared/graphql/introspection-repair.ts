import type { IntrospectionQuery } from 'graphql';

/** Stands in for a named type a shallow introspection query did not reach. */
export const TRUNCATED_TYPE = 'LanternTruncatedType';

interface TypeRef {
  kind: string;
  name?: string | null;
  ofType?: TypeRef | null;
}

/** The same reference, with a wrapper chain that stops short ended by the placeholder; undefined if whole. */
function repairRef(ref: TypeRef | undefined | null): TypeRef | undefined {
  if (!ref) return undefined;
  if (ref.kind !== 'LIST' && ref.kind !== 'NON_NULL') return undefined;
  if (!ref.ofType) return { ...ref, ofType: { kind: 'SCALAR', name: TRUNCATED_TYPE } };
  const inner = repairRef(ref.ofType);
  return inner ? { ...ref, ofType: inner } : undefined;
}

type Holder = { name: string; type: TypeRef };

/**
 * graphql-js refuses a whole schema when one type reference is deeper than the query asked
 * ("Decorated type deeper than introspection query"). Ending such chains with a placeholder scalar keeps
 * everything else usable after the depth-limited fallback. Returns the input itself when nothing is cut.
 */
export function repairTruncatedTypeRefs(introspection: IntrospectionQuery): {
  introspection: IntrospectionQuery;
  repaired: string[];
} {
  const repaired: string[] = [];
  const fix = <T extends Holder>(items: readonly T[] | null | undefined, where: string): T[] | undefined => {
    if (!items) return undefined;
    let changed = false;
    const result = items.map((item) => {
      const type = repairRef(item.type);
      if (!type) return item;
      changed = true;
      repaired.push(`${where}.${item.name}`);
      return { ...item, type };
    });
    return changed ? result : undefined;
  };
  const schema = introspection.__schema;
  let typesChanged = false;
  const types = schema.types.map((type) => {
    const patch: Record<string, unknown> = {};
    if ('fields' in type && type.fields) {
      let fieldsChanged = false;
      const fields = type.fields.map((field) => {
        const args = fix(field.args as unknown as Holder[], `${type.name}.${field.name}`);
        const own = fix([field as unknown as Holder], type.name)?.[0];
        if (!args && !own) return field;
        fieldsChanged = true;
        return { ...field, ...(own ? { type: own.type } : {}), ...(args ? { args } : {}) };
      });
      if (fieldsChanged) patch.fields = fields;
    }
    if ('inputFields' in type && type.inputFields) {
      const inputFields = fix(type.inputFields as unknown as Holder[], type.name);
      if (inputFields) patch.inputFields = inputFields;
    }
    if (Object.keys(patch).length === 0) return type;
    typesChanged = true;
    return { ...type, ...patch };
  });
  let directivesChanged = false;
  const directives = (schema.directives ?? []).map((directive) => {
    const args = fix(directive.args as unknown as Holder[], `@${directive.name}`);
    if (!args) return directive;
    directivesChanged = true;
    return { ...directive, args };
  });
  if (!typesChanged && !directivesChanged) return { introspection, repaired };
  const placeholder = {
    kind: 'SCALAR',
    name: TRUNCATED_TYPE,
    description: 'A type Lantern could not see: the introspection query was cut short by the depth limit.',
    specifiedByURL: null,
  };
  return {
    introspection: {
      __schema: { ...schema, types: [...types, placeholder] as typeof schema.types, directives },
    } as IntrospectionQuery,
    repaired,
  };
}
