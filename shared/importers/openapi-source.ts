/**
 * Reading a dereferenced OpenAPI 3.0/3.1 or Swagger 2.0 document: swagger-parser has checked it
 * against the specification and replaced every internal `$ref` by the object it names, so nodes
 * are plain objects (a circular schema is an object that contains itself). External `$ref`s are
 * left in place, unresolved, on purpose.
 */

export type Node = Record<string, unknown>;
export type SpecVersion = '2.0' | '3.0' | '3.1';

export const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const node = (value: unknown): Node => (isNode(value) ? value : {});
export const nodes = (value: unknown): Node[] => (Array.isArray(value) ? value.filter(isNode) : []);
export const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** A `$ref` swagger-parser left in place: one to another file or a web address. */
export const unresolvedRef = (value: unknown): string | undefined =>
  isNode(value) && typeof value.$ref === 'string' ? value.$ref : undefined;

export function specVersion(doc: Node): SpecVersion {
  if (typeof doc.swagger === 'string') return '2.0';
  return String(doc.openapi).startsWith('3.1') ? '3.1' : '3.0';
}

/** The methods OpenAPI names in a path item, in the order Lantern lists them. */
export const OPERATION_METHODS = [
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'head',
  'options',
  'trace',
] as const;

/** `application/json`, `application/problem+json`, `application/json; charset=utf-8`… */
export const isJsonMediaType = (type: string): boolean =>
  /^application\/([\w.-]+\+)?json(\s*;.*)?$/i.test(type.trim());

/** The first example a parameter, media type or schema gives: `example`, else the first of `examples`. */
export function firstExample(
  source: Node,
): { found: true; value: unknown } | { found: false; external?: string } {
  if (source.example !== undefined) return { found: true, value: source.example };
  if (Array.isArray(source.examples) && source.examples.length > 0)
    return { found: true, value: source.examples[0] };
  if (isNode(source.examples)) {
    for (const example of Object.values(source.examples)) {
      if (!isNode(example)) continue;
      if (example.value !== undefined) return { found: true, value: example.value };
      if (typeof example.externalValue === 'string') return { found: false, external: example.externalValue };
    }
  }
  return { found: false };
}
