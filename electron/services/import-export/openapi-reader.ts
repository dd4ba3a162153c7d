import SwaggerParser from '@apidevtools/swagger-parser';
import { parse as parseYaml } from 'yaml';
import { importAny, detectFormat, type ImportOptions } from '../../../shared/importers/detect';
import type { ImportResult } from '../../../shared/importers/import-context';
import { importOpenApi } from '../../../shared/importers/openapi';
import { isNode, type Node } from '../../../shared/importers/openapi-source';

const fail = (error: string): ImportResult => ({ ok: false, error });
const FIX_IT = 'Correct the description and import it again.';

/** Every importer, with OpenAPI and Swagger read here: swagger-parser validates and resolves them. */
export async function importAnyFormat(text: string, options: ImportOptions = {}): Promise<ImportResult> {
  return detectFormat(text) === 'openapi' ? importOpenApiText(text) : importAny(text, options);
}

/**
 * Reads an OpenAPI 3.0/3.1 or Swagger 2.0 description (JSON or YAML), validates it and replaces
 * its internal `$ref`s (circular ones too). References to other files or web addresses are not
 * followed: the user chose this text, not what it points to. They stay in place and are reported.
 */
export async function importOpenApiText(text: string): Promise<ImportResult> {
  const parsed = parseText(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) return parsed;
  withoutServerVariableDescriptions(parsed.value);
  let doc: unknown;
  try {
    doc = await new SwaggerParser().validate(parsed.value as never, {
      resolve: { external: false, file: false, http: false },
      dereference: { circular: true },
    });
  } catch (error) {
    return fail(plainValidationError(error));
  }
  if (!isNode(doc)) return fail(`This OpenAPI description is not an object. ${FIX_IT}`);
  return importOpenApi(doc, { externalRefs: externalRefs(doc) });
}

/**
 * The OpenAPI 3.1 schema swagger-parser 12.1 validates with spells a server variable's
 * `description` as "descriptions", so a valid description would be refused. Lantern does not use
 * those descriptions: they are removed before validation.
 */
function withoutServerVariableDescriptions(doc: Node): void {
  if (!String(doc.openapi).startsWith('3.1')) return;
  const pathItems = Object.values(isNode(doc.paths) ? doc.paths : {}).filter(isNode);
  const holders = [doc, ...pathItems, ...pathItems.flatMap((item) => Object.values(item).filter(isNode))];
  for (const holder of holders) {
    for (const server of Array.isArray(holder.servers) ? holder.servers.filter(isNode) : []) {
      for (const variable of Object.values(isNode(server.variables) ? server.variables : {}))
        if (isNode(variable)) delete variable.description;
    }
  }
}

function parseText(text: string): { ok: true; value: Node } | { ok: false; error: string } {
  const trimmed = text.trim();
  try {
    const value: unknown = trimmed.startsWith('{')
      ? JSON.parse(trimmed)
      : parseYaml(trimmed, { prettyErrors: true });
    if (!isNode(value))
      return {
        ok: false,
        error: `This OpenAPI description is not an object with "openapi" or "swagger" at its top. ${FIX_IT}`,
      };
    return { ok: true, value };
  } catch (error) {
    const kind = trimmed.startsWith('{') ? 'JSON' : 'YAML';
    const reason = (error as Error).message.split('\n')[0] ?? '';
    return {
      ok: false,
      error: `This OpenAPI description cannot be read as ${kind} (${reason}): it may be cut short. ${FIX_IT}`,
    };
  }
}

/** `#/paths/~1users~1{id}/get` → `paths › /users/{id} › get`. */
function plainPointer(pointer: string): string {
  const parts = pointer
    .replace(/^#?\/?/, '')
    .split('/')
    .filter((part) => part !== '')
    .map((part) => decodeURIComponent(part.replace(/~1/g, '/').replace(/~0/g, '~')));
  return parts.length === 0 ? 'the top level' : parts.join(' › ');
}

interface AjvDetail {
  instancePath: string;
  message?: string;
  keyword: string;
  params?: Record<string, unknown>;
}

/** swagger-parser's message made plain: where in the description, and what is wrong there. */
function plainValidationError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const details = (error as { details?: AjvDetail[] }).details;
  if (Array.isArray(details) && details.length > 0) {
    // ajv lists every branch of a oneOf (a "$ref" instead, …) and the if/else it took: keep what
    // names the real problem.
    const useful = details.filter(
      (d) =>
        !['oneOf', 'if'].includes(d.keyword) &&
        !(d.keyword === 'required' && d.params?.missingProperty === '$ref'),
    );
    const lines = [...new Set((useful.length > 0 ? useful : details).map(describeDetail))];
    const shown = lines.slice(0, 3).join('; ') + (lines.length > 3 ? ` (and ${lines.length - 3} more)` : '');
    return `This OpenAPI description is not valid: ${shown}. ${FIX_IT}`;
  }
  const version = /Unsupported OpenAPI version: ([^.\s]+(?:\.[^.\s]+)*)\./.exec(message);
  if (version)
    return `This is OpenAPI ${version[1]}, which Lantern does not read: it reads OpenAPI 3.0 and 3.1 and Swagger 2.0. Export the description in one of those versions.`;
  const missing = /Missing \$ref pointer "([^"]+)"/.exec(message);
  if (missing)
    return `This OpenAPI description refers to ${missing[1]}, which it does not contain. ${FIX_IT}`;
  const spec = /^Validation failed\.\s*(.*)$/s.exec(message);
  if (spec) return `This OpenAPI description is not valid: ${(spec[1] ?? '').trim()}. ${FIX_IT}`;
  return `This OpenAPI description cannot be imported: ${message.trim().replace(/\.$/, '')}. ${FIX_IT}`;
}

function describeDetail(detail: AjvDetail): string {
  const where = `at ${plainPointer(detail.instancePath)}`;
  const extra = detail.params?.additionalProperty ?? detail.params?.unevaluatedProperty;
  if (extra !== undefined) return `${where}: "${String(extra)}" is not allowed there`;
  if (detail.keyword === 'required')
    return `${where}: "${String(detail.params?.missingProperty)}" is missing`;
  return `${where}: it ${detail.message ?? 'does not match the specification'}`;
}

/** The `$ref`s swagger-parser left in place (external ones); the dereferenced document may contain itself. */
function externalRefs(doc: Node): string[] {
  const found = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) return value.forEach(walk);
    const record = value as Node;
    if (typeof record.$ref === 'string') found.add(record.$ref);
    Object.values(record).forEach(walk);
  };
  walk(doc);
  return [...found];
}
