/** Large response bodies kept on disk by the main side. */
import { z } from 'zod';

import {
  bodyIdSchema,
  bodyRowsSchema,
  bodySearchResultSchema,
  readBodyRowsInputSchema,
  saveBodyInputSchema,
  searchBodyInputSchema,
  storedBodySchema,
} from '../model/body';
import { saveOutcomeSchema } from '../files/file-ref';

export const bodyCalls = {
  /**
   * A window of a large body's display rows. Large bodies (`response.body.stored`) stay on the
   * main side; the renderer never holds more of them than it shows.
   */
  readBodyRows: {
    input: readBodyRowsInputSchema,
    output: bodyRowsSchema,
  },
  /** Finds text in a large body, streaming over it on the main side, with a time limit. */
  searchBody: {
    input: searchBodyInputSchema,
    output: bodySearchResultSchema,
  },
  /**
   * A pretty-printed copy of a large JSON body, kept as another body (made once, then reused).
   * Answers once its first rows are readable; the rest is formatted behind (`making` in the
   * answer and in `readBodyRows` says how far). Fails with code `body.not-json` and the place of
   * the first error when the body is not JSON (an error found later fails the copy's reads).
   */
  prettyBody: {
    input: z.object({ bodyId: bodyIdSchema }).strict(),
    output: storedBodySchema,
  },
  /** Writes a large body where the user chooses in the OS save dialog (desktop app only). */
  saveBody: {
    input: saveBodyInputSchema,
    output: saveOutcomeSchema,
  },
  /** Browser mode's download of a large body: its bytes, base64, 4 MB at a time from `offset`. */
  readBodyBytes: {
    input: z.object({ bodyId: bodyIdSchema, offset: z.number().int().min(0) }).strict(),
    output: z.object({ data: z.string(), total: z.number().int(), nextOffset: z.number().int().optional() }),
  },
  /** Forgets a large body and deletes its temporary file; `released` is false when it was already gone. */
  releaseBody: {
    input: z.object({ bodyId: bodyIdSchema }).strict(),
    output: z.object({ released: z.boolean() }),
  },
} as const;
export type BodyCalls = typeof bodyCalls;
