import path from 'node:path';
import { z } from 'zod';
import { LanternError } from '../../../shared/model/result';
import { KeptJsonFile } from './kept-json-file';
import type { Vault } from './vault';

/**
 * Records with one secret each: the non-secret fields in a plain JSON file in the data folder
 * (readable, diffable, never a secret), the secret in the vault under `<prefix>:<id>`.
 */
export class VaultBackedRecords<R extends { id: string }> {
  private readonly records = new Map<string, R>();
  private readonly file: KeptJsonFile<Record<string, unknown>>;
  /** Changes run one at a time, so the file always matches the last completed change. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly options: {
      dir: string;
      /** File name and the name of its list: `credentials` → credentials.json `{ version: 1, credentials: [] }`. */
      name: string;
      /** What the file holds, for messages: "saved credentials". */
      what: string;
      schema: z.ZodType<R>;
      vault: Vault;
      /** Prefix of the vault ids: `credential` → `credential:<id>`. */
      prefix: string;
    },
  ) {
    const fileSchema = z.object({ version: z.literal(1), [options.name]: z.array(options.schema) });
    this.file = new KeptJsonFile(path.join(options.dir, `${options.name}.json`), fileSchema, options.what);
  }

  /** Reads the file. Never throws for a bad file: see `problems()`. */
  async load(): Promise<void> {
    const content = await this.file.read();
    this.records.clear();
    for (const record of (content?.[this.options.name] as R[] | undefined) ?? [])
      this.records.set(record.id, record);
  }

  /** Why records cannot be read or changed (what, why, what to do); empty when all is well. */
  problems(): string[] {
    const vault = this.options.vault.status;
    return [this.file.problem, vault.ok ? undefined : vault.problem].filter(
      (p): p is string => p !== undefined,
    );
  }

  list(): R[] {
    return [...this.records.values()];
  }

  record(id: string): R | undefined {
    return this.records.get(id);
  }

  /** The secret, or undefined when the vault lacks it or cannot be read (see `problems()`). */
  secret(id: string): string | undefined {
    return this.options.vault.get(this.secretId(id));
  }

  /** Throws the plain-words reason why a change would be refused, before any work is done. */
  ensureWritable(): void {
    if (this.file.problem) throw new LanternError('storage.file-unreadable', this.file.problem);
    const vault = this.options.vault.status;
    if (!vault.ok) throw new LanternError('vault.unavailable', vault.problem);
  }

  /** Secret first, then the file; the secret is put back when the file cannot be written. */
  save(record: R, secret: string): Promise<void> {
    this.ensureWritable();
    return this.enqueue(async () => {
      const { vault } = this.options;
      const secretId = this.secretId(record.id);
      const before = { record: this.records.get(record.id), secret: vault.get(secretId) };
      if (secret !== before.secret) await vault.set(secretId, secret);
      this.records.set(record.id, record);
      try {
        await this.writeFile();
      } catch (error) {
        if (before.record) this.records.set(record.id, before.record);
        else this.records.delete(record.id);
        if (secret !== before.secret) {
          const undo =
            before.secret === undefined ? vault.delete(secretId) : vault.set(secretId, before.secret);
          await undo.catch(() => undefined);
        }
        throw error;
      }
    });
  }

  /** Resolves to whether there was such a record. */
  remove(id: string): Promise<boolean> {
    const record = this.records.get(id);
    if (!record) return Promise.resolve(false);
    this.ensureWritable();
    return this.enqueue(async () => {
      this.records.delete(id);
      try {
        await this.writeFile();
      } catch (error) {
        this.records.set(id, record);
        throw error;
      }
      // After the file: a failure here leaves an orphan secret, still encrypted, never a record without one.
      await this.options.vault.delete(this.secretId(id));
      return true;
    });
  }

  private secretId(id: string): string {
    return `${this.options.prefix}:${id}`;
  }

  private writeFile(): Promise<void> {
    return this.file.write({ version: 1, [this.options.name]: this.list() });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
