import { createReadStream } from 'node:fs';
import { LanternError } from '../../../shared/model/result';
import { searchFile } from './body-search';
import type { BodyStore, StoredEntry } from './body-store';
import { JsonPrettyPrinter, JsonSyntaxError } from './json-pretty';

/** What is done with a large body kept on disk: search it, pretty-print it, save a copy. */
const SEARCH_TIME_LIMIT_MS = 15_000;
const READ_CHUNK_BYTES = 1 << 20;

/** The pretty copy of a JSON body: made once, then reused while it is kept. */
export function prettyCopy(store: BodyStore, entry: StoredEntry): Promise<StoredEntry> {
  const existing = entry.pretty;
  if (existing) {
    return existing
      .then((copy) => store.get(copy.id))
      .catch((error: unknown) => {
        if (error instanceof LanternError && error.code === 'body.unknown') {
          entry.pretty = undefined;
          return prettyCopy(store, entry);
        }
        throw error;
      });
  }
  entry.pretty = formatInto(store, entry);
  return entry.pretty;
}

async function formatInto(store: BodyStore, entry: StoredEntry): Promise<StoredEntry> {
  const writer = await store.begin();
  const printer = new JsonPrettyPrinter();
  const stream = createReadStream(entry.file, { highWaterMark: READ_CHUNK_BYTES });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const formatted = printer.push(chunk);
      if (!writer.write(Buffer.from(formatted.buffer, formatted.byteOffset, formatted.length))) {
        await new Promise<void>((resolve) => writer.onDrain(resolve));
      }
    }
    const last = printer.end();
    writer.write(Buffer.from(last.buffer, last.byteOffset, last.length));
  } catch (error) {
    await writer.abort();
    if (error instanceof JsonSyntaxError) {
      const cut = entry.cut ? ' Only the start of this body was kept, so it cannot be complete JSON.' : '';
      throw new LanternError('body.not-json', `${error.message}${cut} The raw view shows it as received.`);
    }
    throw error;
  } finally {
    stream.destroy();
  }
  const summary = await writer.finish();
  return store.get(summary.id);
}

/** Searches a kept body's file on the main side, with a time limit. */
export function searchStoredBody(
  store: BodyStore,
  {
    bodyId,
    query,
    caseSensitive,
    maxResults,
  }: { bodyId: string; query: string; caseSensitive: boolean; maxResults: number },
) {
  const entry = store.get(bodyId);
  return searchFile(entry.file, {
    query,
    caseSensitive,
    maxResults,
    timeLimitMs: SEARCH_TIME_LIMIT_MS,
    maxRowBytes: store.maxRowBytes,
    decode: entry.decode,
  });
}

/** Copies a kept body to a file the user named; plain words when it cannot. */
