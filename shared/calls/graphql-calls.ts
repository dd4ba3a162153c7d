/** GraphQL: schemas by introspection or file, cached per endpoint and environment. */
import { z } from 'zod';
import { requestAuthSchema } from '../model/auth';
import { jarWorkspaceIdSchema } from '../model/cookies';
import { headerRowSchema, requestDraftSchema } from '../model/request';

/** One schema is kept per endpoint (its URL as typed, `{{base}}` unresolved) and environment. */
export const schemaKeySchema = z
  .object({ url: z.string().min(1).max(65_536), environmentId: z.string().max(128).optional() })
  .strict();

const schemaChangeSchema = z.object({
  message: z.string(),
  path: z.string().optional(),
  reason: z.string().optional(),
});

export const schemaSnapshotSchema = z.object({
  key: z.object({ url: z.string(), environmentId: z.string().optional() }),
  /**
   * The schema as text, one of the two (`schemaSdl` in shared/graphql/introspection.ts prints either
   * as SDL): the introspection result (JSON) it was built from when it came from one, which the
   * editor builds several times faster than SDL and which saves printing it; else the SDL.
   */
  sdl: z.string().optional(),
  introspection: z.string().optional(),
  typeCount: z.number().int(),
  fetchedAt: z.string(),
  /** Plain-words remarks: a shallower introspection query, repaired type references. */
  notes: z.array(z.string()),
  source: z.enum(['introspection', 'file']),
  /** Against the schema cached before, when a refresh found changes. */
  diff: z
    .object({
      breaking: z.array(schemaChangeSchema),
      dangerous: z.array(schemaChangeSchema),
      safe: z.array(schemaChangeSchema),
    })
    .optional(),
});
export type SchemaSnapshot = z.infer<typeof schemaSnapshotSchema>;

/** Where GraphQL requests go: the URL, headers, auth and transport settings of the user's request. */
export const graphqlEndpointSchema = z
  .object({
    url: z.string().min(1).max(65_536),
    headers: z.array(headerRowSchema).max(500).default([]),
    auth: requestAuthSchema.default({ type: 'none' }),
    settings: requestDraftSchema.shape.settings,
  })
  .strict();

const registryOperationSchema = z.object({
  name: z.string(),
  query: z.string(),
  type: z.enum(['query', 'mutation', 'subscription']),
  variables: z.array(
    z.object({
      name: z.string(),
      type: z.string(),
      required: z.boolean(),
      defaultValue: z.string().optional(),
    }),
  ),
  noSession: z.boolean(),
});

const statedLimitSchema = z.object({
  value: z.number().int(),
  /** The server's own words, e.g. "Max query depth should be 12 but got 13." */
  message: z.string(),
  /** When Lantern read them (ISO 8601). */
  at: z.string(),
});
/** The limits an endpoint has stated in its answers; absent ones it has not stated. */
export const serverLimitsSchema = z.object({
  maxDepth: statedLimitSchema.optional(),
  maxComplexity: statedLimitSchema.optional(),
});

export const graphqlCalls = {
  /**
   * Fetches the schema by introspection through the normal send pipeline (same auth: OAuth token,
   * session + sesskey), retrying with a shallower query when the server's depth limit refuses the
   * standard one. Caches it; `diff` lists the changes against the schema cached before.
   */
  introspectSchema: {
    input: z
      .object({
        endpoint: graphqlEndpointSchema,
        environmentId: z.string().max(128).optional(),
        /** Whose cookie jar the request uses, as for `send`: the tab's workspace; none = the scratch jar. */
        workspaceId: jarWorkspaceIdSchema.optional(),
        /** The saved request the tab shows: its folders' auth, headers and variables apply, as for `send`. */
        savedRequestId: z.string().min(1).max(200).optional(),
        /** The environment's max query depth, when known: skips the doomed first try. */
        maxDepth: z.number().int().min(1).max(1_000).optional(),
      })
      .strict(),
    output: schemaSnapshotSchema,
  },
  /** The schema cached for an endpoint and environment, if any (no network). */
  cachedSchema: {
    input: schemaKeySchema,
    output: z.object({ schema: schemaSnapshotSchema.optional() }),
  },
  /**
   * The depth and complexity limits the endpoint (its URL as typed, resolved in the environment)
   * has stated in its errors since Lantern started: the estimate uses them instead of the defaults.
   */
  serverLimits: {
    input: schemaKeySchema,
    output: serverLimitsSchema,
  },
  /** Forgets the cached schema of an endpoint and environment. */
  forgetSchema: {
    input: schemaKeySchema,
    output: z.object({ forgotten: z.boolean() }),
  },
  /**
   * Reads SDL (.graphql) or an introspection result (.json) from a file the user chose (its
   * reference from `pickFile` or `uploadFile`); cached under `key`.
   */
  loadSchemaFile: {
    input: z.object({ ref: z.string().min(1).max(4_096), key: schemaKeySchema.optional() }).strict(),
    output: schemaSnapshotSchema,
  },
  /**
   * Fetches a persisted-operation registry (e.g. the sandbox's `/__sandbox/operations`, or a JSON of
   * name → query text) with GET through the send pipeline, and reads it on the main side.
   */
  fetchOperationRegistry: {
    input: z
      .object({
        endpoint: graphqlEndpointSchema,
        environmentId: z.string().max(128).optional(),
        /** Whose cookie jar the request uses, as for `send`. */
        workspaceId: jarWorkspaceIdSchema.optional(),
        /** The saved request the tab shows, as for `send`. */
        savedRequestId: z.string().min(1).max(200).optional(),
      })
      .strict(),
    output: z.object({
      registry: z.record(z.string(), registryOperationSchema),
      problems: z.array(z.string()),
    }),
  },
} as const;
export type GraphqlCalls = typeof graphqlCalls;
