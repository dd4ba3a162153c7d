import { isSchema } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import type { RequestDraft } from '../model/request';
import { graphqlRequestOf, sentBodyText } from './graphql-request';
import type { GraphqlRequest } from './graphql-request';
import { serverIsOf } from './server-evidence';
import type { ServerIs } from './server-evidence';
import type { DiagnoseInput, Evidence, TokenInfo } from './types';

export type { GraphqlRequest } from './graphql-request';

export type Endpoint = 'totara-token' | 'totara-graphql' | 'totara-ajax' | 'totara-dev' | 'other';

/** One entry of a GraphQL `errors` array, read tolerantly. */
export type GraphqlError = {
  /** JSON path of the error, e.g. `errors[0]` or `[1].errors[0]` in a batch. */
  path: string;
  message?: string;
  /** From `debugMessage` (Totara 17) or `extensions.debugMessage` (later versions). */
  debugMessage?: string;
  debugPath?: string;
  category?: string;
  /** The error's `path` in the data: response keys and list indices, e.g. ["users", "items", 0, "name"]. */
  responsePath?: (string | number)[];
};

/** Everything the rules read, extracted once and defensively: a rule never digs in raw input. */
export type Facts = {
  input: DiagnoseInput;
  nowMs: number;
  url: string;
  endpoint: Endpoint;
  /** Which server answered, with the evidence: every rule that speaks of Totara requires `serverIs.totara`. */
  serverIs: ServerIs;
  method: string;
  requestHeaders: [string, string][];
  responseHeaders: [string, string][];
  status?: number;
  /** The response body as text (UTF-8 only). */
  bodyText?: string;
  truncated: boolean;
  /** The parsed response body; undefined when it is not (complete) JSON. */
  json?: unknown;
  graphqlErrors: GraphqlError[];
  /** The request body as Lantern sends it (a GraphQL body mode's JSON included); undefined for forms and files. */
  draftBodyText?: string;
  /** The GraphQL request, from whichever body mode carries it: the one place rules read it from. */
  graphqlRequest?: GraphqlRequest;
  /** The token the exchange used, as the token manager knows it. */
  token?: TokenInfo;
  schema?: GraphQLSchema;
};

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const asString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

export function parseJson(text: string | undefined): unknown {
  if (text === undefined || text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A short excerpt for evidence: long values are cut, never whole bodies. */
export function excerpt(value: string, max = 160): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function headerOf(headers: readonly (readonly [string, string])[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([n]) => typeof n === 'string' && n.toLowerCase() === lower)?.[1];
}

export function endpointOf(url: string): Endpoint {
  const path = url.split(/[?#]/)[0] ?? '';
  if (/\/totara\/oauth2\/token\.php$/i.test(path)) return 'totara-token';
  if (/\/api\/graphql\.php$/i.test(path)) return 'totara-graphql';
  if (/\/totara\/webapi\/ajax\.php$/i.test(path)) return 'totara-ajax';
  if (/\/totara\/webapi\/dev_graphql_executor\.php$/i.test(path)) return 'totara-dev';
  return 'other';
}

function pairs(value: unknown): [string, string][] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (row): row is [string, string] =>
      Array.isArray(row) && typeof row[0] === 'string' && typeof row[1] === 'string',
  );
}

function draftHeaders(draft: RequestDraft | undefined): [string, string][] {
  if (!draft || !Array.isArray(draft.headers)) return [];
  return draft.headers
    .filter((row) => isRecord(row) && row.enabled !== false && typeof row.name === 'string')
    .map((row) => [row.name, String(row.value ?? '')]);
}

/** Reads `errors` of one body or of every body in a batch. */
function graphqlErrorsOf(json: unknown): GraphqlError[] {
  const bodies = Array.isArray(json)
    ? json.map((body, i) => ({ body, prefix: `[${i}].` }))
    : [{ body: json, prefix: '' }];
  const found: GraphqlError[] = [];
  for (const { body, prefix } of bodies) {
    if (!isRecord(body) || !Array.isArray(body.errors)) continue;
    body.errors.forEach((raw, index) => {
      if (!isRecord(raw)) return;
      const path = `${prefix}errors[${index}]`;
      const extensions = isRecord(raw.extensions) ? raw.extensions : {};
      const top = asString(raw.debugMessage);
      const nested = asString(extensions.debugMessage);
      found.push({
        path,
        message: asString(raw.message),
        debugMessage: top ?? nested,
        debugPath:
          top !== undefined
            ? `${path}.debugMessage`
            : nested !== undefined
              ? `${path}.extensions.debugMessage`
              : undefined,
        category: asString(extensions.category),
        ...(Array.isArray(raw.path)
          ? {
              responsePath: raw.path.filter(
                (step): step is string | number => typeof step === 'string' || typeof step === 'number',
              ),
            }
          : {}),
      });
    });
  }
  return found;
}

function tokenUsed(
  input: DiagnoseInput,
  exchange: Record<string, unknown> | undefined,
): TokenInfo | undefined {
  const auth = isRecord(exchange?.auth) ? exchange.auth : undefined;
  const tokenId = asString(auth?.tokenId);
  if (tokenId === undefined || !Array.isArray(input.tokens)) return undefined;
  return input.tokens.find((t) => isRecord(t) && t.tokenId === tokenId);
}

export function gatherFacts(input: DiagnoseInput): Facts {
  const exchange = isRecord(input.exchange) ? input.exchange : undefined;
  const request = isRecord(exchange?.request) ? exchange.request : undefined;
  const response = isRecord(exchange?.response) ? exchange.response : undefined;
  const body = isRecord(response?.body) ? response.body : undefined;
  const draft = isRecord(input.draft) ? input.draft : undefined;
  const url = asString(response?.url) ?? asString(request?.url) ?? asString(draft?.url) ?? '';
  const bodyText = body?.encoding === 'base64' ? undefined : asString(body?.text);
  const truncated = body?.truncated === true;
  const json = truncated ? undefined : parseJson(bodyText);
  const endpoint = endpointOf(url);
  const token = tokenUsed(input, exchange);
  const urls = [url, asString(request?.url), asString(draft?.url)].filter(
    (u): u is string => u !== undefined,
  );
  return {
    input,
    nowMs: typeof input.nowMs === 'number' && Number.isFinite(input.nowMs) ? input.nowMs : 0,
    url,
    endpoint,
    serverIs: serverIsOf(urls, json, token),
    method: (asString(request?.method) ?? asString(draft?.method) ?? '').toUpperCase(),
    requestHeaders: request ? pairs(request.headers) : draftHeaders(draft),
    responseHeaders: pairs(response?.headers),
    status: typeof response?.status === 'number' ? response.status : undefined,
    bodyText,
    truncated,
    json,
    graphqlErrors: graphqlErrorsOf(json),
    draftBodyText: sentBodyText(draft),
    graphqlRequest: graphqlRequestOf(draft, isRecord(input.operations) ? input.operations : undefined),
    token,
    schema: isSchema(input.schema) ? input.schema : undefined,
  };
}

/** The GraphQL errors whose message or debugMessage matches. */
export function errorsMatching(facts: Facts, pattern: RegExp): GraphqlError[] {
  return facts.graphqlErrors.filter(
    (e) =>
      (e.message !== undefined && pattern.test(e.message)) ||
      (e.debugMessage !== undefined && pattern.test(e.debugMessage)),
  );
}

/** Evidence pointing at the part of an error that carries the reason. */
export function errorEvidence(error: GraphqlError): Evidence {
  if (error.debugMessage !== undefined && error.debugPath)
    return { kind: 'response-body', name: error.debugPath, value: excerpt(error.debugMessage) };
  return { kind: 'response-body', name: `${error.path}.message`, value: excerpt(error.message ?? '') };
}

export const statusEvidence = (facts: Facts): Evidence[] =>
  facts.status === undefined ? [] : [{ kind: 'status', value: String(facts.status) }];

export function requestHeaderEvidence(facts: Facts, name: string): Evidence[] {
  const value = headerOf(facts.requestHeaders, name);
  const sentName = facts.requestHeaders.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[0] ?? name;
  return value === undefined ? [] : [{ kind: 'request-header', name: sentName, value: excerpt(value, 80) }];
}
