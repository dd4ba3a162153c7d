import { randomBytes } from 'node:crypto';
import { writeSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import {
  historyEntrySchema,
  historyIdSchema,
  type HistoryEntry,
  type HistoryProblem,
  type HistorySummary,
} from '../../../shared/model/history';
import type { RequestDraft } from '../../../shared/model/request';
import type { Exchange } from '../../../shared/model/response';
import { LanternError, type CallError } from '../../../shared/model/result';
import { isTempFile, syncDirectory, writeFileAtomic } from '../files/atomic-file';
import { indexFileSchema, SEGMENT_NAME, type IndexRow } from './history-index';
import { keepBodiesWithin } from './body-limit';
import { redactEntry } from './redact-entry';

const MB = 1024 * 1024;
const MAX_PROBLEMS = 100;
/** The index is saved at most this often while recording (and on flush); a start recovers the rest. */
const INDEX_DELAY_MS = 1_000;
/**
 * An fsync starts at most this long after the previous one started: one per send (each waking a
 * thread-pool thread) cost ~0.06–0.1 ms of every small send at load 10, and what it covers was
 * already acknowledged (kill -9 cannot lose it); only a power cut's window grows, by this much.
 */
const SYNC_GAP_MS = 20;

export interface HistoryStoreOptions {
  /** The folder history lives in, e.g. `<dataDir>/history`; created when missing. */
  dir: string;
  maxTotalBytes?: number;
  maxEntries?: number;
  /** A request or response body larger than this is not kept; the entry says so. */
  maxBodyBytes?: number;
  /** A segment takes new entries until it is this large (default 4 MB). */
  segmentBytes?: number;
  now?: () => Date;
}

export interface RecordInput {
  /** The draft as sent, before `{{variables}}` are resolved (its folders' auth, headers and values in it). */
  draft: RequestDraft;
  environmentId?: string;
  /** The history row's name: the saved request's, or the GraphQL operation's (`historyName`). */
  name?: string;
  /** The saved request it was sent as (a history re-send applies its folders again). */
  origin?: HistoryEntry['origin'];
  /** The exchange as returned to the renderer (request already masked). Absent when the send failed. */
  exchange?: Exchange;
  error?: CallError;
  /** Every secret value the send used or could have used: masked wherever it appears. */
  secrets: readonly string[];
}

interface PendingRecord {
  id: string;
  at: Date;
  input: RecordInput;
  written: () => void;
}

/** The segment this store appends to: created by this store, never one left by an earlier run. */
interface ActiveSegment {
  name: string;
  handle: FileHandle;
  size: number;
  /** Its directory entry is not yet synced to disk. */
  newName: boolean;
}

/**
 * Every exchange, redacted, plus an index of summaries so listing never reads a body.
 *
 * Entries are lines appended to a segment file (`entries/<time>-<random>.jsonl`) with group
 * commit: records that arrive while a write is in flight go in the next write, and each write is
 * followed by an fsync that also covers any write made meanwhile (at most one per SYNC_GAP_MS). `record()` resolves once its
 * entry's write is done: from then on a killed process (kill -9) cannot lose it; a power cut can
 * lose only what the next fsync (within ~SYNC_GAP_MS) had not yet covered. A line cut short by a kill has no line end
 * and was never acknowledged: the next start ignores it. Entries of earlier versions (one
 * `<id>.json` file each) are still read, deleted and evicted.
 *
 * Deleting an entry rewrites its segment without it; an entry evicted by the caps leaves the
 * index at once and the disk with the last live entry of its segment (at most one segment more
 * than the cap). Not safe for two processes sharing one folder: the index is rewritten from memory.
 */
export class HistoryStore {
  private readonly dir: string;
  private readonly entriesDir: string;
  private readonly indexFile: string;
  private readonly maxTotalBytes: number;
  private readonly maxEntries: number;
  private readonly maxBodyBytes: number;
  private readonly segmentBytes: number;
  private readonly now: () => Date;
  /** Oldest first, as appended. */
  private rows: IndexRow[] = [];
  /** The sum of the rows' bytes, kept as rows come and go (summing 1,000 rows per send showed in profiles). */
  private rowBytes = 0;
  private readonly problemList: HistoryProblem[] = [];
  private pending: PendingRecord[] = [];
  private drainScheduled = false;
  private sequence = 0;
  private chain: Promise<void>;
  private active: ActiveSegment | undefined;
  /** Bytes of each segment the rows account for (evicted lines included), for the index. */
  private readonly segmentSizes = new Map<string, number>();
  private syncing: Promise<void> | undefined;
  private syncWanted = false;
  private lastSyncAt = -Infinity;
  private indexTimer: NodeJS.Timeout | undefined;
  private indexWrites: Promise<void> = Promise.resolve();
  /** Names in `entries/` of evicted entries, removed once an index without them is saved. */
  private doomed: string[] = [];

  constructor(options: HistoryStoreOptions) {
    this.dir = options.dir;
    this.entriesDir = path.join(options.dir, 'entries');
    this.indexFile = path.join(options.dir, 'index.json');
    this.maxTotalBytes = options.maxTotalBytes ?? 50 * MB;
    this.maxEntries = options.maxEntries ?? 1000;
    this.maxBodyBytes = options.maxBodyBytes ?? 2 * MB;
    this.segmentBytes = options.segmentBytes ?? 4 * MB;
    this.now = options.now ?? (() => new Date());
    this.chain = this.load().catch((error: unknown) => this.report(this.dir, error));
  }

  /**
   * Queues one exchange (or failed send) to be redacted and written. Returns at once, without
   * looking at the input; the promise resolves with the entry's id once the entry is written (a
   * failure to write is kept in `problems()`: it never rejects; undefined if it could not be queued).
   */
  record(input: RecordInput): Promise<string | undefined> {
    return new Promise<string | undefined>((written) => {
      try {
        const at = this.now();
        const id = this.newId(at);
        this.pending.push({ id, at, input, written: () => written(id) });
        if (this.drainScheduled) return;
        this.drainScheduled = true;
        this.chain = this.chain.then(nextTurn).then(() => this.drain());
      } catch (error) {
        this.report(this.dir, error);
        written(undefined);
      }
    });
  }

  /** Resolves when everything recorded so far is on disk, synced, and in the index (tests, shutdown). */
  flush(): Promise<void> {
    return this.run(async () => {
      // Only a pending index save is written: a second close of a store whose folder is gone is a no-op.
      const pending = this.indexTimer !== undefined;
      await this.closeActive();
      if (pending) await this.saveIndexAndEvict();
    });
  }

  /** Summaries, newest first, from the index alone. */
  list(): Promise<HistorySummary[]> {
    return this.run(async () => this.rows.map((row) => row.summary).reverse());
  }

  /** Files that could not be read or written, with why; they are left on disk as they are. */
  problems(): HistoryProblem[] {
    return [...this.problemList];
  }

  get(id: string): Promise<HistoryEntry> {
    return this.run(async () => {
      const row = this.requireKnown(id);
      const file = row.file === undefined ? this.entryFile(id) : path.join(this.entriesDir, row.file);
      try {
        const text = row.file === undefined ? await readFile(file, 'utf8') : await readLine(file, row);
        const entry = historyEntrySchema.parse(JSON.parse(text));
        if (entry.summary.id !== id) throw new Error(`it holds entry ${entry.summary.id}, not ${id}`);
        return entry;
      } catch (error) {
        const reason = describe(error);
        this.report(file, error);
        throw new LanternError(
          'history.unreadable',
          `This history entry could not be read (${reason}). Its file, ${file}, was left as it is; ` +
            'delete the entry or clear history to remove it.',
        );
      }
    });
  }

  /** Removes one entry, from the disk too; false when there was none with that id. */
  delete(id: string): Promise<boolean> {
    return this.run(async () => {
      const row = historyIdSchema.safeParse(id).success
        ? this.rows.find((r) => r.summary.id === id)
        : undefined;
      if (row === undefined) return false;
      this.rows = this.rows.filter((r) => r !== row);
      this.rowBytes -= row.bytes;
      if (row.file === undefined) {
        await this.writeIndex();
        await rm(this.entryFile(id), { force: true });
      } else {
        await this.rewriteSegment(row.file);
        await this.writeIndex();
      }
      return true;
    });
  }

  /** Removes every entry, unreadable ones included. */
  clear(): Promise<void> {
    return this.run(async () => {
      await this.closeActive();
      this.rows = [];
      this.rowBytes = 0;
      this.segmentSizes.clear();
      this.doomed = [];
      await this.writeIndex();
      for (const name of await readdir(this.entriesDir))
        await rm(path.join(this.entriesDir, name), { force: true });
      this.problemList.length = 0;
    });
  }

  private run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.chain.then(task);
    this.chain = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** One batch: every record queued since the last write, in one append, then one fsync (group commit). */
  private async drain(): Promise<void> {
    this.drainScheduled = false;
    const batch = this.pending.splice(0);
    const lines: Buffer[] = [];
    const summaries: HistorySummary[] = [];
    for (const [index, job] of batch.entries()) {
      try {
        const entry = this.buildEntry(job);
        lines.push(Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8'));
        summaries.push(entry.summary);
      } catch (error) {
        this.report(this.entryFile(job.id), error);
      }
      // Redacting a large body takes a few milliseconds: let sends and IPC replies go first.
      if (index < batch.length - 1) await nextTurn();
    }
    try {
      if (lines.length > 0) await this.append(lines, summaries);
    } catch (error) {
      this.report(this.active ? path.join(this.entriesDir, this.active.name) : this.entriesDir, error);
      await this.closeActive();
    }
    for (const job of batch) job.written();
    this.evict();
    this.scheduleIndex();
  }

  private async append(lines: Buffer[], summaries: HistorySummary[]): Promise<void> {
    if (this.active === undefined || this.active.size >= this.segmentBytes) {
      await this.closeActive();
      const name = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}.jsonl`;
      const handle = await open(path.join(this.entriesDir, name), 'ax', 0o600);
      this.active = { name, handle, size: 0, newName: true };
    }
    const segment = this.active;
    const data = lines.length === 1 ? (lines[0] as Buffer) : Buffer.concat(lines);
    // A synchronous write into the page cache (tens of microseconds for a small entry): the send
    // that waits for it does not also wait for a thread-pool turn, which on a busy machine took
    // milliseconds. The fsync, which waits for the disk, stays off the event loop.
    for (let done = 0; done < data.length;)
      done += writeSync(segment.handle.fd, data, done, data.length - done);
    let offset = segment.size;
    lines.forEach((line, index) => {
      const bytes = line.length - 1;
      this.rows.push({ summary: summaries[index] as HistorySummary, bytes, file: segment.name, offset });
      this.rowBytes += bytes;
      offset += line.length;
    });
    segment.size = offset;
    this.segmentSizes.set(segment.name, offset);
    this.requestSync();
  }

  /** One fsync at a time; writes made while one runs are covered by the next. */
  private requestSync(): void {
    this.syncWanted = true;
    this.syncing ??= this.syncLoop();
  }

  private async syncLoop(): Promise<void> {
    while (this.syncWanted) {
      const wait = this.lastSyncAt + SYNC_GAP_MS - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.syncWanted = false;
      const segment = this.active;
      if (segment === undefined) continue;
      this.lastSyncAt = performance.now();
      try {
        await segment.handle.sync();
        if (segment.newName) {
          segment.newName = false;
          await syncDirectory(this.entriesDir);
        }
      } catch (error) {
        this.report(path.join(this.entriesDir, segment.name), error);
      }
    }
    this.syncing = undefined;
  }

  /** Syncs and closes the segment being appended to; the next write starts a new one. */
  private async closeActive(): Promise<void> {
    while (this.syncing) await this.syncing;
    const segment = this.active;
    if (segment === undefined) return;
    this.active = undefined;
    try {
      await segment.handle.sync();
      if (segment.newName) await syncDirectory(this.entriesDir);
    } catch (error) {
      this.report(path.join(this.entriesDir, segment.name), error);
    }
    await segment.handle.close().catch(() => undefined);
  }

  private scheduleIndex(): void {
    if (this.indexTimer !== undefined) return;
    // Off the chain records wait on: the index's two fsyncs must not hold up a send.
    this.indexTimer = setTimeout(() => {
      this.indexTimer = undefined;
      this.saveIndexAndEvict().catch((error: unknown) => this.report(this.indexFile, error));
    }, INDEX_DELAY_MS);
    this.indexTimer.unref();
  }

  /** A segment rewritten without the lines no row refers to (a deleted entry), or removed when none is left. */
  private async rewriteSegment(name: string): Promise<void> {
    if (this.active?.name === name) await this.closeActive();
    const file = path.join(this.entriesDir, name);
    const kept = this.rows.filter((row) => row.file === name);
    if (kept.length === 0) {
      await rm(file, { force: true });
      this.segmentSizes.delete(name);
      return;
    }
    const handle = await open(file, 'r');
    const parts: Buffer[] = [];
    try {
      for (const row of kept) {
        const line = Buffer.alloc(row.bytes + 1);
        await handle.read(line, 0, row.bytes, row.offset);
        line[row.bytes] = 10;
        parts.push(line);
      }
    } finally {
      await handle.close();
    }
    await writeFileAtomic(file, Buffer.concat(parts), 0o600);
    let offset = 0;
    kept.forEach((row, index) => {
      row.offset = offset;
      offset += (parts[index] as Buffer).length;
    });
    this.segmentSizes.set(name, offset);
  }

  private buildEntry({ id, at, input }: PendingRecord): HistoryEntry {
    const { draft, environmentId, name, origin, exchange, error, secrets } = input;
    const kept = keepBodiesWithin(draft, exchange, this.maxBodyBytes);
    const summary: HistorySummary = {
      id,
      at: at.toISOString(),
      method: exchange?.request.method ?? draft.method,
      ...(name ? { name } : {}),
      url: exchange?.request.url ?? draft.url,
      status: exchange?.response.status ?? null,
      statusText: exchange?.response.statusText ?? '',
      totalMs: exchange?.timings.totalMs ?? 0,
      bodyBytes: exchange?.response.bodyBytes ?? 0,
      environmentId,
      error,
    };
    const entry: HistoryEntry = {
      summary,
      draft: kept.draft,
      environmentId,
      ...(origin ? { origin } : {}),
      exchange: kept.exchange,
      error,
      bodyNote: kept.note,
    };
    return redactEntry(entry, secrets);
  }

  /**
   * Drops the oldest entries beyond the caps (always keeping the newest one). Their files are
   * removed after the next index save: an entry's own file, or a segment once none of its entries is left.
   */
  private evict(): void {
    const segments = new Set<string>();
    while (
      this.rows.length > 1 &&
      (this.rows.length > this.maxEntries || this.rowBytes > this.maxTotalBytes)
    ) {
      const oldest = this.rows.shift() as IndexRow;
      this.rowBytes -= oldest.bytes;
      if (oldest.file === undefined) this.doomed.push(`${oldest.summary.id}.json`);
      else segments.add(oldest.file);
    }
    for (const name of segments) {
      if (name === this.active?.name || this.rows.some((row) => row.file === name)) continue;
      this.doomed.push(name);
    }
  }

  /** Evicts beyond the caps, saves the index, then removes the files of evicted entries. */
  private async saveIndexAndEvict(): Promise<void> {
    if (this.indexTimer !== undefined) clearTimeout(this.indexTimer);
    this.indexTimer = undefined;
    this.evict();
    await this.writeIndex();
    // A removed segment stays in the index until it is gone: a start then knows it holds nothing new.
    const removed = this.doomed.splice(0);
    for (const file of removed) await rm(path.join(this.entriesDir, file), { force: true });
    if (removed.some((name) => this.segmentSizes.delete(name))) await this.writeIndex();
  }

  private async load(): Promise<void> {
    await mkdir(this.entriesDir, { recursive: true });
    const names = await readdir(this.entriesDir);
    for (const name of names.filter(isTempFile)) await rm(path.join(this.entriesDir, name), { force: true });
    const onDisk = new Set(names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length)));
    const segments = names.filter((n) => SEGMENT_NAME.test(n)).sort();

    const index = await this.readIndex();
    const indexed = index?.entries ?? null;
    let rows = (indexed ?? []).filter((row) =>
      row.file === undefined ? onDisk.has(row.summary.id) : segments.includes(row.file),
    );
    let changed = indexed === null || rows.length !== (indexed ?? []).length;
    // Entries the index does not know: written since its last save (it is saved at most once a
    // second), or all of them when it was rebuilt.
    const known = new Set(rows.map((row) => row.summary.id));
    const recovered: IndexRow[] = [];
    for (const id of [...onDisk].filter((i) => !known.has(i)).sort()) {
      const row = await this.readRow(id);
      if (row) recovered.push(row);
    }
    for (const name of segments)
      recovered.push(...(await this.readSegment(name, index?.segments?.[name] ?? 0, known)));
    if (recovered.length > 0) {
      rows = [...rows, ...recovered].sort(
        (a, b) => a.summary.at.localeCompare(b.summary.at) || a.summary.id.localeCompare(b.summary.id),
      );
      changed = true;
    }
    this.rows = rows;
    this.rowBytes = rows.reduce((sum, row) => sum + row.bytes, 0);
    // Segments whose every entry was evicted, left by a stop before they were removed.
    for (const name of segments) {
      const covered = index?.segments?.[name];
      if (
        covered !== undefined &&
        covered >= (this.segmentSizes.get(name) ?? 0) &&
        !rows.some((r) => r.file === name)
      )
        this.doomed.push(name);
    }
    if (changed || rows.length > this.maxEntries || this.doomed.length > 0) await this.saveIndexAndEvict();
  }

  /**
   * The entries of a segment from byte `from` on that `known` does not hold. A last line without
   * its line end was cut short by a kill while being written, before any send returned with it:
   * it is left out. A whole line that is not an entry is reported and left out.
   */
  private async readSegment(name: string, from: number, known: Set<string>): Promise<IndexRow[]> {
    const file = path.join(this.entriesDir, name);
    const size = (await stat(file)).size;
    this.segmentSizes.set(name, size);
    if (size <= from) return [];
    const data = Buffer.alloc(size - from);
    const handle = await open(file, 'r');
    try {
      await handle.read(data, 0, data.length, from);
    } finally {
      await handle.close();
    }
    const rows: IndexRow[] = [];
    for (let start = 0, end = data.indexOf(10); end !== -1; start = end + 1, end = data.indexOf(10, start)) {
      if (end === start) continue;
      try {
        const { summary } = historyEntrySchema.parse(JSON.parse(data.toString('utf8', start, end)));
        if (!known.has(summary.id))
          rows.push({ summary, bytes: end - start, file: name, offset: from + start });
      } catch (error) {
        this.report(`${file} (byte ${from + start})`, error);
      }
    }
    return rows;
  }

  /** The index, or null when there is none or it is unreadable (then it is set aside and rebuilt). */
  private async readIndex(): Promise<{ entries: IndexRow[]; segments?: Record<string, number> } | null> {
    let text: string;
    try {
      text = await readFile(this.indexFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return indexFileSchema.parse(JSON.parse(text));
    } catch (error) {
      const aside = `${this.indexFile}.corrupt`;
      await rename(this.indexFile, aside);
      this.problemList.push({
        path: this.indexFile,
        reason: `${describe(error)}. It was rebuilt from the entry files; the unreadable copy is ${aside}.`,
      });
      return null;
    }
  }

  private async readRow(id: string): Promise<IndexRow | null> {
    const file = this.entryFile(id);
    try {
      const text = await readFile(file, 'utf8');
      const entry = historyEntrySchema.parse(JSON.parse(text));
      if (entry.summary.id !== id) throw new Error(`it holds entry ${entry.summary.id}, not ${id}`);
      return { summary: entry.summary, bytes: Buffer.byteLength(text) };
    } catch (error) {
      this.report(file, error);
      return null;
    }
  }

  /** One index write at a time, each with the rows as they are when it starts (so the last write is the newest). */
  private writeIndex(): Promise<void> {
    const write = this.indexWrites.then(() => {
      const segments = Object.fromEntries(this.segmentSizes);
      return writeFileAtomic(
        this.indexFile,
        JSON.stringify({ version: 1, entries: this.rows, segments }),
        0o600,
      );
    });
    this.indexWrites = write.catch(() => undefined);
    return write;
  }

  private requireKnown(id: string): IndexRow {
    const row = historyIdSchema.safeParse(id).success
      ? this.rows.find((r) => r.summary.id === id)
      : undefined;
    if (row !== undefined) return row;
    throw new LanternError(
      'history.not-found',
      `This history entry no longer exists: it was deleted, or made room for newer ones ` +
        `(history keeps the latest ${this.maxEntries} exchanges, up to ${Math.round(this.maxTotalBytes / MB)} MB).`,
    );
  }

  private entryFile(id: string): string {
    return path.join(this.entriesDir, `${id}.json`);
  }

  /** Sortable by time, then by recording order within one millisecond. */
  private newId(at: Date): string {
    const time = at.getTime().toString(36).padStart(9, '0');
    const sequence = (this.sequence++ % 36 ** 4).toString(36).padStart(4, '0');
    return `${time}-${sequence}-${randomHex3()}`;
  }

  private report(file: string, error: unknown): void {
    if (this.problemList.length >= MAX_PROBLEMS) this.problemList.shift();
    this.problemList.push({ path: file, reason: describe(error) });
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Random bytes for ids, drawn in blocks: one `randomBytes(3)` per entry was ~10% of recording one. */
let randomPool = Buffer.alloc(0);
let randomAt = 0;
function randomHex3(): string {
  if (randomAt + 3 > randomPool.length) {
    randomPool = randomBytes(3 * 1024);
    randomAt = 0;
  }
  randomAt += 3;
  return randomPool.toString('hex', randomAt - 3, randomAt);
}

/** One entry's line of a segment. */
async function readLine(file: string, row: IndexRow): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const data = Buffer.alloc(row.bytes);
    const { bytesRead } = await handle.read(data, 0, row.bytes, row.offset ?? 0);
    if (bytesRead !== row.bytes) throw new Error(`the file ends before the entry (byte ${row.offset})`);
    return data.toString('utf8');
  } finally {
    await handle.close();
  }
}

function describe(error: unknown): string {
  if (error instanceof SyntaxError) return `not valid JSON: ${error.message}`;
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray(error.issues)) {
    const first = error.issues[0] as { path?: unknown[]; message?: string } | undefined;
    return `not a history entry: ${first?.path?.join('.') || 'root'}: ${first?.message ?? 'invalid'}`;
  }
  return error instanceof Error ? error.message : String(error);
}
