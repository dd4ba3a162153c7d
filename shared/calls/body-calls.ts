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
   * Fails with code `body.not-json` and the place of the first error when the body is not JSON.
   */
  prettyBody: {
    input: z.object({ bodyId: bodyIdSchema }).strict(),
    output: storedBodySchema,
  },
  /** Writes a large body to a file (the main side writes; the renderer names the path). */
  saveBody: {
    input: saveBodyInputSchema,
    output: z.object({ path: z.string(), bytes: z.number().int() }),
  },
  /** Forgets a large body and deletes its temporary file; `released` is false when it was already gone. */
  releaseBody: {
    input: z.object({ bodyId: bodyIdSchema }).strict(),
    output: z.object({ released: z.boolean() }),
  },
} as const;
export type BodyCalls = typeof bodyCalls;
