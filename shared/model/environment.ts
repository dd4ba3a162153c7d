import { z } from 'zod';

export const environmentVariableSchema = z.object({
  name: z.string().min(1).max(256),
  /** For a secret variable this is a masked preview when it reaches the renderer. */
  value: z.string().max(1_048_576),
  secret: z.boolean().default(false),
});

export const environmentLocationSchema = z.discriminatedUnion('kind', [
  /** The app's data folder: only this computer sees it. */
  z.object({ kind: z.literal('app') }),
  /** A file of a workspace (shared through git, seen by `lantern run`); secret values in the vault. */
  z.object({ kind: z.literal('workspace'), workspaceName: z.string(), file: z.string() }),
  /** Built in (the sample's), in memory only. */
  z.object({ kind: z.literal('built-in') }),
]);
export type EnvironmentLocation = z.infer<typeof environmentLocationSchema>;

export const environmentSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Built in (like the sample's): read-only. */
  builtIn: z.boolean().default(false),
  variables: z.array(environmentVariableSchema),
  /** Where it is kept: the app's data folder on this computer, or a file of the open workspace. */
  location: environmentLocationSchema.optional(),
  /** Plain words when some secret values are unavailable (vault unreadable, or never stored here). */
  problem: z.string().optional(),
});
export type EnvironmentSummary = z.infer<typeof environmentSummarySchema>;

export const saveEnvironmentInputSchema = z
  .object({
    /** Absent: create a new environment. */
    id: z.string().max(128).optional(),
    name: z.string().trim().min(1, 'An environment needs a name.').max(200),
    variables: z
      .array(
        environmentVariableSchema.extend({
          /** True when a secret's value was left untouched: keep the stored one. */
          keepValue: z.boolean().default(false),
        }),
      )
      .max(1_000),
  })
  .strict();
export type SaveEnvironmentInput = z.infer<typeof saveEnvironmentInputSchema>;

/** The globals: always present, consulted after the chosen environment. */
export const GLOBAL_ENVIRONMENT_ID = 'global';
