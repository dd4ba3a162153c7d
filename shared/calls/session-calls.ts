/** The session: the open tabs (drafts with secrets removed), the active one, the chosen environments. */
import { z } from 'zod';
import { requestDraftSchema } from '../model/request';

/** The response parts a tab can show (as renderer/store/tabs-slice.ts names them). */
export const responsePartSchema = z.enum([
  'body',
  'graphql',
  'headers',
  'cookies',
  'timeline',
  'tests',
  'diagnostics',
  'tokens',
]);

export const sessionTabSchema = z
  .object({
    id: z.string().min(1).max(200),
    sourceId: z.string().max(1_000).optional(),
    name: z.string().max(1_000).optional(),
    workspaceId: z.string().max(200).optional(),
    replayOf: z
      .object({ savedRequestId: z.string().max(1_000), workspaceId: z.string().max(200).optional() })
      .optional(),
    draft: requestDraftSchema,
    /** The tab had edits not saved to its file (or, for a tab without a file, differed from how it opened). */
    unsaved: z.boolean(),
    /** A tab without a file: the draft as it was opened, so the unsaved dot comes back (secrets removed too). */
    baseline: requestDraftSchema.optional(),
    /** A saved request's tab: the file revision its draft was loaded or saved at. */
    revision: z.string().max(200).optional(),
    responsePart: responsePartSchema,
    /** The tab had a response before the restart; responses are not kept, so it says "not sent since". */
    hadResponse: z.boolean().default(false),
    /**
     * Set by the main side when saving: where a secret value was removed from the draft
     * ("the header "Authorization""). The renderer shows these after a restore.
     */
    removedSecrets: z.array(z.string().max(1_000)).max(1_000).default([]),
  })
  .strict();
export type SessionTab = z.infer<typeof sessionTabSchema>;

export const sessionSnapshotSchema = z
  .object({
    tabs: z.array(sessionTabSchema).max(500),
    activeTabId: z.string().max(200),
  })
  .strict();
export type SessionSnapshot = z.infer<typeof sessionSnapshotSchema>;

/** The key of the environment chosen while no workspace is open. */
export const NO_WORKSPACE_KEY = '';

export const sessionCalls = {
  /**
   * The session saved last (undefined: none yet), and the environment chosen in each workspace
   * (keyed by workspace id; '' for none open). `problem`: the file could not be read (it was kept aside).
   */
  sessionLoad: {
    input: z.object({}).strict(),
    output: z.object({
      session: sessionSnapshotSchema.optional(),
      chosenEnvironments: z.record(z.string(), z.string()),
      problem: z.string().optional(),
    }),
  },
  /** Saves the session; secret values in drafts are removed on the main side before anything is written. */
  sessionSave: {
    input: sessionSnapshotSchema,
    output: z.object({ saved: z.boolean() }),
  },
  /** Remembers the environment chosen in a workspace ('' for none open); undefined: no environment. */
  sessionChooseEnvironment: {
    input: z
      .object({ workspaceKey: z.string().max(200), environmentId: z.string().max(300).optional() })
      .strict(),
    output: z.object({ saved: z.boolean() }),
  },
} as const;
export type SessionCalls = typeof sessionCalls;
