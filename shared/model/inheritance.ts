import { z } from 'zod';
import { credentialSummarySchema, requestAuthSchema } from './auth';

/** Where an inherited value comes from: a folder (by name and id). */
const fromFolder = { from: z.string(), fromId: z.string() };

/**
 * What a saved request (or a folder) inherits from the folders above it, as the main side computes
 * it for sending: shown in the request's Auth tab, its "Inherited from folders" list and the folder
 * editor. Secret variable values arrive masked.
 */
export const inheritanceViewSchema = z.object({
  headers: z.array(
    z.object({
      name: z.string(),
      value: z.string(),
      ...fromFolder,
      /** The request's own enabled header of that name is sent instead. */
      overridden: z.boolean(),
    }),
  ),
  variables: z.array(
    z.object({
      name: z.string(),
      /** Masked (`••••3f9a`) when secret. */
      value: z.string(),
      secret: z.boolean(),
      /** A secret with no value on this computer: a send that needs it stops with a message. */
      missing: z.boolean(),
      ...fromFolder,
    }),
  ),
  /** The auth the nearest folder that sets one gives (it may be "none"); absent when no folder sets one. */
  auth: z.object({ value: requestAuthSchema, ...fromFolder }).optional(),
  /**
   * For a request, which auth its sends use: its own, the inherited one, or none at all (its own
   * is "none" and it inherits nothing, or it does not inherit).
   */
  authUsed: z.enum(['own', 'inherited', 'none']),
  /** The credential the used auth names, as the renderer may see it (masked); absent when none or unknown. */
  credential: credentialSummarySchema.optional(),
});
export type InheritanceView = z.infer<typeof inheritanceViewSchema>;
