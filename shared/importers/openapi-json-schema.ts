import { isNode, type Node, type SpecVersion } from './openapi-source';

/**
 * An OpenAPI schema as the JSON Schema (draft-07) the "matches JSON Schema" test checks with ajv.
 * OpenAPI 3.0 and Swagger 2.0 schemas are a dialect: `nullable` (and `x-nullable`) become a type
 * that allows null, boolean `exclusiveMinimum`/`exclusiveMaximum` become numbers, Swagger's
 * `type: file` is dropped. A schema that contains itself (swagger-parser dereferences a circular
 * `$ref` into an object that contains itself) becomes a `definitions` entry and a `$ref` to it,
 * so the check stays exact. Write-only properties are not required in a response.
 */
export type ResponseSchema =
  | { ok: true; text: string }
  | { ok: false; reason: 'external-ref'; ref: string }
  | { ok: false; reason: 'too-large' };

/** The most an expected value holds (assertionSchema's limit). */
const MAX_SCHEMA_TEXT = 1_048_576;

/** Keywords of OpenAPI, not of JSON Schema, or that name things ajv would try to resolve. */
const DROPPED = new Set([
  'nullable',
  'x-nullable',
  'discriminator',
  'xml',
  'externalDocs',
  'example',
  'deprecated',
  '$schema',
  '$id',
  '$anchor',
  '$dynamicAnchor',
  '$defs',
  'definitions',
  '$comment',
]);
/** Formats ajv-formats checks; any other format (OpenAPI allows free text) is left out. */
const KNOWN_FORMATS = new Set([
  'date',
  'time',
  'date-time',
  'duration',
  'uri',
  'uri-reference',
  'uri-template',
  'url',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'regex',
  'uuid',
  'json-pointer',
  'relative-json-pointer',
  'byte',
  'int32',
  'int64',
  'float',
  'double',
  'password',
  'binary',
]);
const SCHEMA_MAPS = ['properties', 'patternProperties', 'dependentSchemas'];
const SCHEMA_VALUES = ['additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];

export function responseJsonSchema(schema: Node, version: SpecVersion): ResponseSchema {
  const converted = new Map<Node, Node>();
  const names = new Map<Node, string>();
  let external: string | undefined;

  const convert = (source: Node, ancestors: Node[]): Node => {
    if (ancestors.includes(source)) {
      let name = names.get(source);
      if (name === undefined) names.set(source, (name = `schema${names.size + 1}`));
      return { $ref: `#/definitions/${name}` };
    }
    if (typeof source.$ref === 'string') {
      external ??= source.$ref;
      return {};
    }
    const out: Node = {};
    converted.set(source, out);
    const inner = [...ancestors, source];
    const sub = (value: unknown): unknown =>
      isNode(value) ? convert(value, inner) : typeof value === 'boolean' ? value : {};
    for (const [key, value] of Object.entries(source)) {
      if (DROPPED.has(key) || key.startsWith('x-')) continue;
      if (SCHEMA_MAPS.includes(key) && isNode(value))
        out[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, sub(child)]));
      else if (SCHEMA_VALUES.includes(key)) out[key] = sub(value);
      else if (SCHEMA_LISTS.includes(key) && Array.isArray(value)) out[key] = value.map(sub);
      else if (key === 'items') out.items = Array.isArray(value) ? value.map(sub) : sub(value);
      else if (key === 'prefixItems' && Array.isArray(value)) out.items = value.map(sub);
      else if (key === 'format' && !KNOWN_FORMATS.has(String(value))) continue;
      else out[key] = value;
    }
    // 2020-12 `prefixItems` + `items` is draft-07 `items` (a list) + `additionalItems`.
    if (Array.isArray(source.prefixItems) && source.items !== undefined)
      out.additionalItems = sub(source.items);
    if (version !== '3.1') dialect(source, out);
    responseRequired(source, out);
    return out;
  };

  const root = convert(schema, []);
  if (external !== undefined) return { ok: false, reason: 'external-ref', ref: external };
  if (names.size > 0) {
    // The root may be one of them: its definition is a copy made before `definitions` is added.
    const copy = { ...root };
    root.definitions = Object.fromEntries(
      [...names].map(([source, name]) => [
        name,
        converted.get(source) === root ? copy : converted.get(source),
      ]),
    );
  }
  const text = JSON.stringify(root, null, 2);
  return text.length > MAX_SCHEMA_TEXT ? { ok: false, reason: 'too-large' } : { ok: true, text };
}

/** OpenAPI 3.0 and Swagger 2.0 spellings that draft-07 reads differently. */
function dialect(source: Node, out: Node): void {
  if (out.type === 'file') delete out.type;
  if (source.nullable === true || source['x-nullable'] === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
  }
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof source[flag] !== 'boolean') continue;
    delete out[flag];
    if (source[flag] === true && typeof source[bound] === 'number') {
      out[flag] = source[bound];
      delete out[bound];
    }
  }
}

/** A write-only property is sent, never answered: a response need not have it. */
function responseRequired(source: Node, out: Node): void {
  if (!Array.isArray(source.required) || !isNode(source.properties)) return;
  const properties = source.properties;
  const required = source.required.filter((name) => {
    const property = properties[String(name)];
    return !(isNode(property) && property.writeOnly === true);
  });
  if (required.length === 0) delete out.required;
  else out.required = required;
}
