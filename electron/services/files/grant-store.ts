import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file';

/** What a grant lets the renderer do with its path. */
export type GrantKind = 'read' | 'folder';

const grantSchema = z.object({
  id: z.string(),
  path: z.string(),
  kind: z.enum(['read', 'folder']),
  /** The computer the user chose it on: a data folder copied or synced elsewhere grants nothing there. */
  computer: z.string(),
  at: z.string(),
});
type Grant = z.infer<typeof grantSchema>;
const fileSchema = z.object({ version: z.literal(1), grants: z.array(grantSchema) });

/** Grants kept across restarts; the oldest go first beyond this many. */
const MAX_KEPT = 5_000;

/**
 * Opaque grants: a random id the renderer holds for a path the user chose in a dialog (or a copy
 * of a file uploaded in browser mode). The path never leaves the main side. Kept in the data
 * folder (mode 0600) so a saved request's file still works after a restart, on this computer only.
 */
export class GrantStore {
  private readonly grants = new Map<string, Grant>();
  private loaded: Promise<void> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly options: { file?: string; computer: string }) {}

  /** Makes a grant for `path` and returns its id (an existing grant of the same path and kind is reused). */
  async grant(path: string, kind: GrantKind): Promise<string> {
    await this.load();
    for (const existing of this.grants.values())
      if (existing.path === path && existing.kind === kind) return existing.id;
    const id = randomBytes(16).toString('hex');
    this.grants.set(id, { id, path, kind, computer: this.options.computer, at: new Date().toISOString() });
    while (this.grants.size > MAX_KEPT) this.grants.delete(this.grants.keys().next().value as string);
    await this.save();
    return id;
  }

  /** The path of a grant made on this computer, or undefined. */
  async pathOf(id: string, kind: GrantKind): Promise<string | undefined> {
    await this.load();
    const grant = this.grants.get(id);
    return grant && grant.kind === kind && grant.computer === this.options.computer ? grant.path : undefined;
  }

  /** Whether `path` was granted as `kind` on this computer. */
  async isGranted(path: string, kind: GrantKind): Promise<boolean> {
    await this.load();
    for (const grant of this.grants.values())
      if (grant.path === path && grant.kind === kind && grant.computer === this.options.computer) return true;
    return false;
  }

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      if (!this.options.file) return;
      const text = await readFile(this.options.file, 'utf8').catch(() => undefined);
      if (text === undefined) return;
      // An unreadable grants file grants nothing: the user picks the files again.
      const parsed = fileSchema.safeParse(
        (() => {
          try {
            return JSON.parse(text) as unknown;
          } catch {
            return undefined;
          }
        })(),
      );
      if (parsed.success) for (const grant of parsed.data.grants) this.grants.set(grant.id, grant);
    })();
    return this.loaded;
  }

  private save(): Promise<void> {
    const file = this.options.file;
    if (!file) return Promise.resolve();
    const data = JSON.stringify({ version: 1, grants: [...this.grants.values()] });
    this.writing = this.writing.then(() => writeFileAtomic(file, data, 0o600)).catch(() => undefined);
    return this.writing;
  }
}
