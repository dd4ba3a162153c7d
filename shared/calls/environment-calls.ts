/** Environments: the app's own and the open workspace's. */
import { z } from 'zod';
import { environmentSummarySchema, saveEnvironmentInputSchema } from '../model/environment';

const empty = z.object({}).strict();

export const environmentCalls = {
  /** Environments and their variables (secret values masked). */
  listEnvironments: {
    input: empty,
    output: z.array(environmentSummarySchema),
  },
  /** Creates or updates an environment; returns it with secret values masked. */
  saveEnvironment: {
    input: saveEnvironmentInputSchema,
    output: environmentSummarySchema,
  },
  deleteEnvironment: {
    input: z.object({ id: z.string().min(1).max(128) }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
} as const;
export type EnvironmentCalls = typeof environmentCalls;
