import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
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
import { isTempFile, writeFileAtomic } from '../files/atomic-file';
import { indexFileSchema, type IndexRow } from './history-index';
import { keepBodiesWithin } from './body-limit';
import { redactEntry } from './redact-entry';

const MB = 1024 * 1024;
const MAX_PROBLEMS = 100;

export interface HistoryStoreOptions {
  /** The folder history lives in, e.g. `<dataDir>/history`; created when missing. */
  dir: string;
  maxTotalBytes?: number;
  maxEntries?: number;
  /** A request or response body larger than this is not kept; the entry says so. */
  maxBodyBytes?: number;
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
}

/**
 * Every exchange, redacted, one JSON file per entry plus an index of summaries so listing never
 * reads a body. Writes happen in the background, one at a time, so recording never slows a send.
 * Not safe for two processes sharing one folder: the index is rewritten from memory.
 */
export class HistoryStore {
  private readonly dir: string;
  private readonly entriesDir: string;
  private readonly indexFile: string;
  private readonly maxTotalBytes: number;
  private readonly maxEntries: number;
  private readonly maxBodyBytes: number;
  private readonly now: () => Date;
  /** Oldest first, as appended. */
  private rows: IndexRow[] = [];
  private readonly problemList: HistoryProblem[] = [];
  private pending: PendingRecord[] = [];
  private drainScheduled = false;
  private sequence = 0;
  private chain: Promise<void>;

  constructor(options: HistoryStoreOptions) {
    this.dir = options.dir;
    this.entriesDir = path.join(options.dir, 'entries');
    this.indexFile = path.join(options.dir, 'index.json');
    this.maxTotalBytes = options.maxTotalBytes ?? 50 * MB;
    this.maxEntries = options.maxEntries ?? 1000;
    this.maxBodyBytes = options.maxBodyBytes ?? 2 * MB;
    this.now = options.now ?? (() => new Date());
    this.chain = this.load().catch((error: unknown) => this.report(this.dir, error));
  }

  /**
   * Queues one exchange (or failed send) to be redacted and written; returns at once with the
   * entry's id (undefined if it could not even be queued) and never throws.
   */
  record(input: RecordInput): string | undefined {
    try {
      const at = this.now();
      const id = this.newId(at);
      this.pending.push({ id, at, input });
      if (!this.drainScheduled) {
        this.drainScheduled = true;
        this.chain = this.chain.then(nextTurn).then(() => this.drain());
      }
      return id;
    } catch (error) {
      this.report(this.dir, error);
      return undefined;
    }
  }

  /** Resolves when everything recorded so far is on disk (tests, shutdown). */
  flush(): Promise<void> {
    return this.run(async () => undefined);
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
      const file = this.entryFile(this.requireKnown(id));
      try {
        return historyEntrySchema.parse(JSON.parse(await readFile(file, 'utf8')));
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

  /** Removes one entry; false when there was none with that id. */
  delete(id: string): Promise<boolean> {
    return this.run(async () => {
      if (!historyIdSchema.safeParse(id).success || !this.rows.some((row) => row.summary.id === id))
        return false;
      this.rows = this.rows.filter((row) => row.summary.id !== id);
      await this.writeIndex();
      await rm(this.entryFile(id), { force: true });
      return true;
    });
  }

  /** Removes every entry, unreadable ones included. */
  clear(): Promise<void> {
    return this.run(async () => {
      this.rows = [];
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

  private async drain(): Promise<void> {
    this.drainScheduled = false;
    const batch = this.pending.splice(0);
    for (const job of batch) {
      const file = this.entryFile(job.id);
      try {
        const entry = this.buildEntry(job);
        const data = Buffer.from(JSON.stringify(entry), 'utf8');
        await writeFileAtomic(file, data, 0o600);
        const bytes = data.length;
        this.rows.push({ summary: entry.summary, bytes });
      } catch (error) {
        this.report(file, error);
      }
      // Redacting a large body takes a few milliseconds: let sends and IPC replies go first.
      await nextTurn();
    }
    await this.saveIndexAndEvict();
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

  /** Drops the oldest entries beyond the caps (always keeping the newest one), then saves the index. */
  private async saveIndexAndEvict(): Promise<void> {
    let total = this.rows.reduce((sum, row) => sum + row.bytes, 0);
    const evicted: IndexRow[] = [];
    while (this.rows.length > 1 && (this.rows.length > this.maxEntries || total > this.maxTotalBytes)) {
      const oldest = this.rows.shift() as IndexRow;
      total -= oldest.bytes;
      evicted.push(oldest);
    }
    await this.writeIndex();
    for (const row of evicted) await rm(this.entryFile(row.summary.id), { force: true });
  }

  private async load(): Promise<void> {
    await mkdir(this.entriesDir, { recursive: true });
    const names = await readdir(this.entriesDir);
    for (const name of names.filter(isTempFile)) await rm(path.join(this.entriesDir, name), { force: true });
    const onDisk = new Set(names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length)));

    const indexed = await this.readIndex();
    let rows = (indexed ?? []).filter((row) => onDisk.has(row.summary.id));
    let changed = indexed === null || rows.length !== (indexed ?? []).length;
    // Entry files the index does not know: a crash between the two writes, or a rebuilt index.
    const known = new Set(rows.map((row) => row.summary.id));
    const recovered: IndexRow[] = [];
    for (const id of [...onDisk].filter((i) => !known.has(i)).sort()) {
      const row = await this.readRow(id);
      if (row) recovered.push(row);
    }
    if (recovered.length > 0) {
      rows = [...rows, ...recovered].sort(
        (a, b) => a.summary.at.localeCompare(b.summary.at) || a.summary.id.localeCompare(b.summary.id),
      );
      changed = true;
    }
    this.rows = rows;
    if (changed || rows.length > this.maxEntries) await this.saveIndexAndEvict();
  }

  /** The index's rows, or null when there is none or it is unreadable (then it is set aside and rebuilt). */
  private async readIndex(): Promise<IndexRow[] | null> {
    let text: string;
    try {
      text = await readFile(this.indexFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return indexFileSchema.parse(JSON.parse(text)).entries;
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

  private async writeIndex(): Promise<void> {
    await writeFileAtomic(this.indexFile, JSON.stringify({ version: 1, entries: this.rows }), 0o600);
  }

  private requireKnown(id: string): string {
    if (historyIdSchema.safeParse(id).success && this.rows.some((row) => row.summary.id === id)) return id;
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
    return `${time}-${sequence}-${randomBytes(3).toString('hex')}`;
  }

  private report(file: string, error: unknown): void {
    if (this.problemList.length >= MAX_PROBLEMS) this.problemList.shift();
    this.problemList.push({ path: file, reason: describe(error) });
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function describe(error: unknown): string {
  if (error instanceof SyntaxError) return `not valid JSON: ${error.message}`;
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray(error.issues)) {
    const first = error.issues[0] as { path?: unknown[]; message?: string } | undefined;
    return `not a history entry: ${first?.path?.join('.') || 'root'}: ${first?.message ?? 'invalid'}`;
  }
  return error instanceof Error ? error.message : String(error);
}
