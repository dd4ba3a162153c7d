import type { BodyCalls } from '../../../shared/calls/body-calls';
import type { Handlers } from '../../../shared/contract';
import { prettyCopy, searchStoredBody } from '../engine/body-files';
import { BodyStore, readRange, summarize } from '../engine/body-store';
import type { FileAccess } from '../files/file-access';
import { saveWithDialog } from '../files/save-files';

export type BodyHandlers = Pick<Handlers, keyof BodyCalls>;

/** How much of a large body one `readBodyBytes` call returns (base64 keeps it under the 8 MB call limit). */
export const BODY_CHUNK_BYTES = 4 * 1024 * 1024;

/** The handlers of shared/calls/body-calls.ts: large bodies kept in `store` (none when it is undefined). */
export function bodyHandlers(kept: BodyStore | undefined, files: FileAccess): BodyHandlers {
  const store = kept ?? new BodyStore({ maxTotalBytes: 0 });
  return {
    readBodyRows: ({ bodyId, fromRow, count, width }) => store.readRows(bodyId, fromRow, count, width),
    searchBody: (input) => searchStoredBody(store, input),
    prettyBody: async ({ bodyId }) => summarize(await prettyCopy(store, store.get(bodyId))),
    saveBody: async ({ bodyId, suggestedName }) => {
      const entry = store.get(bodyId);
      const { saved, name, bytes } = await saveWithDialog(files, {
        title: 'Save the response body',
        suggestedName,
        content: { copyOf: entry.file, bytes: entry.bytes },
      });
      return { saved, name, bytes };
    },
    readBodyBytes: async ({ bodyId, offset }) => {
      const entry = store.get(bodyId);
      const end = Math.min(entry.bytes, offset + BODY_CHUNK_BYTES);
      const bytes = offset >= entry.bytes ? Buffer.alloc(0) : await readRange(entry.file, offset, end);
      return {
        data: bytes.toString('base64'),
        total: entry.bytes,
        ...(end < entry.bytes ? { nextOffset: end } : {}),
      };
    },
    releaseBody: async ({ bodyId }) => ({ released: await store.release(bodyId) }),
  };
}
