import { summariseOperation } from '../diagnose/graphql-document';
import type { RequestedField } from '../diagnose/graphql-document';

export interface ResultError {
  message: string;
  category?: string;
  /** Totara's real reason behind "Internal server error": top level (17.x) or in extensions (later). */
  debugMessage?: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
}

export interface ResultAnalysis {
  errors: ResultError[];
  /** Data came back alongside errors: show both. */
  partialData: boolean;
  /** Requested fields that came back null with no error at that path, e.g. `core_user_users.items[].email`. */
  nullFields: string[];
  /** Requested fields absent from the data: Totara 17 drops misspelt fields, `{"data":[]}` drops all. */
  missingFields: string[];
  /** A JSON array answer: one analysis per operation, in order. */
  batch?: ResultAnalysis[];
  /** Set when the body is not a GraphQL response at all (HTML, plain text, other JSON). */
  problem?: string;
}

export const NULL_FIELD_HINT =
  'These fields came back null without an error. On Totara this is usually a permission of the service ' +
  "account (e.g. a user's email is hidden unless their profile shows it), not a bug.";

type Path = (string | number)[];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readError(raw: unknown): ResultError {
  const record = isRecord(raw) ? raw : {};
  const extensions = isRecord(record.extensions) ? record.extensions : {};
  const error: ResultError = {
    message: typeof record.message === 'string' ? record.message : JSON.stringify(raw),
  };
  if (typeof extensions.category === 'string') error.category = extensions.category;
  const debug = record.debugMessage ?? extensions.debugMessage;
  if (typeof debug === 'string') error.debugMessage = debug;
  if (Array.isArray(record.path)) {
    error.path = record.path.filter((item) => typeof item === 'string' || typeof item === 'number');
  }
  if (Array.isArray(record.locations)) {
    error.locations = record.locations
      .filter(isRecord)
      .filter((location) => typeof location.line === 'number' && typeof location.column === 'number')
      .map((location) => ({ line: location.line as number, column: location.column as number }));
  }
  return error;
}

const display = (path: Path) =>
  path.map((part, index) => (typeof part === 'number' ? '[]' : index === 0 ? part : `.${part}`)).join('');

function covered(path: Path, errorPaths: Path[]): boolean {
  return errorPaths.some((errorPath) => {
    const length = Math.min(path.length, errorPath.length);
    for (let index = 0; index < length; index += 1) if (path[index] !== errorPath[index]) return false;
    return true;
  });
}

function walk(
  value: unknown,
  fields: RequestedField[],
  path: Path,
  errorPaths: Path[],
  found: { nulls: Set<string>; missing: Set<string> },
): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, fields, [...path, index], errorPaths, found));
    return;
  }
  if (!isRecord(value)) return;
  for (const field of fields) {
    const here = [...path, field.key];
    if (!(field.key in value)) {
      if (!field.conditional) found.missing.add(display(here));
      continue;
    }
    const inner = value[field.key];
    if (inner === null) {
      if (!covered(here, errorPaths)) found.nulls.add(display(here));
    } else if (field.children) walk(inner, field.children, here, errorPaths, found);
  }
}

function analyzeOne(body: unknown, document?: string, operationName?: string): ResultAnalysis {
  const analysis: ResultAnalysis = { errors: [], partialData: false, nullFields: [], missingFields: [] };
  if (!isRecord(body) || (!('data' in body) && !('errors' in body))) {
    analysis.problem =
      'This JSON is not a GraphQL response: it has neither "data" nor "errors". Check that the URL is the GraphQL endpoint.';
    return analysis;
  }
  analysis.errors = Array.isArray(body.errors) ? body.errors.map(readError) : [];
  // PHP writes an empty object as [], so Totara's "nothing matched" is {"data":[]}.
  const data = Array.isArray(body.data) && body.data.length === 0 ? {} : body.data;
  analysis.partialData = isRecord(data) && Object.keys(data).length > 0 && analysis.errors.length > 0;
  const requested = document ? summariseOperation(document, operationName) : undefined;
  if (requested && isRecord(data)) {
    const errorPaths = analysis.errors.flatMap((error) => (error.path ? [error.path] : []));
    const found = { nulls: new Set<string>(), missing: new Set<string>() };
    walk(data, requested.fields, [], errorPaths, found);
    analysis.nullFields = [...found.nulls];
    analysis.missingFields = [...found.missing];
  }
  return analysis;
}

function notJson(text: string): string {
  const start = text.trimStart();
  if (start === '') return 'The server answered with an empty body, not a GraphQL response.';
  if (start.startsWith('<')) {
    return 'The server answered with HTML, not JSON: usually a login page, an error page or a proxy. Check the URL and the authentication.';
  }
  return `The server did not answer with JSON. It begins: "${start.slice(0, 80)}".`;
}

/**
 * Reads a GraphQL response for the result view. `operationName` may list one name per item of a batch.
 */
export function analyzeResult(
  response: string | unknown,
  document?: string,
  operationName?: string | (string | undefined)[],
): ResultAnalysis {
  let body: unknown = response;
  if (typeof response === 'string') {
    try {
      body = JSON.parse(response);
    } catch {
      return {
        errors: [],
        partialData: false,
        nullFields: [],
        missingFields: [],
        problem: notJson(response),
      };
    }
  }
  if (Array.isArray(body)) {
    const batch = body.map((item, index) =>
      analyzeOne(item, document, Array.isArray(operationName) ? operationName[index] : operationName),
    );
    return {
      errors: batch.flatMap((item) => item.errors),
      partialData: batch.some((item) => item.partialData),
      nullFields: [],
      missingFields: [],
      batch,
    };
  }
  return analyzeOne(body, document, Array.isArray(operationName) ? operationName[0] : operationName);
}
