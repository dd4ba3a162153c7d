import type { RequestContext } from '../context';
import { isPlainObject, send } from '../http-util';
import { internalError, responseBody } from '../totara/errors';
import { runGraphql } from '../totara/execute';
import { parseOperations, parseVariables, replyTotara, requestMessages } from '../totara/graphql-endpoint';

/**
 * /totara/webapi/dev_graphql_executor.php — direct queries and introspection with no sesskey, but only
 * when GRAPHQL_DEVELOPMENT_MODE is defined (config `devMode`); otherwise an empty 200, as on real sites.
 */
export async function handleDevExecutor(ctx: RequestContext): Promise<void> {
  const { state } = ctx;
  if (!state.config.devMode) return send(ctx.res, 200, '', { 'Content-Type': 'text/html; charset=utf-8' });
  const presentation = { level: 'developer' as const, location: state.config.debugMessageLocation };
  const fromQueryString = ctx.method === 'GET' ? Object.fromEntries(ctx.url.searchParams) : undefined;
  const operations = fromQueryString ? { batch: false, items: [fromQueryString] } : parseOperations(ctx.body);
  if (!operations) {
    return replyTotara(
      ctx,
      200,
      responseBody({ errors: [internalError(requestMessages.empty)] }, presentation),
    );
  }
  const bodies: Record<string, unknown>[] = [];
  for (const raw of operations.items) {
    const variables = isPlainObject(raw) ? parseVariables(raw.variables) : null;
    if (!isPlainObject(raw) || typeof raw.query !== 'string' || variables instanceof Error) {
      const reason = variables instanceof Error ? variables.message : requestMessages.noQuery;
      bodies.push(responseBody({ errors: [internalError(reason)] }, presentation));
      continue;
    }
    const call = {
      query: raw.query,
      variables,
      operationName: (raw.operationName as string | undefined) ?? null,
    };
    const outcome = await runGraphql(state.ajaxSchema, call, {
      config: state.config,
      users: state.users,
      baseUrl: state.baseUrl,
      enforceLimits: false,
      skipValidation: false,
    });
    bodies.push(responseBody(outcome.result, presentation));
  }
  replyTotara(ctx, 200, operations.batch ? bodies : bodies[0]);
}
