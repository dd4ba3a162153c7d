import { parseCurl, type CurlDialect } from '../curl';
import type { Collection } from '../model/collection';
import { importCurl } from './curl';
import { importHar } from './har';
import { ImportContext, type ImportResult } from './import-context';
import { importInsomnia } from './insomnia';
import { fail, isRecord } from './json-input';
import { importPostman } from './postman';
import { readPostmanEnvironment } from './postman-environment';

export type ImportFormat =
  'postman' | 'postman-environment' | 'insomnia' | 'har' | 'openapi' | 'curl' | 'unknown';

/** A YAML description starts its top level with `openapi: 3…` or `swagger: "2.0"`. */
const OPENAPI_YAML = /^(openapi|swagger)\s*:\s*['"]?\d/m;

export interface ImportOptions {
  /** Postman environment exports to import with a Postman collection. */
  environments?: readonly string[];
  /** HAR: import only XHR and fetch requests (default true). */
  onlyXhr?: boolean;
  /** cURL: force the shell dialect instead of guessing it. */
  curlDialect?: CurlDialect;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Which format a file or pasted text is in, judged by its structure (never by file name). */
export function detectFormat(text: string): ImportFormat {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('{')) {
    const value = parseJson(trimmed);
    if (!isRecord(value)) return 'unknown';
    if (isRecord(value.info) && (Array.isArray(value.item) || /getpostman/.test(String(value.info.schema))))
      return 'postman';
    if (
      Array.isArray(value.values) &&
      ('_postman_variable_scope' in value || typeof value.name === 'string')
    ) {
      return 'postman-environment';
    }
    if (value._type === 'export' && Array.isArray(value.resources)) return 'insomnia';
    if (isRecord(value.log) && Array.isArray(value.log.entries)) return 'har';
    if ('openapi' in value || 'swagger' in value) return 'openapi';
    return 'unknown';
  }
  if (OPENAPI_YAML.test(trimmed)) return 'openapi';
  return trimmed !== '' && parseCurl(trimmed).ok ? 'curl' : 'unknown';
}

function environmentOnly(text: string): ImportResult {
  const ctx = new ImportContext();
  const env = readPostmanEnvironment(text, ctx, 'Environment');
  if (!env.ok) return env;
  const name = env.environment.name;
  const collection: Collection = {
    name,
    root: { id: ctx.id(undefined, 'collection'), name, folders: [], requests: [] },
    environments: [env.environment],
    credentials: [],
  };
  return { ok: true, report: ctx.report(collection) };
}

const WHAT_WE_READ =
  'Lantern imports Postman collections (v2.1) and environments, Insomnia v4 exports (JSON), HAR files,' +
  ' OpenAPI 3.0/3.1 and Swagger 2.0 descriptions (JSON or YAML) and curl commands.';

function unknownFormat(text: string): ImportResult {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return fail(`There is nothing to import: the text is empty. ${WHAT_WE_READ}`);
  if (/^type:\s*collection\.insomnia\.rest\/5/m.test(trimmed)) {
    return fail(
      'This is an Insomnia v5 export (YAML), which Lantern does not read yet. In Insomnia, export the' +
        ' collection again and pick "Insomnia v4 (JSON)".',
    );
  }
  if (/^(\$\s*)?curl(\.exe)?\s/i.test(trimmed)) {
    const parsed = parseCurl(trimmed);
    if (!parsed.ok) return parsed;
  }
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    return fail(
      parseJson(trimmed) === undefined
        ? `This looks like JSON but cannot be read as JSON: it may be cut short. ${WHAT_WE_READ}`
        : `This JSON is not a format Lantern recognises. ${WHAT_WE_READ} Export the file again from the tool it came from.`,
    );
  }
  return fail(`Lantern does not recognise this text. ${WHAT_WE_READ}`);
}

/** Detects the format and imports with the matching importer. */
export function importAny(text: string, options: ImportOptions = {}): ImportResult {
  switch (detectFormat(text)) {
    case 'postman':
      return importPostman(text, options.environments);
    case 'postman-environment':
      return environmentOnly(text);
    case 'insomnia':
      return importInsomnia(text);
    case 'har':
      return importHar(text, { onlyXhr: options.onlyXhr ?? true });
    case 'curl':
      return importCurl(text, options.curlDialect);
    case 'openapi':
      // swagger-parser validates and resolves it on the main side (openapi-reader.ts), which calls
      // importOpenApi itself; this pure entry point cannot.
      return fail(
        "This OpenAPI description cannot be read here: import it from Lantern's Import dialog or with `lantern import`.",
      );
    case 'unknown':
      return unknownFormat(text);
  }
}
