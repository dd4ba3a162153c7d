import { suggestedNameSchema } from '../files/file-ref';
import { z } from 'zod';

/**
 * Large bodies stay on the main side, in a temporary file; the renderer holds only their id and
 * asks for windows of rows, searches and copies through the contract.
 */
export const bodyIdSchema = z
  .string()
  .regex(/^b[0-9a-f]{24}$/, 'is not a body id Lantern gave out (it should come from a response)');

export const storedBodySchema = z.object({
  id: bodyIdSchema,
  /** Bytes kept on disk (decoded). */
  bytes: z.number().int(),
  /**
   * Display rows: the body's lines, with each line longer than 2 KB cut into several rows so a
   * minified body can be shown in pieces.
   */
  rows: z.number().int(),
  lines: z.number().int(),
  /** Set when the body was larger than Lantern's temporary-space limit and only its start was kept. */
  cut: z.boolean().optional(),
});
export type StoredBody = z.infer<typeof storedBodySchema>;

export const bodyRowSchema = z.object({
  /** 1-based line number; the rows of a cut line share it. */
  line: z.number().int(),
  text: z.string(),
  /** True when the row continues the line of the row before it. */
  wrapped: z.boolean(),
});
export type BodyRow = z.infer<typeof bodyRowSchema>;

export const MAX_ROWS_PER_READ = 2_000;

export const readBodyRowsInputSchema = z
  .object({
    bodyId: bodyIdSchema,
    /** 0-based; a row past the end reads the last rows. */
    fromRow: z.number().int().min(0),
    count: z.number().int().min(1).max(MAX_ROWS_PER_READ),
  })
  .strict();

export const bodyRowsSchema = z.object({
  /** The first row returned (fromRow, clipped to the body). */
  fromRow: z.number().int(),
  rows: z.array(bodyRowSchema),
});
export type BodyRows = z.infer<typeof bodyRowsSchema>;

export const searchBodyInputSchema = z
  .object({
    bodyId: bodyIdSchema,
    query: z.string().min(1).max(1_000),
    /** Off by default; case folding applies to ASCII letters. */
    caseSensitive: z.boolean().default(false),
    maxResults: z.number().int().min(1).max(10_000).default(1_000),
  })
  .strict();

export const bodySearchResultSchema = z.object({
  /** Up to maxResults matches, in order: 0-based display row and UTF-16 column within its text. */
  matches: z.array(z.object({ row: z.number().int(), column: z.number().int() })),
  /** Every match in the body, listed or not. */
  total: z.number().int(),
  /** False when the search stopped at its time limit before the end of the body. */
  complete: z.boolean(),
});
export type BodySearchResult = z.infer<typeof bodySearchResultSchema>;

export const saveBodyInputSchema = z
  .object({
    bodyId: bodyIdSchema,
    /** The name the save dialog proposes; the user chooses the folder. */
    suggestedName: suggestedNameSchema,
  })
  .strict();
