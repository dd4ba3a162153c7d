import { z } from 'zod';
import { historySummarySchema } from '../../../shared/model/history';

/** A segment file's name: `<time>-<random>.jsonl` in `entries/`, never a path. */
export const SEGMENT_NAME = /^[0-9a-z]+-[0-9a-f]+\.jsonl$/;

/**
 * One line of the index: the summary the list shows and the entry's size, for the total cap. An
 * entry written since issue 17 is a line of a segment file (`file`, at byte `offset`, `bytes`
 * long); an older one is its own file, `entries/<id>.json`.
 */
export const indexRowSchema = z.object({
  summary: historySummarySchema,
  bytes: z.number().int().nonnegative(),
  file: z.string().regex(SEGMENT_NAME).optional(),
  offset: z.number().int().nonnegative().optional(),
});
export type IndexRow = z.infer<typeof indexRowSchema>;

/**
 * `index.json`: every entry's summary, oldest first, so listing history never reads a body; and
 * how many bytes of each segment it covers (a start reads only what was appended after that).
 */
export const indexFileSchema = z.object({
  version: z.literal(1),
  entries: z.array(indexRowSchema),
  segments: z.record(z.string().regex(SEGMENT_NAME), z.number().int().nonnegative()).optional(),
});
