import { parseRegistry } from '../../../shared/graphql/persisted';
import type { RequestDraft } from '../../../shared/model/request';
import { LanternError } from '../../../shared/model/result';

import type { GraphqlEndpoint, SendDraft, SendScope } from './graphql-service';
import { responseText, type BodyReader } from './response-text';

/**
 * GET of an operation registry; its text is read here so the renderer gets names and variables.
 * `origin` is the site that answered (the {{variables}} of the URL filled in).
 */
export async function fetchOperationRegistry(
  send: SendDraft,
  bodies: BodyReader,
  endpoint: GraphqlEndpoint,
  scope: SendScope,
) {
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
  return { ...parseRegistry(text), origin: new URL(exchange.response.url ?? exchange.request.url).origin };
}
