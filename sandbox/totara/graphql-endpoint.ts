import { GraphQLError } from 'graphql';
import type { RequestContext } from '../context';
import { isPlainObject, parseJson, send } from '../http-util';
import { authenticate } from './auth';
import type { ErrorPresentation } from './errors';
import { internalError, responseBody } from './errors';
import { runGraphql } from './execute';
import type { GraphqlCall } from './execute';

/** Headers Totara's webapi sends with every answer of /api/graphql.php. */
export const totaraHeaders = {
  'Content-Type': 'application/json; charset=utf-8',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store, no-cache, must-revalidate',
  Pragma: 'no-cache',
  Expires: 'Mon, 20 Aug 1969 09:23:00 GMT',
};

export const requestMessages = {
  empty: 'Invalid request, request cannot be empty',
  noQuery: 'Query parameter is missing',
  persisted: 'Invalid request, we do not support standard persistent queries',
  operationName: 'Invalid request, validation of operationName failed',
} as const;

const operationNamePattern = /^[a-z][a-z0-9_]+$/;

export function transportError(message: string): Record<string, unknown> {
  return { errors: [{ message }], error: message };
}

export function replyTotara(ctx: RequestContext, status: number, body: unknown): void {
  send(ctx.res, status, JSON.stringify(body), totaraHeaders);
}

/** Parses the raw body whatever its Content-Type; undefined means "request cannot be empty". */
export function parseOperations(body: Buffer): { batch: boolean; items: unknown[] } | undefined {
  const parsed = parseJson(body.toString('utf8'));
  if (!parsed.ok) return undefined;
  if (Array.isArray(parsed.value))
    return parsed.value.length > 0 ? { batch: true, items: parsed.value } : undefined;
  return isPlainObject(parsed.value) ? { batch: false, items: [parsed.value] } : undefined;
}

/** Totara's request checks for one operation of the external API; a GraphQLError when it is refused. */
function prepareCall(raw: unknown): GraphqlCall | GraphQLError {
  if (!isPlainObject(raw)) return internalError(requestMessages.empty);
  if (['queryId', 'id', 'documentid'].some((key) => key in raw))
    return internalError(requestMessages.persisted);
  if (typeof raw.query !== 'string' || raw.query === '') return internalError(requestMessages.noQuery);
  const operationName = raw.operationName;
  if (operationName !== undefined && operationName !== null) {
    const valid =
      typeof operationName === 'string' &&
      (operationName === 'IntrospectionQuery' || operationNamePattern.test(operationName));
    if (!valid) return internalError(requestMessages.operationName);
  }
  const variables = parseVariables(raw.variables);
  if (variables instanceof Error) return internalError(variables.message);
  return { query: raw.query, variables, operationName: operationName };
}

/** `variables` may be an object or a JSON string of one (graphql-php's OperationParams rule). */
export function parseVariables(value: unknown): Record<string, unknown> | null | Error {
  if (value === undefined || value === null || value === '') return null;
  const decoded = typeof value === 'string' ? parseJson(value) : { ok: true as const, value };
  if (
    decoded.ok &&
    (isPlainObject(decoded.value) || (Array.isArray(decoded.value) && decoded.value.length === 0))
  ) {
    return isPlainObject(decoded.value) ? decoded.value : {};
  }
  return new Error(
    `GraphQL Request parameter "variables" must be object or JSON string parsed to object, but got ${JSON.stringify(value)}`,
  );
}

/** POST /api/graphql.php — Totara's external GraphQL API. */
export async function handleGraphqlRequest(ctx: RequestContext): Promise<void> {
  const { state } = ctx;
  const config = state.config;
  const presentation: ErrorPresentation = { level: config.errorLevel, location: config.debugMessageLocation };
  if (!config.apiEnabled) return replyTotara(ctx, 400, transportError('Feature api is not available.'));
  if (ctx.method !== 'POST') {
    return replyTotara(ctx, 400, transportError('Invalid webapi request, only POST method is allowed'));
  }
  const auth = authenticate(ctx.req, state);
  if (!auth.ok)
    return replyTotara(ctx, 200, responseBody({ errors: [internalError(auth.debugMessage)] }, presentation));
  const operations = parseOperations(ctx.body);
  if (!operations) {
    return replyTotara(
      ctx,
      200,
      responseBody({ errors: [internalError(requestMessages.empty)] }, presentation),
    );
  }
  const now = Date.now();
  const window = config.rateWindowMs;
  const overBudget =
    state.clientBudget.used(now, window) >= config.clientRateLimit ||
    state.siteBudget.used(now, window) >= config.siteRateLimit;
  // Totara's 429 carries no Retry-After and no rate-limit headers: clients must infer the budget.
  if (overBudget) return replyTotara(ctx, 429, transportError('Too many requests'));
  const bodies: Record<string, unknown>[] = [];
  for (const raw of operations.items) {
    const call = prepareCall(raw);
    if (call instanceof GraphQLError) {
      bodies.push(responseBody({ errors: [call] }, presentation));
      continue;
    }
    const outcome = await runGraphql(state.externalSchema, call, {
      config,
      users: state.users,
      baseUrl: state.baseUrl,
      enforceLimits: true,
      skipValidation: config.skipValidation,
    });
    state.clientBudget.spend(outcome.complexity, Date.now(), window);
    state.siteBudget.spend(outcome.complexity, Date.now(), window);
    bodies.push(responseBody(outcome.result, presentation));
  }
  replyTotara(ctx, 200, operations.batch ? bodies : bodies[0]);
}
