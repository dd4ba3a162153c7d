import type { BodyCalls } from '../../../shared/calls/body-calls';
import type { Handlers } from '../../../shared/contract';
import { prettyCopy, saveBodyCopy, searchStoredBody } from '../engine/body-files';
import { BodyStore, summarize } from '../engine/body-store';

export type BodyHandlers = Pick<Handlers, keyof BodyCalls>;

/** The handlers of shared/calls/body-calls.ts: large bodies kept in `store` (none when it is undefined). */
export function bodyHandlers(kept: BodyStore | undefined): BodyHandlers {
  const store = kept ?? new BodyStore({ maxTotalBytes: 0 });
  return {
    readBodyRows: ({ bodyId, fromRow, count }) => store.readRows(bodyId, fromRow, count),
    searchBody: (input) => searchStoredBody(store, input),
    prettyBody: async ({ bodyId }) => summarize(await prettyCopy(store, store.get(bodyId))),
    saveBody: ({ bodyId, path }) => saveBodyCopy(store, bodyId, path),
    releaseBody: async ({ bodyId }) => ({ released: await store.release(bodyId) }),
  };
}
