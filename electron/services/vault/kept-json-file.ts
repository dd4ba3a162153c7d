import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { LanternError } from '../../../shared/model/result';
import { writeFileAtomic } from '../files/atomic-file';

/**
 * A JSON file in the data folder that is reported and kept, never overwritten, when it cannot be
 * read: overwriting it would silently lose whatever it still held.
 */
export class KeptJsonFile<T> {
  /** Why the file cannot be used (what, why, what to do); writes are refused while set. */
  problem: string | undefined;

  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T>,
    /** What the file holds, for messages: "saved credentials". */
    private readonly what: string,
  ) {}

  /** The content, or undefined when there is no file yet or it cannot be read (see `problem`). */
  async read(): Promise<T | undefined> {
    this.problem = undefined;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      return this.unreadable(`it cannot be read (${(error as Error).message})`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.unreadable('it is not valid JSON');
    }
    const parsed = this.schema.safeParse(json);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    return this.unreadable(
      `it does not have the expected layout (${issue?.message ?? 'unknown'} at ${issue?.path.join('.') || 'the top'})`,
    );
  }

  async write(value: T): Promise<void> {
    if (this.problem !== undefined) throw new LanternError('storage.file-unreadable', this.problem);
    await writeFileAtomic(this.file, `${JSON.stringify(value, null, 2)}\n`, 0o600);
  }

  private unreadable(why: string): undefined {
    this.problem = `Lantern cannot read its ${this.what} in ${this.file}: ${why}. Lantern kept the file as it is and will not change it. Repair it (it is plain JSON) or move it away, then restart Lantern.`;
    return undefined;
  }
}
