/**
 * The GraphQL service wired to Lantern's real main-side services (createServices + dispatch), as
 * the app wires it: for the GraphQL tests of electron/ and of sandbox/.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dispatch } from '../shared/dispatch';
import type { Exchange } from '../shared/model/response';
import { LanternError } from '../shared/model/result';
import { createServices } from '../electron/services/create-services';
import { createGraphqlService } from '../electron/services/graphql/graphql-service';
import type { SendDraft } from '../electron/services/graphql/graphql-service';

export function createTestWorkbench() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lantern-graphql-'));
  const services = createServices({ mode: 'browser', version: 'test', dataDir, emit: () => undefined });
  const send: SendDraft = async (draft, { environmentId, workspaceId } = {}) => {
    const result = await dispatch(services.handlers, 'send', {
      requestId: randomUUID(),
      draft,
      environmentId,
      workspaceId,
    });
    if (!result.ok) throw new LanternError(result.error.code, result.error.message);
    return result.value as Exchange;
  };
  const cacheDir = path.join(dataDir, 'graphql-schemas');
  const graphql = createGraphqlService({ send, cacheDir, bodies: services.handlers });
  return { services, send, graphql, cacheDir, dataDir };
}

/** A GraphQL request body for the send pipeline. */
export const graphqlBody = (query: string, variables = '{}', operationName?: string, persisted = false) => ({
  mode: 'graphql' as const,
  query,
  variables,
  persisted,
  ...(operationName ? { operationName } : {}),
});
