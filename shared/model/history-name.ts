import type { RequestBody } from './request';

const NAMED_OPERATION = /\b(query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;

/**
 * The GraphQL operation a body sends, by name: the picked `operationName`, else the first named
 * operation in the query. Also read from a JSON body shaped like a GraphQL request
 * (`{"query": …, "operationName": …}`), as many saved requests are. Undefined for anything else.
 */
export function graphqlOperationName(body: RequestBody): string | undefined {
  if (body.mode === 'graphql') return body.operationName?.trim() || firstNamedOperation(body.query);
  if (body.mode !== 'json') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { query, operationName } = parsed as { query?: unknown; operationName?: unknown };
  if (typeof operationName === 'string' && operationName.trim()) return operationName.trim();
  return typeof query === 'string' ? firstNamedOperation(query) : undefined;
}

function firstNamedOperation(query: string): string | undefined {
  return NAMED_OPERATION.exec(query)?.[2];
}

/**
 * What tells a history row apart from its neighbours when they share a URL (every GraphQL request
 * does): the saved request's name, else the GraphQL operation's name.
 */
export function historyName(requestName: string | undefined, body: RequestBody): string | undefined {
  const name = requestName?.trim();
  return name ? name.slice(0, 200) : graphqlOperationName(body);
}
