import { finished } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StoredBody } from '../../../shared/model/body';
import { LanternError } from '../../../shared/model/result';
import { MAX_ROW_BYTES, RowIndex, rowsOf, type Row } from './row-index';

export interface BodyStoreOptions {
  /** Where the files go; a fresh folder under os.tmpdir()/lantern-bodies unless given. */
  dir?: string;
  /** Stored bodies together stay under this; the oldest are removed to make room. */
  maxTotalBytes?: number;
  maxRowBytes?: number;
}

/** What the store knows of one body; the bytes themselves stay on disk. */
export interface StoredEntry {
  id: string;
  file: string;
  bytes: number;
  index: RowIndex;
  /** True when the body was larger than the store could hold and only its start was kept. */
  cut: boolean;
  decode: (bytes: Buffer) => string;
  /** The pretty-printed copy, once asked for. */
  pretty?: Promise<StoredEntry>;
}

const DEFAULT_MAX_TOTAL = 2 * 1024 ** 3;
const WRITE_BUFFER_BYTES = 4 * 1024 * 1024;

/** The summary the renderer gets. */
export const summarize = (entry: StoredEntry): StoredBody => ({
  id: entry.id,
  bytes: entry.bytes,
  rows: entry.index.rows,
  lines: entry.index.lines,
  ...(entry.cut ? { cut: true } : {}),
});

/**
 * Large response bodies on disk, each with a row index built while it streams in. They live as
 * long as this process: the folder is removed on close, and folders left by a crashed process
 * are removed the next time one is made.
 */
export class BodyStore {
  readonly maxTotalBytes: number;
  readonly maxRowBytes: number;
  private readonly entries = new Map<string, StoredEntry>();
  private readonly writing = new Set<BodyWriter>();
  private dirReady: Promise<string> | undefined;
  private closed = false;

  constructor(private readonly options: BodyStoreOptions = {}) {
    this.maxTotalBytes = options.maxTotalBytes ?? DEFAULT_MAX_TOTAL;
    this.maxRowBytes = options.maxRowBytes ?? MAX_ROW_BYTES;
  }

  /**
   * Starts storing a body. `charset` is the one its Content-Type declared, if any; a copy of a
   * stored body passes the original's `decode` instead.
   */
  async begin(charset?: string, decode = decoderFor(charset)): Promise<BodyWriter> {
    if (this.closed)
      throw new LanternError('body.closed', 'Lantern is shutting down; the body was not kept.');
    const dir = await this.dir();
    const id = `b${randomBytes(12).toString('hex')}`;
    const writer = new BodyWriter(this, id, path.join(dir, `${id}.body`), decode);
    this.writing.add(writer);
    return writer;
  }

  /** The body with this id, or a plain-words error when it is gone. */
  get(id: string): StoredEntry {
    const entry = this.entries.get(id);
    if (!entry) {
      throw new LanternError(
        'body.unknown',
        'This response body is no longer available: Lantern keeps large bodies on disk only while it runs, and removes the oldest when they pass the size limit. Send the request again to see it.',
      );
    }
    return entry;
  }

  /** Rows [fromRow, fromRow + count) of a body, clipped to its end. */
  async readRows(id: string, fromRow: number, count: number): Promise<{ fromRow: number; rows: Row[] }> {
    const entry = this.get(id);
    const from = Math.min(fromRow, entry.index.rows - 1);
    const wanted = Math.min(count, entry.index.rows - from);
    const span = entry.index.span(from, wanted);
    const bytes = await readRange(entry.file, span.startOffset, span.endOffset);
    return { fromRow: from, rows: rowsOf(bytes, span, from, wanted, entry.decode, this.maxRowBytes) };
  }

  /** Forgets a body and deletes its file. */
  async release(id: string): Promise<boolean> {
    const entry = this.entries.get(id);
    if (!entry) return false;
    this.entries.delete(id);
    await rm(entry.file, { force: true }).catch(() => undefined);
    return true;
  }

  /** Bytes held by finished bodies and bodies being written. */
  totalBytes(): number {
    let total = 0;
    for (const entry of this.entries.values()) total += entry.bytes;
    for (const writer of this.writing) total += writer.bytes;
    return total;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const writer of this.writing) await writer.abort();
    this.entries.clear();
    if (this.dirReady) {
      const dir = await this.dirReady.catch(() => undefined);
      if (dir) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  /** Removes the oldest finished bodies until `extra` more bytes fit; false when they cannot. */
  makeRoom(extra: number): boolean {
    let total = this.totalBytes();
    for (const entry of this.entries.values()) {
      if (total + extra <= this.maxTotalBytes) break;
      total -= entry.bytes;
      void this.release(entry.id);
    }
    return total + extra <= this.maxTotalBytes;
  }

  /** Called by a writer that finished. */
  adopt(writer: BodyWriter, entry: StoredEntry | undefined): void {
    this.writing.delete(writer);
    if (entry && !this.closed) this.entries.set(entry.id, entry);
  }

  private dir(): Promise<string> {
    this.dirReady ??= (async () => {
      if (this.options.dir) {
        await mkdir(this.options.dir, { recursive: true, mode: 0o700 });
        return this.options.dir;
      }
      const root = path.join(tmpdir(), 'lantern-bodies');
      await mkdir(root, { recursive: true, mode: 0o700 });
      await sweepAbandoned(root);
      const dir = path.join(root, `${process.pid}-${randomBytes(4).toString('hex')}`);
      await mkdir(dir, { mode: 0o700 });
      return dir;
    })();
    return this.dirReady;
  }
}

/** Writes one body to its file, indexing rows as the chunks pass. */
export class BodyWriter {
  bytes = 0;
  private readonly index: RowIndex;
  private readonly stream: WriteStream;
  private cut = false;
  private failed: Error | undefined;

  constructor(
    private readonly store: BodyStore,
    readonly id: string,
    private readonly file: string,
    private readonly decode: (bytes: Buffer) => string,
  ) {
    this.index = new RowIndex(store.maxRowBytes);
    this.stream = createWriteStream(file, { flags: 'wx', mode: 0o600, highWaterMark: WRITE_BUFFER_BYTES });
    this.stream.on('error', (error) => (this.failed ??= error));
  }

  /** Appends a chunk; false means "wait for `onDrain` before writing more". */
  write(chunk: Buffer): boolean {
    if (this.cut || this.failed) return true;
    if (!this.store.makeRoom(chunk.length)) {
      this.cut = true;
      return true;
    }
    this.bytes += chunk.length;
    this.index.push(chunk);
    return this.stream.write(chunk);
  }

  onDrain(listener: () => void): void {
    this.stream.once('drain', listener);
  }

  /** Closes the file and makes the body readable; the summary the renderer gets. */
  async finish(): Promise<StoredBody> {
    await new Promise<void>((resolve) => this.stream.end(() => resolve()));
    if (this.failed) {
      await this.abort();
      throw new LanternError(
        'body.store-failed',
        `Lantern could not keep this large body on disk (${this.failed.message}). Free some disk space in the temporary folder and send again.`,
      );
    }
    const entry: StoredEntry = {
      id: this.id,
      file: this.file,
      bytes: this.bytes,
      index: this.index,
      cut: this.cut,
      decode: this.decode,
    };
    this.store.adopt(this, entry);
    return summarize(entry);
  }

  /** Drops what was written (a cancelled or failed download). */
  async abort(): Promise<void> {
    this.stream.destroy();
    // Its file may still be opening: removed before the stream closes, it would be created after.
    await finished(this.stream).catch(() => undefined);
    this.store.adopt(this, undefined);
    await rm(this.file, { force: true }).catch(() => undefined);
  }
}

export async function readRange(file: string, start: number, end: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(end - start);
    let read = 0;
    while (read < buffer.length) {
      const { bytesRead } = await handle.read(buffer, read, buffer.length - read, start + read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return buffer.subarray(0, read);
  } finally {
    await handle.close();
  }
}

function decoderFor(charset: string | undefined): (bytes: Buffer) => string {
  const name = charset?.toLowerCase();
  if (!name || name === 'utf-8' || name === 'utf8') return (bytes) => bytes.toString('utf8');
  try {
    const decoder = new TextDecoder(name);
    return (bytes) => decoder.decode(bytes);
  } catch {
    return (bytes) => bytes.toString('utf8');
  }
}

/** Folders named `<pid>-…` whose process is gone were left by a crash: remove them. */
async function sweepAbandoned(root: string): Promise<void> {
  const names = await readdir(root).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(/^(\d+)-/.exec(name)?.[1]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    await rm(path.join(root, name), { recursive: true, force: true }).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
