/** Rate limits, diagnostics and the support bundle. */
import { z } from 'zod';
import { rateLimitViewSchema } from '../model/findings';
import { jarWorkspaceIdSchema } from '../model/cookies';
import { requestDraftSchema } from '../model/request';
import { exchangeSchema } from '../model/response';
import { saveOutcomeSchema } from '../files/file-ref';

const supportInput = z
  .object({
    /** The request as the user wrote it; its body is shown with {{variables}} filled in and secrets masked. */
    draft: requestDraftSchema,
    /** Where the draft lives, as for `send`: a saved request's folders' auth, headers and variables apply. */
    savedRequestId: z.string().min(1).max(200).optional(),
    workspaceId: jarWorkspaceIdSchema.optional(),
    replay: z.boolean().optional(),
    /** The response, when there was one. */
    exchange: exchangeSchema.optional(),
    /** Why the send failed, when it did. */
    error: z.object({ code: z.string().max(128), message: z.string().max(65_536) }).optional(),
    environmentId: z.string().max(128).optional(),
    format: z.enum(['markdown', 'har']),
  })
  .strict();

export const diagnosticsCalls = {
  /**
   * What the main side's tracker knows per host + credential: the latest state, the recent
   * history for a sparkline, the 429s and a configured budget. Filters are optional.
   */
  rateLimitState: {
    input: z
      .object({ host: z.string().max(512).optional(), credentialId: z.string().max(128).optional() })
      .strict(),
    output: z.array(rateLimitViewSchema),
  },
  /**
   * The budget of an API that sends no rate-limit headers (Totara: complexity points per window).
   * Without `limit`, the user's budget is removed.
   */
  setRateLimitBudget: {
    input: z
      .object({
        host: z.string().min(1).max(512),
        credentialId: z.string().max(128).optional(),
        limit: z.number().int().positive().max(1_000_000_000).optional(),
        windowSeconds: z.number().int().positive().max(86_400).default(60),
      })
      .strict(),
    output: rateLimitViewSchema,
  },
  /**
   * "Copy for support": the exchange as Markdown or HAR 1.2, made on the main side so a last
   * masking pass can use every secret it knows. The text is exactly what the preview shows.
   */
  supportBundle: {
    input: supportInput,
    output: z.object({
      format: z.enum(['markdown', 'har']),
      text: z.string(),
      fileName: z.string(),
      mimeType: z.string(),
    }),
  },
  /**
   * The same bundle, written by the main side where the user chooses in the OS save dialog
   * (desktop app only; browser mode downloads `supportBundle`'s text in the page).
   */
  saveSupportBundle: {
    input: supportInput,
    output: saveOutcomeSchema,
  },
} as const;
export type DiagnosticsCalls = typeof diagnosticsCalls;

/** Main→renderer events of this domain. */
export const diagnosticsEvents = {} as const;
