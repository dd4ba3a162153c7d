import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { LanternError } from '../../../shared/model/result';
import { scanFile } from './body-search';
import type { BodyStore, Making, StoredEntry } from './body-store';
import { JsonPrettyPrinter, JsonSyntaxError } from './json-pretty';
import { rowAt, type RowSpan } from './row-index';

/** What is done with a large body kept on disk: search it, pretty-print it, save a copy. */
const SEARCH_TIME_LIMIT_MS = 15_000;
const READ_CHUNK_BYTES = 1 << 20;

/**
 * The pretty copy of a JSON body: made once, then reused while it is kept. A copy that failed
 * for any reason but a syntax error (a full disk, a stop) is forgotten, so the next ask tries again.
 */
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
  const made = formatInto(store, entry);
  entry.pretty = made;
  const forget = (failure: unknown) => {
    const lasting = failure instanceof LanternError && failure.code === 'body.not-json';
    if (!lasting && entry.pretty === made) entry.pretty = undefined;
  };
  made.then(async (copy) => {
    await copy.making?.done;
    if (copy.failure) forget(copy.failure);
  }, forget);
  return made;
}

/**
 * Formats `entry` into a new body that is readable while it grows: resolves once its first
 * chunk is on disk (or it is complete), then formatting goes on behind, with its progress kept
 * on the copy. A syntax error found later is kept on the copy as its failure.
 */
async function formatInto(store: BodyStore, entry: StoredEntry): Promise<StoredEntry> {
  const writer = await store.begin(undefined, entry.decode);
  let settle = () => {};
  const copy = writer.live(new Promise<void>((resolve) => (settle = resolve)));
  const making = copy.making as Making;
  let first: (() => void) | undefined;
  const started = new Promise<void>((resolve) => (first = resolve));
  const formatting = (async () => {
    const printer = new JsonPrettyPrinter();
    const stream = createReadStream(entry.file, { highWaterMark: READ_CHUNK_BYTES });
    let read = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        const formatted = printer.push(chunk);
        const more = writer.write(Buffer.from(formatted.buffer, formatted.byteOffset, formatted.length));
        read += chunk.length;
        making.progress = entry.bytes > 0 ? read / entry.bytes : 0;
        if (first) {
          await writer.written();
          first();
          first = undefined;
        }
        if (!more) await new Promise<void>((resolve) => writer.onDrain(resolve));
        // A turn for the event loop between chunks: reads of the rows made so far answer meanwhile.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      const last = printer.end();
      writer.write(Buffer.from(last.buffer, last.byteOffset, last.length));
    } finally {
      stream.destroy();
    }
    await writer.finish();
  })();
  const failed = formatting.then(
    () => undefined,
    async (error: unknown) => {
      const failure = notJson(error, entry);
      await writer.abort(failure);
      return failure;
    },
  );
  void failed.then(settle);
  const failure = await Promise.race([started.then(() => undefined), failed]);
  if (failure) throw failure;
  return copy;
}

function notJson(error: unknown, entry: StoredEntry): LanternError {
  if (error instanceof JsonSyntaxError) {
    const cut = entry.cut ? ' Only the start of this body was kept, so it cannot be complete JSON.' : '';
    return new LanternError('body.not-json', `${error.message}${cut} The raw view shows it as received.`);
  }
  if (error instanceof LanternError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new LanternError('body.pretty-failed', `Lantern could not pretty-print this body (${message}).`);
}

/**
 * Searches a kept body's file on the main side, with a time limit, and places the listed matches
 * in the rows of `width` (the viewer's). A body still being made is searched once it is complete.
 */
export async function searchStoredBody(
  store: BodyStore,
  {
    bodyId,
    query,
    caseSensitive,
    maxResults,
    width,
  }: { bodyId: string; query: string; caseSensitive: boolean; maxResults: number; width?: number },
) {
  await store.get(bodyId).making?.done;
  // The time limit is the scan's own: waiting for a pretty copy to be finished does not use it.
  const started = Date.now();
  const entry = store.get(bodyId);
  const scan = await scanFile(entry.file, {
    query,
    caseSensitive,
    maxResults,
    timeLimitMs: Math.max(0, SEARCH_TIME_LIMIT_MS - (Date.now() - started)),
  });
  const matches = await placeMatches(store, entry, scan.offsets, width ?? store.maxRowBytes);
  return { matches, total: scan.total, complete: scan.complete };
}

/** Row and UTF-16 column of each byte offset, from the nearest row-index checkpoint before it. */
async function placeMatches(store: BodyStore, entry: StoredEntry, offsets: number[], width: number) {
  const index = await store.layout(entry, width);
  const matches: { row: number; column: number }[] = [];
  const handle = await open(entry.file, 'r');
  try {
    let held: { span: RowSpan; bytes: Buffer } | undefined;
    for (const offset of offsets) {
      const span = index.checkpointBefore(offset);
      // Up to the next checkpoint, and past it when a match runs over it.
      const end = Math.min(index.bytes, Math.max(span.endOffset, offset + 4));
      if (!held || held.span.startOffset !== span.startOffset || held.span.endOffset < end) {
        const bytes = Buffer.alloc(end - span.startOffset);
        const { bytesRead } = await handle.read(bytes, 0, bytes.length, span.startOffset);
        held = { span: { ...span, endOffset: end }, bytes: bytes.subarray(0, bytesRead) };
      }
      const at = offset - span.startOffset;
      const { row, start } = rowAt(
        held.bytes.subarray(0, Math.min(held.bytes.length, at + 4)),
        span,
        at,
        width,
      );
      matches.push({ row, column: entry.decode(held.bytes.subarray(start, at)).length });
    }
  } finally {
    await handle.close();
  }
  return matches;
}

/** Copies a kept body to a file the user named; plain words when it cannot. */
