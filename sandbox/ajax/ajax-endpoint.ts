import { GraphQLError } from 'graphql';
import type { RequestContext } from '../context';
import { headerValue, isPlainObject } from '../http-util';
import type { ErrorPresentation } from '../totara/errors';
import { clientSafeError, internalError, responseBody } from '../totara/errors';
import { runGraphql } from '../totara/execute';
import type { GraphqlCall } from '../totara/execute';
import {
  parseOperations,
  parseVariables,
  replyTotara,
  requestMessages,
  transportError,
} from '../totara/graphql-endpoint';
import { isNoSession, persistedOperations } from './operations';
import { currentSession } from './session';

export const ajaxMessages = {
  directQuery: 'Direct GraphQL queries are not supported, only persistent queries.',
  missingKeys: 'Invalid request, expecting at least operationName and variables',
  badSesskey: 'Invalid sesskey, page reload required',
  notLoggedIn: 'Course or activity not accessible. (You are not logged in)',
} as const;

/** Session and sesskey check of a non-`_nosession` operation; undefined when it passes. */
function checkSesskey(ctx: RequestContext): GraphQLError | undefined {
  const current = currentSession(ctx);
  const sent = headerValue(ctx.req, 'x-totara-sesskey');
  if (!current || !current.session.loggedIn) {
    if (!current || sent !== current.session.sesskey)
      return clientSafeError(ajaxMessages.badSesskey, 'require_login');
    return clientSafeError(ajaxMessages.notLoggedIn, 'require_login');
  }
  if (sent !== current.session.sesskey) return clientSafeError(ajaxMessages.badSesskey, 'require_refresh');
  return undefined;
}

function prepareAjaxCall(ctx: RequestContext, raw: unknown): GraphqlCall | GraphQLError {
  if (!isPlainObject(raw)) return internalError(requestMessages.empty);
  // Unconfirmed: these two request errors are shown to the client (category "graphql").
  if ('query' in raw) return clientSafeError(ajaxMessages.directQuery);
  if (typeof raw.operationName !== 'string' || raw.variables === undefined) {
    return clientSafeError(ajaxMessages.missingKeys);
  }
  const name = raw.operationName;
  if (!isNoSession(name)) {
    const refused = checkSesskey(ctx);
    if (refused) return refused;
  }
  const query = persistedOperations[name];
  if (query === undefined) return internalError(`Invalid persisted operation name: ${name}`);
  const variables = parseVariables(raw.variables);
  if (variables instanceof Error) return internalError(variables.message);
  return { query, variables, operationName: name };
}

/** POST /totara/webapi/ajax.php — the AJAX API: persisted operations, session cookie plus X-Totara-Sesskey. */
export async function handleAjaxRequest(ctx: RequestContext): Promise<void> {
  const { state } = ctx;
  // Without developer debugging an unknown operation is a bare "Internal server error".
  const presentation: ErrorPresentation = {
    level: state.config.ajaxDebug ? 'normal' : 'none',
    location: state.config.debugMessageLocation,
  };
  if (ctx.method !== 'POST') {
    return replyTotara(ctx, 400, transportError('Invalid webapi request, only POST method is allowed'));
  }
  const operations = parseOperations(ctx.body);
  if (!operations) {
    return replyTotara(
      ctx,
      200,
      responseBody({ errors: [internalError(requestMessages.empty)] }, presentation),
    );
  }
  const bodies: Record<string, unknown>[] = [];
  for (const raw of operations.items) {
    const call = prepareAjaxCall(ctx, raw);
    if (call instanceof GraphQLError) {
      bodies.push(responseBody({ errors: [call] }, presentation));
      continue;
    }
    const outcome = await runGraphql(state.ajaxSchema, call, {
      config: state.config,
      users: state.users,
      baseUrl: state.baseUrl,
      enforceLimits: false,
      skipValidation: state.config.skipValidation,
    });
    bodies.push(responseBody(outcome.result, presentation));
  }
  replyTotara(ctx, 200, operations.batch ? bodies : bodies[0]);
}
