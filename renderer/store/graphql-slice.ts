import { fileRefName } from '../../shared/files/file-ref';
import type { StateCreator } from 'zustand';
import type { SchemaSnapshot } from '../../shared/calls/graphql-calls';
import type { StatedLimits } from '../../shared/graphql/limits';
import { parseRegistry } from '../../shared/graphql/persisted';
import type { OperationRegistry } from '../../shared/graphql/persisted';
import type { RequestDraft } from '../../shared/model/request';
import type { CallError } from '../../shared/model/result';
import { call } from '../api';
import type { LanternState } from './index';
import { activeTab, sendLocation } from './tabs-slice';

/** One schema per endpoint (URL as typed) and environment, as the main side caches it. */
export interface SchemaKey {
  url: string;
  environmentId?: string;
}

export interface SchemaState {
  status: 'checking' | 'none' | 'loading' | 'ready' | 'failed';
  snapshot?: SchemaSnapshot;
  error?: CallError;
  /** What is being done, in words ("Fetching the schema…"). */
  activity?: string;
}

export interface RegistryState {
  registry: OperationRegistry;
  problems: string[];
  /** Where it came from: "pasted" or the URL. */
  source: string;
}

export type GraphqlView = 'query' | 'docs';

export interface GraphqlSlice {
  /** By `schemaKeyId(key)`. */
  graphqlSchemas: Record<string, SchemaState>;
  /** Persisted-operation registries by request URL (as typed). */
  graphqlRegistries: Record<string, RegistryState>;
  graphqlView: GraphqlView;
  /** The limits each endpoint (by `schemaKeyId`) has stated in its answers, as the main side remembers them. */
  graphqlServerLimits: Record<string, StatedLimits>;
  /** The type open in the docs explorer. */
  graphqlDocsType: string | undefined;
  /** Reads the cached schema once per key (no network). */
  checkCachedSchema: (key: SchemaKey) => Promise<void>;
  /** Asks the main side which limits the endpoint has stated (after a send, a schema fetch). */
  checkServerLimits: (key: SchemaKey) => Promise<void>;
  fetchSchema: (key: SchemaKey, draft: RequestDraft, maxDepth?: number) => Promise<void>;
  loadSchemaFile: (key: SchemaKey, ref: string) => Promise<void>;
  forgetSchema: (key: SchemaKey) => Promise<void>;
  dismissSchemaDiff: (key: SchemaKey) => void;
  pasteRegistry: (url: string, text: string) => void;
  fetchRegistry: (url: string, registryUrl: string, draft: RequestDraft) => Promise<void>;
  showGraphqlView: (view: GraphqlView, docsType?: string) => void;
}

export const schemaKeyId = (key: SchemaKey) => `${key.environmentId ?? ''}\u0000${key.url}`;
/** Names one version of a schema (the worker and monaco-graphql rebuild when it changes). */
export const schemaVersionId = (snapshot: SchemaSnapshot) =>
  `${snapshot.key.environmentId ?? ''}|${snapshot.key.url}|${snapshot.fetchedAt}`;

const endpointOf = (draft: RequestDraft) => ({
  url: draft.url,
  headers: draft.headers,
  auth: draft.auth,
  ...(draft.settings ? { settings: draft.settings } : {}),
});

const keyInput = (key: SchemaKey) => ({
  url: key.url,
  ...(key.environmentId ? { environmentId: key.environmentId } : {}),
});

export const createGraphqlSlice: StateCreator<LanternState, [], [], GraphqlSlice> = (set, get) => {
  /**
   * Where the active tab lives, as for its sends: its cookie jar (a login cookie works for the schema
   * too) and its saved request, whose folders' auth and headers apply.
   */
  const jarInput = () => {
    const { replay: _replay, ...location } = sendLocation(get(), activeTab(get()));
    return location;
  };
  /** Introspection and registry fetches go through the send pipeline: a token or cookies may be new. */
  const afterRequest = () => {
    get().invalidateTokens();
    get().invalidateCookies();
  };
  const patch = (key: SchemaKey, next: SchemaState) =>
    set((s) => ({ graphqlSchemas: { ...s.graphqlSchemas, [schemaKeyId(key)]: next } }));
  const current = (key: SchemaKey) => get().graphqlSchemas[schemaKeyId(key)];
  /** Keeps the schema already shown while new work runs or fails. */
  const keep = (key: SchemaKey) => {
    const snapshot = current(key)?.snapshot;
    return snapshot ? { snapshot } : {};
  };
  return {
    graphqlSchemas: {},
    graphqlRegistries: {},
    graphqlView: 'query',
    graphqlServerLimits: {},
    graphqlDocsType: undefined,
    checkCachedSchema: async (key) => {
      if (current(key)) return;
      patch(key, { status: 'checking' });
      const result = await call('cachedSchema', keyInput(key));
      if (current(key)?.status !== 'checking') return;
      if (result.ok && result.value.schema) patch(key, { status: 'ready', snapshot: result.value.schema });
      else patch(key, { status: 'none' });
    },
    checkServerLimits: async (key) => {
      const result = await call('serverLimits', keyInput(key));
      if (!result.ok) return;
      const id = schemaKeyId(key);
      // Unchanged limits leave the store alone: the estimate is not recomputed for nothing.
      if (JSON.stringify(get().graphqlServerLimits[id] ?? {}) === JSON.stringify(result.value)) return;
      set((s) => ({ graphqlServerLimits: { ...s.graphqlServerLimits, [id]: result.value } }));
    },
    fetchSchema: async (key, draft, maxDepth) => {
      patch(key, { ...keep(key), status: 'loading', activity: 'Fetching the schema by introspection…' });
      const result = await call('introspectSchema', {
        endpoint: endpointOf(draft),
        ...(key.environmentId ? { environmentId: key.environmentId } : {}),
        ...jarInput(),
        ...(maxDepth !== undefined ? { maxDepth } : {}),
      });
      afterRequest();
      if (result.ok) patch(key, { status: 'ready', snapshot: result.value });
      else patch(key, { ...keep(key), status: 'failed', error: result.error });
    },
    loadSchemaFile: async (key, ref) => {
      patch(key, { ...keep(key), status: 'loading', activity: `Reading ${fileRefName(ref)}…` });
      const result = await call('loadSchemaFile', { ref, key: keyInput(key) });
      if (result.ok) patch(key, { status: 'ready', snapshot: result.value });
      else patch(key, { ...keep(key), status: 'failed', error: result.error });
    },
    forgetSchema: async (key) => {
      await call('forgetSchema', keyInput(key));
      patch(key, { status: 'none' });
    },
    dismissSchemaDiff: (key) => {
      const state = current(key);
      if (!state?.snapshot?.diff) return;
      const { diff: _diff, ...snapshot } = state.snapshot;
      patch(key, { ...state, snapshot });
    },
    pasteRegistry: (url, text) => {
      const parsed = parseRegistry(text);
      set((s) => ({
        graphqlRegistries: { ...s.graphqlRegistries, [url]: { ...parsed, source: 'pasted text' } },
      }));
    },
    fetchRegistry: async (url, registryUrl, draft) => {
      const result = await call('fetchOperationRegistry', {
        endpoint: { ...endpointOf(draft), url: registryUrl, auth: { type: 'none' }, headers: [] },
        ...(get().environmentId ? { environmentId: get().environmentId } : {}),
        ...jarInput(),
      });
      afterRequest();
      const next: RegistryState = result.ok
        ? { ...result.value, source: registryUrl }
        : { registry: {}, problems: [result.error.message], source: registryUrl };
      set((s) => ({ graphqlRegistries: { ...s.graphqlRegistries, [url]: next } }));
    },
    showGraphqlView: (view, docsType) =>
      set((s) => ({ graphqlView: view, graphqlDocsType: docsType ?? s.graphqlDocsType })),
  };
};
