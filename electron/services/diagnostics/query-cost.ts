import type { GraphQLSchema } from 'graphql';
import { endpointOf } from '../../../shared/diagnose/facts';
import { graphqlRequestOf } from '../../../shared/diagnose/graphql-request';
import { estimateCost } from '../../../shared/graphql/estimate';
import type { RequestDraft } from '../../../shared/model/request';

/**
 * What a request costs in Totara's budget (complexity points), by the same estimate the editor
 * shows, so the budget gauge drains as the server counts. Undefined for anything else, or when
 * the query is unknown (a persisted operation without its registry) or not valid GraphQL.
 */
export function totaraQueryCost(
  draft: RequestDraft,
  url: string,
  known: { schema?: GraphQLSchema; operations?: Readonly<Record<string, string>> } = {},
): number | undefined {
  if (endpointOf(url) !== 'totara-graphql') return undefined;
  const request = graphqlRequestOf(draft, known.operations);
  if (!request?.query) return undefined;
  const variables =
    typeof request.variables === 'string' ||
    (typeof request.variables === 'object' && request.variables !== null)
      ? (request.variables as Record<string, unknown> | string)
      : undefined;
  const estimate = estimateCost(request.query, {
    ...(typeof request.operationName === 'string' && request.operationName
      ? { operationName: request.operationName }
      : {}),
    ...(variables !== undefined ? { variables } : {}),
    ...(known.schema ? { schema: known.schema } : {}),
  });
  return 'problem' in estimate ? undefined : estimate.complexity;
}
