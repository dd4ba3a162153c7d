import { finished } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StoredBody } from '../../../shared/model/body';
import { LanternError } from '../../../shared/model/result';
import { MAX_ROW_BYTES, RowIndex, rowsOf, type Row } from './row-index';

/** A body still being made (a pretty copy streaming in): readable up to `durable` bytes. */
export interface Making {
  /** Share of the source done, 0–1. */
  progress: number;
  /** Settles when the body is complete or has failed. */
  done: Promise<void>;
}

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
  /** Bytes written to the file so far: rows are read only from these. */
  durable: number;
  making?: Making;
  /** Why a body being made stopped (its rows can no longer be read). */
  failure?: LanternError;
  /** Row indexes for other row widths (the pane's columns), built from the file when asked. */
  layouts: Map<number, Layout>;
}

/** What `readRows` answers: the rows, and the body's row count at that width so far. */
export interface RowWindow {
  fromRow: number;
  rows: Row[];
  totalRows: number;
  lines: number;
  bytes: number;
  making?: { percent: number };
}

const READ_CHUNK_BYTES = 1 << 20;
/** Widths whose row indexes are kept per body (a resize asks for a new one). */
const KEPT_LAYOUTS = 3;

/**
 * The rows of a body at one width, indexed by reading its file: from the start when first asked
 * (about 0.2 s for 100 MB), then only the bytes added since (a body still being made).
 */
export class Layout {
  readonly index: RowIndex;
  private reading: Promise<void> = Promise.resolve();

  constructor(readonly width: number) {
    this.index = new RowIndex(width);
  }

  /** Indexes bytes as they are written (a body not readable before it is complete). */
  push(chunk: Buffer): void {
    this.index.push(chunk);
  }

  /** Indexes the file up to `upTo` bytes; calls are queued, so each byte is read once. */
  catchUp(file: string, upTo: number): Promise<RowIndex> {
    this.reading = this.reading.then(async () => {
      if (this.index.bytes >= upTo) return;
      const stream = createReadStream(file, {
        start: this.index.bytes,
        end: upTo - 1,
        highWaterMark: READ_CHUNK_BYTES,
      });
      for await (const chunk of stream as AsyncIterable<Buffer>) this.index.push(chunk);
    });
    return this.reading.then(() => this.index);
  }
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
  ...(entry.making ? { making: { percent: percentOf(entry.making) } } : {}),
});

/** Whole percent done, never 100 while the body is still being made. */
/** Bytes a body holds on disk: none while counted as its writer, or once its making failed. */
const onDisk = (entry: StoredEntry) => (entry.making || entry.failure ? 0 : entry.bytes);

const percentOf = (making: Making) => Math.min(99, Math.floor(making.progress * 100));

/**
 * Large response bodies on disk, each with a row index built while it streams in. They live as
 * long as this process: the folder is removed on close, and folders left by a crashed process
 * are removed the next time one is made.
 */
export class BodyStore {
  readonly maxTotalBytes: number;
  readonly maxRowBytes: number;
  private readonly entries = new Map<string, StoredEntry>();
  /**
   * The row width the viewer last asked for: bodies that arrive next are indexed at it as they
   * stream in, so their first rows need no second pass over the file.
   */
  viewerWidth: number | undefined;
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

  /** The body with this id, or a plain-words error when it is gone or its making failed. */
  get(id: string): StoredEntry {
    const entry = this.entries.get(id);
    if (entry?.failure) throw entry.failure;
    if (!entry) {
      throw new LanternError(
        'body.unknown',
        'This response body is no longer available: Lantern keeps large bodies on disk only while it runs, and removes the oldest when they pass the size limit. Send the request again to see it.',
      );
    }
    return entry;
  }

  /**
   * Rows [fromRow, fromRow + count) of a body cut into rows of at most `width` bytes (the columns
   * the viewer shows; 2 KB rows when not given), clipped to its end, or to what is on disk of a
   * body still being made.
   */
  async readRows(id: string, fromRow: number, count: number, width = this.maxRowBytes): Promise<RowWindow> {
    const entry = this.get(id);
    if (width !== this.maxRowBytes) this.viewerWidth = width;
    // Taken before the wait: a body finished meanwhile is still "being made" in this answer,
    // as its rows were read only up to what was on disk; the next read sees it whole.
    const making = entry.making && { percent: percentOf(entry.making) };
    const index = await this.layout(entry, width);
    // The index may have grown while waiting; read no further than it has seen.
    const rows = index.rows;
    const from = Math.min(fromRow, rows - 1);
    const wanted = Math.min(count, rows - from);
    const span = index.span(from, wanted);
    const bytes = await readRange(entry.file, span.startOffset, span.endOffset);
    this.get(id); // a failure while reading is reported, not a half-read window
    return {
      fromRow: from,
      rows: rowsOf(bytes, span, from, wanted, entry.decode, width),
      totalRows: rows,
      lines: index.lines,
      bytes: index.bytes,
      ...(making ? { making } : {}),
    };
  }

  /** The row index of a body at `width`, caught up with what is on disk. */
  async layout(entry: StoredEntry, width: number): Promise<RowIndex> {
    if (!entry.making && width === this.maxRowBytes) return entry.index;
    let layout = entry.layouts.get(width);
    if (layout) entry.layouts.delete(width);
    else layout = new Layout(width);
    // Map order is age order: the youngest last, the oldest dropped past KEPT_LAYOUTS.
    entry.layouts.set(width, layout);
    for (const old of entry.layouts.keys()) {
      if (entry.layouts.size <= KEPT_LAYOUTS) break;
      entry.layouts.delete(old);
    }
    return layout.catchUp(entry.file, entry.durable);
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
    for (const entry of this.entries.values()) total += onDisk(entry);
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
      if (entry.making) continue; // counted, and kept, as its writer
      total -= onDisk(entry);
      void this.release(entry.id);
    }
    return total + extra <= this.maxTotalBytes;
  }

  /** Called by a writer that finished, or that is readable while it writes (`live`). */
  adopt(writer: BodyWriter, entry: StoredEntry | undefined, finished = true): void {
    if (finished) this.writing.delete(writer);
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
  private readonly entry: StoredEntry;
  private readonly stream: WriteStream;
  private failed: Error | undefined;
  private lastWrite: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: BodyStore,
    readonly id: string,
    file: string,
    decode: (bytes: Buffer) => string,
  ) {
    this.entry = {
      id,
      file,
      bytes: 0,
      index: new RowIndex(store.maxRowBytes),
      cut: false,
      decode,
      durable: 0,
      layouts: new Map(),
    };
    this.stream = createWriteStream(file, { flags: 'wx', mode: 0o600, highWaterMark: WRITE_BUFFER_BYTES });
    this.stream.on('error', (error) => (this.failed ??= error));
    const width = store.viewerWidth;
    if (width !== undefined) this.entry.layouts.set(width, new Layout(width));
  }

  get bytes(): number {
    return this.entry.bytes;
  }

  /**
   * Makes the body readable while it is written (up to the bytes on disk), with `progress` as
   * the share done; `done` settles when it is finished or aborted.
   */
  live(done: Promise<void>): StoredEntry {
    // Layouts of a live body are read from the file, up to what is on disk.
    this.entry.layouts.clear();
    this.entry.making = { progress: 0, done };
    this.store.adopt(this, this.entry, false);
    return this.entry;
  }

  /** Appends a chunk; false means "wait for `onDrain` before writing more". */
  write(chunk: Buffer): boolean {
    const entry = this.entry;
    if (entry.cut || this.failed) return true;
    if (!this.store.makeRoom(chunk.length)) {
      entry.cut = true;
      return true;
    }
    entry.bytes += chunk.length;
    entry.index.push(chunk);
    if (!entry.making) for (const layout of entry.layouts.values()) layout.push(chunk);
    let ready = true;
    this.lastWrite = new Promise<void>((resolve) => {
      ready = this.stream.write(chunk, (error) => {
        if (!error) entry.durable += chunk.length;
        resolve();
      });
    });
    return ready;
  }

  /** Settles once every chunk written so far is in the file. */
  written(): Promise<void> {
    return this.lastWrite;
  }

  onDrain(listener: () => void): void {
    this.stream.once('drain', listener);
  }

  /** Closes the file and makes the body readable; the summary the renderer gets. */
  async finish(): Promise<StoredBody> {
    await new Promise<void>((resolve) => this.stream.end(() => resolve()));
    if (this.failed) {
      const failure = new LanternError(
        'body.store-failed',
        `Lantern could not keep this large body on disk (${this.failed.message}). Free some disk space in the temporary folder and send again.`,
      );
      await this.abort(failure);
      throw failure;
    }
    const entry = this.entry;
    entry.durable = entry.bytes;
    entry.making = undefined;
    this.store.adopt(this, entry);
    return summarize(entry);
  }

  /**
   * Drops what was written (a cancelled or failed download). A live body stopped by a syntax
   * error keeps its entry with `failure`, so readers learn why it stopped; any other is forgotten
   * (a full disk or a stop need not last), so the next ask makes it anew.
   */
  async abort(failure?: LanternError): Promise<void> {
    const entry = this.entry;
    if (entry.making) {
      entry.failure = failure ?? new LanternError('body.aborted', 'Lantern stopped making this body.');
      entry.making = undefined;
    }
    this.stream.destroy();
    // Its file may still be opening: removed before the stream closes, it would be created after.
    await finished(this.stream).catch(() => undefined);
    this.store.adopt(this, undefined);
    if (entry.failure?.code !== 'body.not-json' && (await this.store.release(entry.id))) return;
    await rm(entry.file, { force: true }).catch(() => undefined);
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
