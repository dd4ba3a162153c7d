import { z } from 'zod';
import { assertionSchema, type Assertion } from '../assertions/model';
import { credentialKindSchema, requestAuthSchema } from './auth';
import { headerRowSchema, requestDraftSchema } from './request';

/**
 * A collection as Lantern keeps it: folders of saved requests, each folder able to carry
 * auth, headers and variables that its requests inherit. On disk it is a folder of YAML
 * files (issue 7); importers produce this shape, exporters read it.
 */

export const savedRequestSchema = z.object({
  id: z.string().min(1).max(128),
  name: z.string().min(1).max(500),
  /** Free text shown in the sidebar tooltip and exports. */
  description: z.string().max(100_000).optional(),
  draft: requestDraftSchema,
  /**
   * Auth inherited from the nearest folder that sets one, when the draft's own auth is "none"
   * and `inheritAuth` is true (the default for imported requests without their own auth).
   */
  inheritAuth: z.boolean().default(true),
  /**
   * The status codes the CLI runner accepts, e.g. "2xx", "200,201", "4xx"; default 2xx. Older
   * files' spelling: read from a file it becomes a status assertion in `draft.tests`.
   */
  expectStatus: z.string().max(200).optional(),
});
export type SavedRequest = z.infer<typeof savedRequestSchema>;

export const variableSchema = z.object({
  name: z.string(),
  value: z.string(),
  secret: z.boolean().default(false),
});

export interface Folder {
  id: string;
  name: string;
  description?: string;
  auth?: z.infer<typeof requestAuthSchema>;
  headers?: z.infer<typeof headerRowSchema>[];
  variables?: z.infer<typeof variableSchema>[];
  /** Assertions every request below this folder is checked against, after its own. */
  tests?: Assertion[];
  /**
   * Its settings file could not be read (a merge conflict, a typo): its auth, headers and
   * variables are unknown, so nothing inside it is sent as if it had none. Never written to disk.
   */
  unreadable?: { path: string; reason: string };
  folders: Folder[];
  requests: SavedRequest[];
}

export const folderSchema: z.ZodType<Folder> = z.lazy(() =>
  z.object({
    id: z.string().min(1).max(128),
    name: z.string().min(1).max(500),
    description: z.string().max(100_000).optional(),
    auth: requestAuthSchema.optional(),
    headers: z.array(headerRowSchema).optional(),
    variables: z.array(variableSchema).optional(),
    tests: z.array(assertionSchema).optional(),
    unreadable: z.object({ path: z.string(), reason: z.string() }).optional(),
    folders: z.array(folderSchema),
    requests: z.array(savedRequestSchema),
  }),
);

export const collectionEnvironmentSchema = z.object({
  name: z.string().min(1).max(200),
  variables: z.array(variableSchema),
});

/**
 * Credentials an imported collection needs but Lantern cannot carry secrets for: the
 * importer names them, the user fills their secrets in afterwards (they go to the vault).
 */
export const credentialNeedSchema = z.object({
  id: z.string(),
  kind: credentialKindSchema,
  label: z.string(),
  /** Non-secret fields found in the source (token URL, client id, username…). */
  fields: z.record(z.string(), z.string()),
  /** True when the source held a secret value that was deliberately not imported. */
  secretLeftOut: z.boolean(),
  /**
   * The source's secret was a `{{variable}}` reference (a bearer `{{token}}`, a password
   * `{{client_secret}}`): the credential takes its secret from that variable when a request is sent.
   */
  secretReference: z.string().optional(),
});

export const collectionSchema = z.object({
  name: z.string().min(1).max(500),
  root: folderSchema,
  environments: z.array(collectionEnvironmentSchema),
  credentials: z.array(credentialNeedSchema),
});
export type Collection = z.infer<typeof collectionSchema>;

/** What an import produced, and what it could not carry over (scripts, unsupported auth…). */
export interface ImportReport {
  collection: Collection;
  /** Plain words, one line per thing left out, naming where it was. */
  skipped: string[];
  counts: { folders: number; requests: number; environments: number };
}
