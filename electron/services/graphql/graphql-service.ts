import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SchemaDiff } from '../../../shared/graphql/diff';
import { isEmptyDiff } from '../../../shared/graphql/diff';
import {
  introspectionQueryForDepth,
  parseDepthError,
  schemaFromIntrospection,
  schemaFromText,
  schemaTexts,
  STANDARD_WRAPPER_LEVELS,
  standardIntrospection,
} from '../../../shared/graphql/introspection';
import type { IntrospectionPlan, LoadedSchema } from '../../../shared/graphql/introspection';
import type { HeaderRow, RequestDraft } from '../../../shared/model/request';
import type { RequestAuth } from '../../../shared/model/auth';
import type { Exchange } from '../../../shared/model/response';
import { LanternError } from '../../../shared/model/result';
import { responseText } from './response-text';
import type { BodyReader } from './response-text';
import { SchemaCache } from './schema-cache';
import type { CachedSchema, SchemaKey } from './schema-cache';
import { diffSchemaTexts } from './schema-diff';

/** Which environment resolves `{{variables}}` and which workspace's cookie jar a send uses. */
export interface SendScope {
  environmentId?: string;
  /** The tab's workspace, as for `send`; undefined: the scratch jar. */
  workspaceId?: string;
  /** The saved request the tab shows: its folders' auth, headers and variables apply, as for `send`. */
  savedRequestId?: string;
}

/** Runs a draft through Lantern's normal send pipeline: same auth (OAuth tokens, session + CSRF, cookies). */
export type SendDraft = (draft: RequestDraft, scope?: SendScope) => Promise<Exchange>;

/** Where the GraphQL requests go: the URL, headers, auth and transport settings of the user's request. */
export interface GraphqlEndpoint {
  url: string;
  headers?: HeaderRow[];
  auth?: RequestAuth;
  settings?: RequestDraft['settings'];
}

export interface IntrospectInput {
  endpoint: GraphqlEndpoint;
  environmentId?: string;
  /** Whose cookie jar the schema request uses (the tab's workspace); undefined: the scratch jar. */
  workspaceId?: string;
  /** The saved request the tab shows: its folders' auth, headers and variables apply. */
  savedRequestId?: string;
  /** The environment's configured max query depth, when known: skips the doomed first try. */
  maxDepth?: number;
}

export interface SchemaSnapshot extends CachedSchema {
  /** Against the schema cached before this one, when there was one and it differs. */
  diff?: SchemaDiff;
}

export interface GraphqlServiceOptions {
  send: SendDraft;
  /** Folder for the cached schemas (one file per endpoint and environment). */
  cacheDir: string;
  /** Reads large bodies the engine kept on disk; without it, an answer above ~2 MB cannot be read. */
  bodies?: BodyReader;
  now?: () => Date;
}

const MAX_SCHEMA_FILE_BYTES = 200 * 1024 * 1024;
const DISABLED = 'GraphQL introspection is not enabled.';

const introspectionDraft = (endpoint: GraphqlEndpoint, query: string): RequestDraft => ({
  method: 'POST',
  url: endpoint.url,
  headers: endpoint.headers ?? [],
  // IntrospectionQuery is the one name Totara accepts outside ^[a-z][a-z0-9_]+$.
  body: { mode: 'graphql', query, variables: '{}', operationName: 'IntrospectionQuery', persisted: false },
  auth: endpoint.auth ?? { type: 'none' },
  ...(endpoint.settings ? { settings: endpoint.settings } : {}),
});

function parseAnswer(exchange: Exchange, text: string): Record<string, unknown> {
  const { status, body } = exchange.response;
  const what = `HTTP ${status}${body.contentType ? `, ${body.contentType}` : ''}`;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const html = text.trimStart().startsWith('<');
    throw new LanternError(
      'graphql.not-json',
      html
        ? `The server answered the schema request with an HTML page (${what}), not GraphQL JSON. It is usually a login page, an error page or the wrong URL: check that the URL is the GraphQL endpoint (e.g. /api/graphql.php) and that the request is authenticated.`
        : `The server's answer to the schema request is not JSON (${what}${text.trim() === '' ? ', empty body' : ''}). Check that the URL is the GraphQL endpoint.`,
    );
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new LanternError(
      'graphql.not-json',
      `The server answered the schema request with unexpected JSON (${what}).`,
    );
  }
  return json as Record<string, unknown>;
}

function errorMessages(answer: Record<string, unknown>): { message: string; debugMessage?: string }[] {
  if (!Array.isArray(answer.errors)) return [];
  return answer.errors.map((raw: unknown) => {
    const error = (raw ?? {}) as {
      message?: unknown;
      debugMessage?: unknown;
      extensions?: { debugMessage?: unknown };
    };
    const debug = error.debugMessage ?? error.extensions?.debugMessage;
    return {
      message: typeof error.message === 'string' ? error.message : JSON.stringify(raw),
      ...(typeof debug === 'string' ? { debugMessage: debug } : {}),
    };
  });
}

/** Introspection, schema cache and schema files: the main side of the GraphQL workbench. */
export function createGraphqlService({
  send,
  cacheDir,
  bodies,
  now = () => new Date(),
}: GraphqlServiceOptions) {
  const cache = new SchemaCache(cacheDir);

  async function fetchIntrospection(input: IntrospectInput, plan: IntrospectionPlan, retried: boolean) {
    const scope = {
      ...(input.environmentId ? { environmentId: input.environmentId } : {}),
      ...(input.workspaceId ? { workspaceId: input.workspaceId } : {}),
      ...(input.savedRequestId ? { savedRequestId: input.savedRequestId } : {}),
    };
    const exchange = await send(introspectionDraft(input.endpoint, plan.query), scope);
    const answer = parseAnswer(exchange, await responseText(exchange, bodies));
    const errors = errorMessages(answer);
    const data = answer.data as { __schema?: unknown } | null | undefined;
    if (data && typeof data === 'object' && data.__schema) return { answer, plan, retried };
    if (errors.some((error) => error.message === DISABLED)) {
      throw new LanternError(
        'graphql.introspection-disabled',
        'The server has introspection turned off ("GraphQL introspection is not enabled."), so Lantern cannot fetch the schema. ' +
          'Load the schema from a file instead (SDL or an introspection result), or ask the site administrator to enable introspection in the API settings.',
      );
    }
    const depth = errors.map((error) => parseDepthError(error.message)).find((found) => found !== undefined);
    if (depth && !retried && depth.allowed < plan.depth) {
      return fetchIntrospection(input, introspectionQueryForDepth(depth.allowed), true);
    }
    const reasons = errors.map((error) =>
      error.debugMessage ? `${error.message} (${error.debugMessage})` : error.message,
    );
    throw new LanternError(
      'graphql.introspection-failed',
      reasons.length > 0
        ? `The server refused the schema request (HTTP ${exchange.response.status}): ${reasons.join('; ')}`
        : `The server's answer (HTTP ${exchange.response.status}) has no schema in it. Check that the URL is a GraphQL endpoint.`,
    );
  }

  async function store(
    key: SchemaKey,
    loaded: Omit<CachedSchema, 'key' | 'fetchedAt'>,
  ): Promise<SchemaSnapshot> {
    const previous = await cache.get(key);
    const snapshot: SchemaSnapshot = { key, fetchedAt: now().toISOString(), ...loaded };
    const same = previous?.sdl === snapshot.sdl && previous?.introspection === snapshot.introspection;
    // Before the cache is replaced: a schema the diff cannot build leaves the cached one as it was.
    const changes = previous && !same ? await diffSchemaTexts(previous, snapshot) : undefined;
    await cache.put(snapshot);
    if (changes && !isEmptyDiff(changes)) snapshot.diff = changes;
    return snapshot;
  }

  async function introspect(input: IntrospectInput): Promise<SchemaSnapshot> {
    const configured = input.maxDepth;
    const first =
      configured !== undefined && configured < standardIntrospection().depth
        ? introspectionQueryForDepth(configured)
        : standardIntrospection();
    const { answer, plan, retried } = await fetchIntrospection(input, first, false);
    const loaded = schemaFromIntrospection(answer);
    const notes = [...loaded.notes];
    if (plan.wrapperLevels < STANDARD_WRAPPER_LEVELS) {
      const why = retried
        ? `Your server allows a depth of ${plan.depth}`
        : `This environment's max query depth is ${plan.depth}`;
      notes.unshift(
        `${why}; Lantern fetched the schema with a shallower query. Types nested deeper than ${plan.wrapperLevels} ` +
          'wrapper levels (e.g. [[Type!]!]!) may be missing.',
      );
    }
    const key = {
      url: input.endpoint.url,
      ...(input.environmentId ? { environmentId: input.environmentId } : {}),
    };
    return store(key, {
      ...schemaTexts(loaded),
      typeCount: loaded.typeCount,
      notes,
      source: 'introspection',
    });
  }

  /** Reads SDL (.graphql, .graphqls, .gql) or an introspection result (.json); cached under `key` when given. */
  async function loadSchemaFile(filePath: string, key?: SchemaKey): Promise<SchemaSnapshot> {
    const name = path.basename(filePath);
    const info = await stat(filePath).catch((error: NodeJS.ErrnoException) => {
      throw new LanternError(
        'graphql.schema-file',
        error.code === 'ENOENT'
          ? `The schema file ${name} is no longer there (moved or deleted). Choose it again.`
          : `Lantern cannot read the schema file ${name} (${error.code ?? error.message}).`,
      );
    });
    if (!info.isFile())
      throw new LanternError('graphql.schema-file', `${name} is a folder, not a schema file.`);
    if (info.size > MAX_SCHEMA_FILE_BYTES) {
      throw new LanternError(
        'graphql.schema-file',
        `${name} is ${info.size.toLocaleString('en')} bytes: too large for a schema.`,
      );
    }
    const text = await readFile(filePath, 'utf8');
    let loaded: LoadedSchema;
    try {
      loaded = schemaFromText(text);
    } catch (error) {
      if (error instanceof LanternError) throw new LanternError(error.code, `${name}: ${error.message}`);
      throw error;
    }
    const fields = {
      ...schemaTexts(loaded),
      typeCount: loaded.typeCount,
      notes: loaded.notes,
      source: 'file' as const,
    };
    if (key) return store(key, fields);
    return { key: { url: filePath }, fetchedAt: now().toISOString(), ...fields };
  }

  return {
    introspect,
    /** Introspects again; the result carries the diff against the cached schema. */
    refresh: introspect,
    cached: (key: SchemaKey) => cache.get(key),
    forget: (key: SchemaKey) => cache.delete(key),
    loadSchemaFile,
  };
}

export type GraphqlService = ReturnType<typeof createGraphqlService>;
