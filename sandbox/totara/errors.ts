import { GraphQLError } from 'graphql';
import type { ErrorLevel } from '../config';

export interface ErrorPresentation {
  level: ErrorLevel;
  location: 'error' | 'extensions';
}

/** A failure Totara does not consider client-safe: shown as "Internal server error", reason in debugMessage. */
export function internalError(debugMessage: string): GraphQLError {
  return new GraphQLError(debugMessage, { originalError: new Error(debugMessage) });
}

export function clientSafeError(message: string, category = 'graphql'): GraphQLError {
  return new GraphQLError(message, { extensions: { category } });
}

// graphql-js wraps plain exceptions (resolver bugs, non-null violations) with originalError set;
// those are not client-safe in graphql-php either. GraphQL's own errors have no plain original.
function isClientSafe(error: GraphQLError): boolean {
  return !error.originalError || error.originalError instanceof GraphQLError;
}

function trace(error: GraphQLError): { file: string; line: number; call: string }[] {
  const stack = (error.originalError ?? error).stack ?? '';
  return stack
    .split('\n')
    .slice(1, 8)
    .map((frame, index) => ({
      file: '/var/www/totara/server/lib/webapi/classes/server.php',
      line: 100 + index,
      call: frame.trim().replace(/^at /, ''),
    }));
}

export function formatError(error: GraphQLError, presentation: ErrorPresentation): Record<string, unknown> {
  const safe = isClientSafe(error);
  const showDebug = !safe && presentation.level !== 'none';
  const formatted: Record<string, unknown> = {};
  if (showDebug && presentation.location === 'error') formatted.debugMessage = error.message;
  // graphql-php prints syntax errors without graphql-js's trailing full stop.
  const message = error.message.startsWith('Syntax Error:')
    ? error.message.replace(/\.$/, '')
    : error.message;
  formatted.message = safe ? message : 'Internal server error';
  const category = safe ? ((error.extensions.category as string | undefined) ?? 'graphql') : 'internal';
  formatted.extensions =
    showDebug && presentation.location === 'extensions'
      ? { category, debugMessage: error.message }
      : { category };
  if (error.locations) formatted.locations = error.locations;
  if (error.path) formatted.path = error.path;
  if (presentation.level === 'developer') formatted.trace = trace(error);
  return formatted;
}

/** PHP's json_encode writes an empty associative array as `[]`: hence Totara's `{"data":[]}`. */
export function phpJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(phpJson);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return [];
    return Object.fromEntries(entries.map(([key, item]) => [key, phpJson(item)]));
  }
  return value;
}

/** The response body: data (if any), formatted errors and the top-level "error" string Totara adds. */
export function responseBody(
  result: { data?: unknown; errors?: readonly GraphQLError[] },
  presentation: ErrorPresentation,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (result.data !== undefined) body.data = phpJson(result.data);
  if (result.errors && result.errors.length > 0) {
    const errors = result.errors.map((error) => formatError(error, presentation));
    body.errors = errors;
    body.error = errors.map((error) => error.message).join('\n');
  }
  return body;
}
