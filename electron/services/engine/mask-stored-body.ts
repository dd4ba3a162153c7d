import { createReadStream } from 'node:fs';
import type { StoredBody } from '../../../shared/model/body';
import { LanternError } from '../../../shared/model/result';
import { summarize, type BodyStore } from './body-store';
import { StreamMasker } from './stream-masker';

const READ_CHUNK_BYTES = 1 << 20;

/**
 * Makes a stored (large) body safe to hand out: its rows, search hits, pretty copy and saved
 * file must hide the exchange's secrets as the inline body does. When the file holds none of
 * them it is kept as it is (one read, no write); otherwise a masked copy replaces it and the
 * raw file is deleted. Rows, lines, bytes and search columns then describe the masked text —
 * what the viewer shows — so no offset has to be translated, at the cost of `bytes` no longer
 * being the size received (the status line gives that from the exchange's own sizes).
 * Resolves to undefined when the copy could not be written: the raw body is dropped too.
 * Rejects with `body.unreadable` when the kept file cannot be read back: it is dropped as well,
 * since an unread file cannot be known to be free of secrets.
 */
export async function maskStoredBody(
  store: BodyStore,
  stored: StoredBody,
  secrets: readonly string[],
): Promise<StoredBody | undefined> {
  if (!new StreamMasker(secrets).active) return stored;
  const entry = store.get(stored.id);
  let found: boolean;
  try {
    found = await containsAny(entry.file, secrets);
  } catch (error) {
    await store.release(stored.id);
    throw unreadable(error);
  }
  if (!found) return stored;
  const masker = new StreamMasker(secrets);
  const writer = await store.begin(undefined, entry.decode).catch(() => undefined);
  if (!writer) {
    await store.release(stored.id);
    return undefined;
  }
  const source = createReadStream(entry.file, { highWaterMark: READ_CHUNK_BYTES });
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (!writer.write(masker.push(chunk))) await new Promise<void>((resolve) => writer.onDrain(resolve));
    }
    writer.write(masker.end());
    const copy = store.get((await writer.finish()).id);
    copy.cut ||= entry.cut;
    return summarize(copy);
  } catch {
    await writer.abort();
    return undefined;
  } finally {
    source.destroy();
    await store.release(stored.id);
  }
}

function unreadable(error: unknown): LanternError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message ?? String(error);
  return new LanternError(
    'body.unreadable',
    `Lantern could not read back the large response body it had saved to a temporary file (${reason}), so it could not hide your secrets in it and discarded it rather than show it unmasked. Send the request again; if this repeats, check that the temporary folder has free space and was not cleaned while Lantern was running.`,
  );
}

/** Whether any secret occurs in the file; stops at the first one found. */
async function containsAny(file: string, secrets: readonly string[]): Promise<boolean> {
  const needles = [...new Set(secrets)].filter((s) => s.length >= 4).map((s) => Buffer.from(s, 'utf8'));
  const keep = Math.max(0, ...needles.map((n) => n.length - 1));
  let carry = Buffer.alloc(0);
  const source = createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      const window = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      if (needles.some((needle) => window.includes(needle))) return true;
      carry = Buffer.from(window.subarray(Math.max(0, window.length - keep)));
    }
    return false;
  } finally {
    source.destroy();
  }
}
