import { suggestedNameSchema } from '../files/file-ref';
import { z } from 'zod';

/**
 * Large bodies stay on the main side, in a temporary file; the renderer holds only their id and
 * asks for windows of rows, searches and copies through the contract.
 */
export const bodyIdSchema = z
  .string()
  .regex(/^b[0-9a-f]{24}$/, 'is not a body id Lantern gave out (it should come from a response)');

/** A body still being made: whole percent of its source done (below 100 until it is complete). */
const makingSchema = z.object({ percent: z.number().int().min(0).max(99) });

/** Columns of the viewer's rows: a longer line wraps into rows of at most this many bytes. */
export const MIN_ROW_WIDTH = 8;
export const MAX_ROW_WIDTH = 2048;

export const storedBodySchema = z.object({
  id: bodyIdSchema,
  /** Bytes kept on disk (decoded). */
  bytes: z.number().int(),
  /**
   * Display rows: the body's lines, with each line longer than 2 KB cut into several rows so a
   * minified body can be shown in pieces (the viewer reads rows as wide as its pane instead).
   */
  rows: z.number().int(),
  lines: z.number().int(),
  /** Set when the body was larger than Lantern's temporary-space limit and only its start was kept. */
  cut: z.boolean().optional(),
  /** Set while the body is still being made (a pretty copy streaming in): how much is done. */
  making: makingSchema.optional(),
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
    /**
     * Bytes per row (the columns the viewer shows): longer lines wrap into several rows, cut
     * between UTF-8 characters. Rows of 2 KB when not given. Row numbers depend on it.
     */
    width: z.number().int().min(MIN_ROW_WIDTH).max(MAX_ROW_WIDTH).optional(),
  })
  .strict();

export const bodyRowsSchema = z.object({
  /** The first row returned (fromRow, clipped to the body). */
  fromRow: z.number().int(),
  rows: z.array(bodyRowSchema),
  /** Rows of the body at this width (so far, while it is being made; its last row may still grow). */
  totalRows: z.number().int(),
  lines: z.number().int(),
  /** Bytes of the body (so far). */
  bytes: z.number().int(),
  making: makingSchema.optional(),
});
export type BodyRows = z.infer<typeof bodyRowsSchema>;

export const searchBodyInputSchema = z
  .object({
    bodyId: bodyIdSchema,
    query: z.string().min(1).max(1_000),
    /** Off by default; case folding applies to ASCII letters. */
    caseSensitive: z.boolean().default(false),
    maxResults: z.number().int().min(1).max(10_000).default(1_000),
    /** The row width the matches' rows are given in (as `readBodyRows`'s `width`). */
    width: z.number().int().min(MIN_ROW_WIDTH).max(MAX_ROW_WIDTH).optional(),
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
