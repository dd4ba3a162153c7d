/** Captured-exchange builders for the diagnose tests: Totara's and the sandbox's exact bodies and headers. */
import type { AppliedAuth } from '../model/auth';
import type { RequestDraft } from '../model/request';
import type { Exchange, RedirectHop } from '../model/response';
import { diagnose } from './diagnose';
import type { DiagnoseInput, Finding } from './types';

export const SITE = 'https://learn.example.com';
export const GRAPHQL_URL = `${SITE}/api/graphql.php`;
export const TOKEN_URL = `${SITE}/totara/oauth2/token.php`;
export const AJAX_URL = `${SITE}/totara/webapi/ajax.php`;
export const REST_URL = 'https://api.ihasco.co.uk';
export const NOW = Date.parse('2025-03-04T10:00:00Z');

/** The headers Totara sends with every answer of /api/graphql.php. */
export const TOTARA_RESPONSE_HEADERS: [string, string][] = [
  ['content-type', 'application/json; charset=utf-8'],
  ['x-content-type-options', 'nosniff'],
  ['cache-control', 'no-store, no-cache, must-revalidate'],
  ['pragma', 'no-cache'],
  ['expires', 'Mon, 20 Aug 1969 09:23:00 GMT'],
];

export const BEARER_SENT: [string, string] = ['Authorization', 'Bearer ••••Qs8w'];
export const JSON_SENT: [string, string] = ['Content-Type', 'application/json'];

export const OAUTH_APPLIED: AppliedAuth = {
  type: 'oauth2',
  credentialLabel: 'Totara client',
  tokenId: 'tok-1',
  steps: ['Used a cached token for Totara client (expires in 3400 s).'],
};

/** Totara's body for a non-client-safe failure at the Normal error level. */
export const internalError = (debugMessage: string) =>
  JSON.stringify({
    errors: [{ debugMessage, message: 'Internal server error', extensions: { category: 'internal' } }],
    error: 'Internal server error',
  });

export const bareInternalError = JSON.stringify({
  errors: [{ message: 'Internal server error', extensions: { category: 'internal' } }],
  error: 'Internal server error',
});

export const clientSafe = (message: string, category = 'graphql') =>
  JSON.stringify({ errors: [{ message, extensions: { category } }], error: message });

export const transportError = (message: string) => JSON.stringify({ errors: [{ message }], error: message });

export type ExchangeParts = {
  method?: string;
  url?: string;
  requestHeaders?: [string, string][];
  status?: number;
  headers?: [string, string][];
  body?: string;
  truncated?: boolean;
  redirects?: RedirectHop[];
  auth?: AppliedAuth;
  startedAt?: string;
  tls?: Exchange['tls'];
};

export function exchange(parts: ExchangeParts = {}): Exchange {
  const body = parts.body ?? '';
  return {
    requestId: 'r1',
    request: {
      method: parts.method ?? 'POST',
      url: parts.url ?? GRAPHQL_URL,
      headers: parts.requestHeaders ?? [BEARER_SENT, JSON_SENT],
    },
    response: {
      status: parts.status ?? 200,
      statusText: parts.status === 429 ? 'Too Many Requests' : 'OK',
      headers: parts.headers ?? TOTARA_RESPONSE_HEADERS,
      body: {
        text: body,
        encoding: 'utf8',
        truncated: parts.truncated ?? false,
        contentType: 'application/json',
      },
      bodyBytes: body.length,
    },
    timings: { firstByteMs: 40, downloadMs: 1, totalMs: 41 },
    startedAt: parts.startedAt ?? new Date(NOW - 1000).toISOString(),
    redirects: parts.redirects,
    auth: parts.auth,
    tls: parts.tls,
  };
}

export function draft(parts: Partial<RequestDraft> & { json?: unknown; text?: string } = {}): RequestDraft {
  const { json, text, ...rest } = parts;
  const body: RequestDraft['body'] =
    text !== undefined
      ? { mode: 'json', text }
      : json !== undefined
        ? { mode: 'json', text: JSON.stringify(json) }
        : (rest.body ?? { mode: 'none' });
  return {
    method: 'POST',
    url: '{{base}}/api/graphql.php',
    headers: [{ name: 'Content-Type', value: 'application/json', enabled: true }],
    auth: { type: 'oauth2', credentialId: 'totara' },
    ...rest,
    body,
  };
}

/**
 * The same GraphQL request written in Lantern's GraphQL body mode instead of a JSON body: the query
 * and operationName as they were, the variables as the editor's JSON text, persisted when the JSON
 * had no query (the AJAX API's shape). Undefined when the body is not a single GraphQL request.
 */
export function inGraphqlBodyMode(request: RequestDraft): RequestDraft | undefined {
  if (request.body.mode !== 'json') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body.text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const record = parsed as Record<string, unknown>;
  if (Object.keys(record).some((key) => !['query', 'variables', 'operationName'].includes(key)))
    return undefined;
  const { query, variables, operationName } = record;
  if (query !== undefined && typeof query !== 'string') return undefined;
  if (operationName !== undefined && typeof operationName !== 'string') return undefined;
  if (query === undefined && typeof operationName !== 'string') return undefined;
  const variablesText =
    variables === undefined ? '' : typeof variables === 'string' ? variables : JSON.stringify(variables);
  return {
    ...request,
    body: {
      mode: 'graphql',
      query: query ?? '',
      variables: variablesText,
      ...(typeof operationName === 'string' ? { operationName } : {}),
      persisted: query === undefined,
    },
  };
}

export const STATUS_QUERY = { query: 'query { totara_webapi_status { status } }', variables: '{}' };

/** The finding ids diagnose gives, in order. */
export const idsOf = (input: Omit<DiagnoseInput, 'nowMs'> & { nowMs?: number }): string[] =>
  diagnose({ nowMs: NOW, ...input }).map((f) => f.id);

export const findingOf = (input: Omit<DiagnoseInput, 'nowMs'> & { nowMs?: number }, id: string): Finding => {
  const found = diagnose({ nowMs: NOW, ...input }).find((f) => f.id === id);
  if (!found) throw new Error(`no finding ${id}`);
  return found;
};
