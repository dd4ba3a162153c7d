import { z } from 'zod';
import { historySummarySchema } from '../../../shared/model/history';

/** One line of the index: the summary the list shows and the entry file's size, for the total cap. */
export const indexRowSchema = z.object({
  summary: historySummarySchema,
  bytes: z.number().int().nonnegative(),
});
export type IndexRow = z.infer<typeof indexRowSchema>;

/** `index.json`: every entry's summary, oldest first, so listing history never reads a body. */
export const indexFileSchema = z.object({
  version: z.literal(1),
  entries: z.array(indexRowSchema),
});
