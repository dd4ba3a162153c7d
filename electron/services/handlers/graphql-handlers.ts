import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Handlers } from '../../../shared/contract';
import type { GraphqlCalls } from '../../../shared/calls/graphql-calls';
import { parseRegistry } from '../../../shared/graphql/persisted';
import type { RequestDraft } from '../../../shared/model/request';
import { LanternError } from '../../../shared/model/result';
import { createBodyHandlers } from '../engine/body-calls';
import type { GraphqlEndpoint, GraphqlService, SendDraft, SendScope } from '../graphql/graphql-service';
import { responseText } from '../graphql/response-text';
import type { ServiceContext } from './service-context';

// A large schema can take a while to produce on a busy server; the user's own timeout still applies.
const SEND_OPTIONS = { timeoutMs: 120_000, connectTimeoutMs: 10_000 };

/** The handlers of shared/calls/graphql-calls.ts. */
export function graphqlHandlers(context: ServiceContext): Pick<Handlers, keyof GraphqlCalls> {
  // The tab's workspace names the cookie jar, as for `send`: a login cookie works for the schema too.
  const send: SendDraft = (draft, { environmentId, workspaceId } = {}) =>
    context.send({ requestId: randomUUID(), draft, environmentId, workspaceId, options: SEND_OPTIONS });
  const bodies = createBodyHandlers(context.engine.bodies);
  let loading: Promise<GraphqlService> | undefined;
  // graphql-js and graphql-inspector load on the first GraphQL call, not at every start of the app.
  const service = () =>
    (loading ??= import('../graphql/graphql-service')
      .then(({ createGraphqlService }) =>
        createGraphqlService({ send, cacheDir: path.join(context.dataDir, 'graphql-schemas'), bodies }),
      )
      .catch((error: unknown) => {
        loading = undefined;
        throw new LanternError(
          'graphql.unavailable',
          `Lantern could not load its GraphQL tools (${error instanceof Error ? error.message : String(error)}). Reinstall Lantern, or report this.`,
        );
      }));

  /** GET of an operation registry; its text is read here so the renderer gets names and variables. */
  async function fetchOperationRegistry(endpoint: GraphqlEndpoint, scope: SendScope) {
    const draft: RequestDraft = {
      method: 'GET',
      url: endpoint.url,
      headers: endpoint.headers ?? [],
      body: { mode: 'none' },
      auth: endpoint.auth ?? { type: 'none' },
      ...(endpoint.settings ? { settings: endpoint.settings } : {}),
    };
    const exchange = await send(draft, scope);
    const { status, statusText } = exchange.response;
    const text = await responseText(exchange, bodies);
    if (status < 200 || status >= 300) {
      throw new LanternError(
        'graphql.registry-failed',
        `The operation list could not be fetched: the server answered HTTP ${status} ${statusText}. Check the URL, or paste the operations instead.`,
      );
    }
    if (text.trimStart().startsWith('<')) {
      throw new LanternError(
        'graphql.registry-failed',
        'The server answered with an HTML page, not an operation list. Check the URL (e.g. …/__sandbox/operations), or paste the operations instead.',
      );
    }
    return parseRegistry(text);
  }

  return {
    introspectSchema: async ({ endpoint, environmentId, workspaceId, maxDepth }) =>
      (await service()).introspect({
        endpoint,
        ...(environmentId ? { environmentId } : {}),
        ...(workspaceId ? { workspaceId } : {}),
        ...(maxDepth !== undefined ? { maxDepth } : {}),
      }),
    cachedSchema: async (key) => ({ schema: await (await service()).cached(key) }),
    forgetSchema: async (key) => ({ forgotten: await (await service()).forget(key) }),
    loadSchemaFile: async ({ path: filePath, key }) => (await service()).loadSchemaFile(filePath, key),
    fetchOperationRegistry: ({ endpoint, environmentId, workspaceId }) =>
      fetchOperationRegistry(endpoint, {
        ...(environmentId ? { environmentId } : {}),
        ...(workspaceId ? { workspaceId } : {}),
      }),
  };
}
