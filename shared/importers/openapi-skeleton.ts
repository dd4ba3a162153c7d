import { firstExample, isNode, node, type Node } from './openapi-source';

/** How deep a body built from a schema goes: deeper levels are left out and said so. */
export const SKELETON_DEPTH = 8;

/** A value made from a schema, and where it stopped (a schema that contains itself, or too deep). */
export interface Skeleton {
  value: unknown;
  stoppedAt: string[];
}

/** What a string of each format looks like, so a server's format check passes. */
const FORMAT_SAMPLES: Record<string, string> = {
  'date-time': '2024-01-01T09:30:00Z',
  date: '2024-01-01',
  time: '09:30:00',
  email: 'user@example.com',
  uri: 'https://example.com',
  url: 'https://example.com',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  uuid: '00000000-0000-4000-8000-000000000000',
  byte: '',
  binary: '',
  password: '',
};

/** The schema's type, or the one its keywords imply; a 3.1 list of types gives its first non-null one. */
export function schemaType(schema: Node): string | undefined {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (typeof type === 'string') return type;
  if (isNode(schema.properties)) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

/** The properties a skeleton fills: the required ones, or all of them when none is required. */
export function skeletonProperties(schema: Node): [string, Node][] {
  const properties = Object.entries(node(schema.properties)).filter(
    (entry): entry is [string, Node] => isNode(entry[1]) && entry[1].readOnly !== true,
  );
  const required = Array.isArray(schema.required) ? schema.required.filter((r) => typeof r === 'string') : [];
  return required.length === 0 ? properties : properties.filter(([name]) => required.includes(name));
}

/**
 * A request body (or parameter value) made from a schema: its example, default, first enum value
 * or const, else a value of its type and format; objects get their required properties. Read-only
 * properties are left out (a server sets them). Recursion stops at a schema that contains itself
 * and at SKELETON_DEPTH.
 */
export function skeletonOf(schema: unknown): Skeleton {
  const stoppedAt: string[] = [];
  const build = (current: Node, path: string, ancestors: Node[]): unknown => {
    if (ancestors.includes(current) || ancestors.length >= SKELETON_DEPTH) {
      stoppedAt.push(path);
      return undefined;
    }
    const example = firstExample(current);
    if (example.found) return example.value;
    if (current.default !== undefined) return current.default;
    if (current.const !== undefined) return current.const;
    if (Array.isArray(current.enum) && current.enum.length > 0) return current.enum[0];
    const inner = [...ancestors, current];
    if (Array.isArray(current.allOf))
      return mergeAll(current.allOf.map((part) => build(node(part), path, inner)));
    const alternatives = [current.oneOf, current.anyOf].find(Array.isArray);
    if (alternatives && alternatives.length > 0) return build(node(alternatives[0]), path, inner);
    switch (schemaType(current)) {
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const [name, property] of skeletonProperties(current)) {
          const value = build(property, path === '' ? name : `${path}.${name}`, inner);
          if (value !== undefined) out[name] = value;
        }
        return out;
      }
      case 'array': {
        const item = build(node(current.items), `${path}[0]`, inner);
        return item === undefined ? [] : [item];
      }
      case 'integer':
      case 'number':
        return typeof current.minimum === 'number' ? current.minimum : 0;
      case 'boolean':
        return false;
      case 'null':
        return null;
      case 'string':
        return FORMAT_SAMPLES[String(current.format)] ?? 'string';
      default:
        return {};
    }
  };
  const value = isNode(schema) ? build(schema, '', []) : undefined;
  return { value, stoppedAt };
}

/** `allOf` parts: objects merged, else the first part that gave a value. */
function mergeAll(parts: unknown[]): unknown {
  const objects = parts.filter(isNode);
  if (objects.length > 0 && objects.length === parts.filter((p) => p !== undefined).length)
    return Object.assign({}, ...objects) as unknown;
  return parts.find((part) => part !== undefined);
}

/** A value as the text of a form field, query parameter or header. */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
