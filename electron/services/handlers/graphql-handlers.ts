import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Handlers } from '../../../shared/contract';
import type { GraphqlCalls } from '../../../shared/calls/graphql-calls';
import { LanternError } from '../../../shared/model/result';
import { resolveTemplate } from '../../../shared/template/index';
import { bodyHandlers } from './body-handlers';
import { diagnosticsStateFor } from '../diagnostics/diagnostics-state';
import { fetchOperationRegistry } from '../graphql/operation-registry';
import type { GraphqlService, SendDraft } from '../graphql/graphql-service';
import type { ServiceContext } from '../service-context';

// A large schema can take a while to produce on a busy server; the user's own timeout still applies.
const SEND_OPTIONS = { timeoutMs: 120_000, connectTimeoutMs: 10_000 };

/** The handlers of shared/calls/graphql-calls.ts. */
export function graphqlHandlers(context: ServiceContext): Pick<Handlers, keyof GraphqlCalls> {
  // The tab's workspace names the cookie jar, as for `send`: a login cookie works for the schema too.
  const send: SendDraft = (draft, { environmentId, workspaceId, savedRequestId } = {}) =>
    context.send({
      requestId: randomUUID(),
      draft,
      environmentId,
      workspaceId,
      savedRequestId,
      options: SEND_OPTIONS,
    });
  const bodies = bodyHandlers(context.engine.bodies, context.files);
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

  // Every schema handed to the renderer is known to the diagnosis of the sends to its endpoint.
  const schemas = () => diagnosticsStateFor(context.auth).schemas;
  const known = <T extends { key: { url: string; environmentId?: string }; fetchedAt: string }>(
    snapshot: T,
  ): T => {
    schemas().remember(snapshot.key, snapshot);
    return snapshot;
  };
  return {
    introspectSchema: async ({ endpoint, environmentId, workspaceId, savedRequestId, maxDepth }) => {
      const graphql = await service();
      const snapshot = await graphql.introspect({
        endpoint,
        ...(environmentId ? { environmentId } : {}),
        ...(workspaceId ? { workspaceId } : {}),
        ...(savedRequestId ? { savedRequestId } : {}),
        ...(maxDepth !== undefined ? { maxDepth } : {}),
      });
      return known(snapshot);
    },
    cachedSchema: async (key) => {
      const schema = await (await service()).cached(key);
      return { schema: schema && known(schema) };
    },
    serverLimits: async ({ url, environmentId }) => {
      // The renderer knows the URL as typed; the limits belong to the site it resolves to.
      const resolved = resolveTemplate(url, context.environments.scopeFor(environmentId));
      if (!resolved.ok) return {};
      return diagnosticsStateFor(context.auth).serverLimits.of(resolved.text.trim());
    },
    forgetSchema: async (key) => {
      schemas().forget(key);
      return { forgotten: await (await service()).forget(key) };
    },
    loadSchemaFile: async ({ ref, key }) => {
      // Only a file the user chose: a grant, never a path the renderer typed.
      const filePath = await context.files.readable(ref, { what: 'the schema file' });
      const snapshot = await (await service()).loadSchemaFile(filePath, key);
      return key ? known(snapshot) : snapshot;
    },
    fetchOperationRegistry: async ({ endpoint, environmentId, workspaceId, savedRequestId }) => {
      const { origin, ...parsed } = await fetchOperationRegistry(send, bodies, endpoint, {
        ...(environmentId ? { environmentId } : {}),
        ...(workspaceId ? { workspaceId } : {}),
        ...(savedRequestId ? { savedRequestId } : {}),
      });
      // The diagnosis of a persisted send to this site can then read the operation's query.
      const queries = Object.fromEntries(Object.values(parsed.registry).map((op) => [op.name, op.query]));
      diagnosticsStateFor(context.auth).operations.remember(origin, queries);
      return parsed;
    },
  };
}
