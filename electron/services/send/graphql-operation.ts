import type { RequestBody } from '../../../shared/model/request';
import { LanternError } from '../../../shared/model/result';

type GraphqlBody = Extract<RequestBody, { mode: 'graphql' }>;

/**
 * The operation a GraphQL body names must be one in its query, or the server refuses it ("Unknown
 * operation named …"); a query with several operations must name one. Checked before sending, so
 * the user learns it from Lantern, in words, with what the query does hold. A query that does not
 * parse is left to the server (the editor already marks it).
 */
export async function checkOperationName(body: GraphqlBody): Promise<void> {
  if (body.persisted || body.query.trim() === '') return;
  // graphql-js loads on the first GraphQL send, not at every start of the app.
  const { isSyntaxProblem, listOperations } = await import('../../../shared/graphql/operations');
  const listed = listOperations(body.query);
  if (isSyntaxProblem(listed) || listed.length === 0) return;
  const names = listed.map((operation) => operation.name).filter((name): name is string => !!name);
  const held = names.map((name) => `"${name}"`).join(', ') || 'only anonymous ones';
  if (body.operationName) {
    if (names.includes(body.operationName)) return;
    throw new LanternError(
      'graphql.operation-not-in-query',
      `The query has no operation named "${body.operationName}" (it has ${held}), so the server would refuse it with "Unknown operation". Pick the operation to send in the GraphQL body's Operation list, then send again.`,
    );
  }
  if (listed.length > 1)
    throw new LanternError(
      'graphql.operation-not-picked',
      `The query has ${listed.length} operations (${held}) and none is picked, so the server cannot tell which to run. Pick one in the Operation list, or put the cursor in it and press Ctrl/Cmd+Enter.`,
    );
}
