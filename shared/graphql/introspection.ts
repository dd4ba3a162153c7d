import {
  buildASTSchema,
  buildClientSchema,
  getIntrospectionQuery,
  GraphQLError,
  parse,
  printSchema,
  validateSchema,
} from 'graphql';
import type { DocumentNode, GraphQLSchema, IntrospectionQuery } from 'graphql';
// Not re-exported at the top level: lists every SDL problem with its location instead of throwing one string.
// Not in graphql's public index; the .js suffix is what Node's ESM loader needs in the built app.
import { validateSDL } from 'graphql/validation/validate.js';
import { LanternError } from '../model/result';
import { checkIntrospection } from './introspection-check';
import { repairTruncatedTypeRefs } from './introspection-repair';

/** Depth of everything around TypeRef: __schema → types → fields → args → type, by Totara's count. */
const DEPTH_ABOVE_TYPE_REF = 4;
/** graphql-js 16's standard query keeps 9 wrapper levels: depth 13, refused below 13 (API-BEHAVIOUR §1). */
export const STANDARD_WRAPPER_LEVELS = 9;
export const MIN_INTROSPECTION_DEPTH = 6;

export interface IntrospectionPlan {
  query: string;
  /** How many `ofType` levels each type reference keeps: `[[Type!]!]!` needs 5. */
  wrapperLevels: number;
  /** Totara's depth count of `query`. */
  depth: number;
}

/** The standard introspection query (graphql-js 16), with descriptions. */
export function standardIntrospection(): IntrospectionPlan {
  return introspectionQueryForDepth(DEPTH_ABOVE_TYPE_REF + STANDARD_WRAPPER_LEVELS);
}

/** An introspection query no deeper than maxDepth: fewer `ofType` levels in TypeRef. */
export function introspectionQueryForDepth(maxDepth: number): IntrospectionPlan {
  if (!Number.isInteger(maxDepth) || maxDepth < MIN_INTROSPECTION_DEPTH) {
    throw new LanternError(
      'graphql.depth-too-low',
      `The server allows a query depth of only ${maxDepth}; fetching a schema needs at least ` +
        `${MIN_INTROSPECTION_DEPTH}. Ask the site administrator to raise "Max query depth", or load the schema from a file.`,
    );
  }
  const wrapperLevels = Math.min(STANDARD_WRAPPER_LEVELS, maxDepth - DEPTH_ABOVE_TYPE_REF);
  return {
    query: getIntrospectionQuery({ descriptions: true, typeDepth: wrapperLevels }),
    wrapperLevels,
    depth: DEPTH_ABOVE_TYPE_REF + wrapperLevels,
  };
}

/** Reads Totara's "Max query depth should be N but got M." */
export function parseDepthError(message: string): { allowed: number; got: number } | undefined {
  const match = /Max query depth should be (\d+) but got (\d+)/.exec(message);
  if (!match) return undefined;
  return { allowed: Number(match[1]), got: Number(match[2]) };
}

export interface LoadedSchema {
  /** Built on first use when it came from an introspection result (checked, not built, on loading). */
  readonly schema: GraphQLSchema;
  typeCount: number;
  /** Plain-words remarks on what was repaired or may be missing. */
  notes: string[];
  /**
   * The introspection result the schema was built from (repaired), when it came from one: the editor
   * builds its schema from this with `buildClientSchema`, several times faster than parsing the SDL.
   */
  introspection?: IntrospectionQuery;
  /**
   * The text it was read from, when that text is exactly `{ "__schema": … }` and nothing was
   * repaired: kept as it is instead of printing the same JSON again (~40 ms for GitHub's schema).
   */
  introspectionText?: string;
}

const userTypeCount = (schema: GraphQLSchema) =>
  Object.keys(schema.getTypeMap()).filter((name) => !name.startsWith('__')).length;

function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const start = text.trimStart().slice(0, 1);
  const looksHtml = start === '<';
  return looksHtml
    ? 'This is HTML, not an introspection result (JSON). It is probably a login or error page: check the URL and the authentication.'
    : `This is not valid JSON (${message}). An introspection result is the JSON answer to the introspection query.`;
}

/**
 * Builds a schema from an introspection result: `{ "data": { "__schema": … } }`, `{ "__schema": … }`
 * or a body with `errors`. Type references cut short by a shallow query are repaired, with a note.
 */
export function schemaFromIntrospection(json: string | unknown): LoadedSchema {
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new LanternError('graphql.schema-invalid', describeJsonError(error, json));
    }
  }
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const data = (record.data ?? record) as Record<string, unknown> | null;
  const schemaPart = data && typeof data === 'object' ? data.__schema : undefined;
  if (
    typeof schemaPart !== 'object' ||
    schemaPart === null ||
    !Array.isArray((schemaPart as { types?: unknown }).types)
  ) {
    const errors = Array.isArray(record.errors) ? record.errors : [];
    const first = errors[0] as { message?: unknown } | undefined;
    const reason = typeof first?.message === 'string' ? ` The server said: "${first.message}".` : '';
    throw new LanternError(
      'graphql.schema-invalid',
      `This JSON is not an introspection result: it has no "__schema" with a list of "types".${reason} ` +
        'Save the answer to the introspection query, or use an SDL (.graphql) file.',
    );
  }
  let repaired: string[];
  let introspection: IntrospectionQuery;
  let typeCount: number;
  try {
    const fixed = repairTruncatedTypeRefs({ __schema: schemaPart } as IntrospectionQuery);
    repaired = fixed.repaired;
    introspection = fixed.introspection;
    // Checked, not built: whoever needs the schema (the editor's workers, a diagnosis) builds it.
    typeCount = checkIntrospection(introspection);
  } catch (error) {
    throw new LanternError(
      'graphql.schema-invalid',
      `The introspection result is incomplete or inconsistent: ${(error as Error).message}`,
    );
  }
  const notes = repaired.length
    ? [
        `${repaired.length} type reference(s) were nested deeper than the introspection query reached ` +
          `(e.g. ${repaired.slice(0, 3).join(', ')}); they show as "LanternTruncatedType".`,
      ]
    : [];
  const verbatim =
    typeof json === 'string' && repaired.length === 0 && Object.keys(record).length === 1 && record.__schema;
  let built: GraphQLSchema | undefined;
  return {
    get schema() {
      return (built ??= buildClientSchema(introspection, { assumeValid: true }));
    },
    typeCount,
    notes,
    introspection,
    ...(verbatim ? { introspectionText: json } : {}),
  };
}

/** Builds a schema from SDL; syntax errors and duplicate definitions are reported with line and column. */
export function schemaFromSdl(text: string): LoadedSchema {
  if (text.trim() === '') throw new LanternError('graphql.schema-invalid', 'The schema file is empty.');
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch (error) {
    throw new LanternError('graphql.schema-invalid', sdlProblem(error));
  }
  const sdlErrors = validateSDL(document);
  let schema: GraphQLSchema;
  try {
    schema = buildASTSchema(document, { assumeValidSDL: true });
  } catch {
    throw new LanternError('graphql.schema-invalid', `The SDL is not a valid schema: ${listed(sdlErrors)}.`);
  }
  // Real schemas have harmless flaws (GitHub's defines some fields twice): load them, and say so.
  const sdlNotes = sdlErrors.length
    ? [`The SDL has problems; Lantern used the last definition of each duplicate: ${listed(sdlErrors)}.`]
    : [];
  const problems = validateSchema(schema).filter(
    (problem) => !/Query root type must be provided/.test(problem.message),
  );
  const notes = [
    ...sdlNotes,
    ...problems.slice(0, 5).map((problem) => `Schema problem: ${withLocation(problem)}`),
  ];
  return { schema, typeCount: userTypeCount(schema), notes };
}

function listed(errors: readonly GraphQLError[]): string {
  const more = errors.length > 5 ? ` (and ${errors.length - 5} more)` : '';
  return errors.slice(0, 5).map(withLocation).join('; ') + more;
}

// For a duplicate, graphql-js lists the first definition, then the repeat: point at the repeat.
function withLocation(error: GraphQLError): string {
  const location = error.locations?.at(-1);
  return location ? `${error.message} (line ${location.line}, column ${location.column})` : error.message;
}

function sdlProblem(error: unknown): string {
  if (error instanceof GraphQLError) return `The SDL is not valid: ${withLocation(error)}.`;
  const message = error instanceof Error ? error.message : String(error);
  return `The SDL is not valid: ${message}`;
}

/** SDL or introspection JSON, told apart by the first character (HTML is explained as not JSON). */
export function schemaFromText(text: string): LoadedSchema {
  const start = text.trimStart()[0];
  return start === '{' || start === '[' || start === '<'
    ? schemaFromIntrospection(text)
    : schemaFromSdl(text);
}

export const schemaToSdl = (schema: GraphQLSchema) => printSchema(schema);

/** A schema kept as text: the introspection result (JSON) it came from, or SDL. */
export interface SchemaTexts {
  sdl?: string;
  introspection?: string;
}

/** The text to keep for a loaded schema: its introspection result when it came from one, else SDL. */
export function schemaTexts(loaded: LoadedSchema): SchemaTexts {
  return loaded.introspection
    ? { introspection: loaded.introspectionText ?? JSON.stringify(loaded.introspection) }
    : { sdl: schemaToSdl(loaded.schema) };
}

/** The schema as SDL, whichever text was kept. */
export function schemaSdl(texts: SchemaTexts): string {
  if (texts.sdl !== undefined) return texts.sdl;
  return printSchema(buildClientSchema(JSON.parse(texts.introspection ?? 'null') as IntrospectionQuery));
}
