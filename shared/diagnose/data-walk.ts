import { isRecord } from './facts';
import type { RequestedField } from './graphql-document';

const MAX_ITEMS = 100;
const MAX_DEPTH = 40;

/** What the data holds against what was asked: JSON paths such as `data.users.items[0].email`. */
export type DataWalk = {
  /** Asked for, absent, and no fragment condition could explain it. */
  missing: string[];
  nulls: string[];
  /** `[]` read as an empty object: PHP's json_encode writes an empty associative array so. */
  emptyObjects: string[];
};

/** Exactly one list level (`[T]`, `[T!]!`): its items are objects, so an item `[]` is an empty one. */
const singleList = (field: RequestedField) =>
  field.declared?.list === true && (field.declared.type.match(/\[/g) ?? []).length === 1;

/**
 * Walks the answer along the query. `[]` where an object was asked for is PHP's empty object, so
 * a selection whose fields were all dropped still counts as missing fields; where Lantern cannot
 * tell an object from a list (no schema, no other record to compare), `[]` is left as a list.
 */
export function walkData(fields: RequestedField[], data: Record<string, unknown>): DataWalk {
  const out: DataWalk = { missing: [], nulls: [], emptyObjects: [] };
  walkObject(fields, data, 'data', out, 0, undefined);
  return out;
}

function walkObject(
  fields: RequestedField[],
  value: Record<string, unknown>,
  path: string,
  out: DataWalk,
  depth: number,
  /** Keys that hold an object in another record of the same list. */
  objectsElsewhere: Set<string> | undefined,
): void {
  if (depth > MAX_DEPTH) return;
  for (const field of fields) {
    if (field.key.startsWith('__')) continue;
    const here = `${path}.${field.key}`;
    if (!Object.hasOwn(value, field.key)) {
      if (!field.conditional) out.missing.push(here);
      continue;
    }
    const child = value[field.key];
    if (child === null) out.nulls.push(here);
    else if (field.children)
      walkValue(field, child, here, out, depth + 1, objectsElsewhere?.has(field.key) ?? false);
  }
}

function walkValue(
  field: RequestedField,
  value: unknown,
  path: string,
  out: DataWalk,
  depth: number,
  objectElsewhere: boolean,
): void {
  const children = field.children ?? [];
  const list = field.declared?.list;
  if (isRecord(value)) {
    walkObject(children, value, path, out, depth, undefined);
    return;
  }
  if (!Array.isArray(value)) return;
  if (value.length === 0 && (list === false || (list === undefined && objectElsewhere))) {
    emptyObject(children, path, out, depth);
    return;
  }
  // An array where the schema declares an object: nothing sure to say about it.
  if (list === false) return;
  const items = value.slice(0, MAX_ITEMS);
  const itemsAreObjects = singleList(field) || items.some(isRecord);
  const objectKeys = new Set(
    children
      .filter((child) => items.some((item) => isRecord(item) && isRecord(item[child.key])))
      .map((child) => child.key),
  );
  items.forEach((item, index) => {
    const at = `${path}[${index}]`;
    if (isRecord(item)) walkObject(children, item, at, out, depth + 1, objectKeys);
    else if (Array.isArray(item) && item.length === 0 && itemsAreObjects)
      emptyObject(children, at, out, depth + 1);
  });
}

function emptyObject(children: RequestedField[], path: string, out: DataWalk, depth: number): void {
  out.emptyObjects.push(path);
  walkObject(children, {}, path, out, depth, undefined);
}
