import type { RequestDraft } from '../model/request';

/**
 * The GraphQL request a draft carries, whatever body mode holds it: JSON (or raw) text with
 * `query`/`operationName`, or Lantern's GraphQL body mode, persisted or not. Every rule that reads
 * the request reads this, never the body text, so no body mode leaves the diagnosis blind.
 */
export type GraphqlRequest = {
  /**
   * The query text. A persisted operation sends none: it is the registry's text when Lantern knows
   * it, else undefined, and rules that need the query then say nothing.
   */
  query?: string;
  /** Where `query` came from: the body, or the operation registry (persisted operations). */
  queryFrom?: 'body' | 'registry';
  /** Parsed when the body mode holds them as JSON text; as sent otherwise (an object or a JSON string). */
  variables?: unknown;
  operationName?: unknown;
  /** Only operationName and variables are sent (Totara's AJAX API runs stored operations by name). */
  persisted: boolean;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The variables editor's text: parsed when it is JSON ({{variables}} in it may keep it from being). */
function variablesOf(text: string): unknown {
  if (text.trim() === '') return {};
  const parsed = parse(text);
  return parsed === undefined ? text : parsed;
}

/**
 * The body text as Lantern sends it: a JSON or raw body's own text, or the JSON the GraphQL body
 * mode is sent as (electron/services/engine/request-body.ts builds the same keys).
 */
export function sentBodyText(draft: RequestDraft | undefined): string | undefined {
  const body: unknown = draft?.body;
  if (!isRecord(body)) return undefined;
  if ((body.mode === 'json' || body.mode === 'raw') && typeof body.text === 'string') return body.text;
  if (body.mode !== 'graphql' || typeof body.variables !== 'string') return undefined;
  const variables = variablesOf(body.variables);
  const operationName =
    typeof body.operationName === 'string' && body.operationName ? body.operationName : undefined;
  if (body.persisted === true) return JSON.stringify({ operationName, variables });
  return JSON.stringify(
    operationName ? { query: body.query, variables, operationName } : { query: body.query, variables },
  );
}

/** The GraphQL request of a draft (the first of a batch); undefined when the body is not one. */
export function graphqlRequestOf(
  draft: RequestDraft | undefined,
  registry: Readonly<Record<string, string>> | undefined,
): GraphqlRequest | undefined {
  const body: unknown = draft?.body;
  if (!isRecord(body)) return undefined;
  if (body.mode === 'graphql') {
    const operationName =
      typeof body.operationName === 'string' && body.operationName ? body.operationName : undefined;
    const variables = typeof body.variables === 'string' ? variablesOf(body.variables) : undefined;
    if (body.persisted === true) return persisted(operationName, variables, registry);
    return {
      query: typeof body.query === 'string' ? body.query : undefined,
      queryFrom: 'body',
      variables,
      operationName,
      persisted: false,
    };
  }
  const text = sentBodyText(draft);
  const parsed = text === undefined ? undefined : parse(text);
  const first = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!isRecord(first) || !('query' in first || 'operationName' in first)) return undefined;
  // The AJAX API's shape: no query, the operation is stored on the server.
  if (!('query' in first)) return persisted(first.operationName, first.variables, registry);
  const query = typeof first.query === 'string' ? first.query : undefined;
  return {
    query,
    ...(query !== undefined ? { queryFrom: 'body' as const } : {}),
    variables: first.variables,
    operationName: first.operationName,
    persisted: false,
  };
}

function persisted(
  operationName: unknown,
  variables: unknown,
  registry: Readonly<Record<string, string>> | undefined,
): GraphqlRequest {
  const known =
    typeof operationName === 'string' && registry && Object.hasOwn(registry, operationName)
      ? registry[operationName]
      : undefined;
  return {
    ...(typeof known === 'string' ? { query: known, queryFrom: 'registry' as const } : {}),
    variables,
    operationName,
    persisted: true,
  };
}
