import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { LanternError } from '../../../shared/model/result';
import { writeFileAtomic } from '../files/atomic-file';
import { protectionNames, type KeyProtector, type ProtectionKind } from './key-protector';
import {
  openEntries,
  readVaultFile,
  seal,
  sealCheck,
  type SealedEntry,
  type VaultFile,
} from './vault-format';

export type VaultStatus = {
  protection: ProtectionKind;
  /** Plain words for settings: where the key is and who could read it. */
  description: string;
  file: string;
} & ({ ok: true } | { ok: false; /** What happened, why, and what to do. */ problem: string });

const KEPT =
  'Lantern kept the file exactly as it is and will not write to it, so saved secrets are not available and new ones cannot be saved.';
const TO_DO =
  'If you can bring back the original key, do so and choose "Try again". Otherwise choose "Start a new vault" in Lantern (the banner at the top of the window, or the vault indicator in the status bar): the old file is kept beside the new one, and you enter your secrets again.';

/**
 * Secret values encrypted at rest (AES-256-GCM, one random IV per entry, the id as additional
 * data) in `<dir>/vault.json`. A file that cannot be read is a state, not an exception: it is
 * reported through `status`, kept byte for byte, and never written until the user resets it.
 */
export class Vault {
  private values = new Map<string, string>();
  private sealed: Record<string, SealedEntry> = {};
  private key: Buffer | undefined;
  private problem: string | undefined;
  /** Writes run one at a time, each from the state the previous one left. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly dir: string,
    private readonly file: string,
    private readonly protector: KeyProtector,
  ) {}

  /** Never rejects: whatever goes wrong is reported in `status`, so the app can still start. */
  static async open({ dir, protector }: { dir: string; protector: KeyProtector }): Promise<Vault> {
    const vault = new Vault(dir, path.join(dir, 'vault.json'), protector);
    await vault.load();
    return vault;
  }

  get status(): VaultStatus {
    const base = {
      protection: this.protector.kind,
      description: this.protector.description,
      file: this.file,
    };
    return this.problem === undefined ? { ...base, ok: true } : { ...base, ok: false, problem: this.problem };
  }

  get(id: string): string | undefined {
    return this.values.get(id);
  }

  has(id: string): boolean {
    return this.values.has(id);
  }

  ids(): string[] {
    return [...this.values.keys()];
  }

  set(id: string, value: string): Promise<void> {
    return this.enqueue(async () => {
      const entries = { ...this.sealed, [id]: seal(this.usableKey(), id, value) };
      await this.persist(entries);
      this.values.set(id, value);
    });
  }

  /**
   * Several sets and deletes in one write: either all of them are on disk afterwards or none.
   * Nothing is written when nothing would change.
   */
  apply(changes: { set?: Record<string, string>; delete?: string[] }): Promise<void> {
    return this.enqueue(async () => {
      const key = this.usableKey();
      const entries = { ...this.sealed };
      let changed = false;
      for (const id of changes.delete ?? []) {
        if (!(id in entries)) continue;
        delete entries[id];
        changed = true;
      }
      for (const [id, value] of Object.entries(changes.set ?? {})) {
        if (this.values.get(id) === value && id in entries) continue;
        entries[id] = seal(key, id, value);
        changed = true;
      }
      if (!changed) return;
      await this.persist(entries);
      for (const id of changes.delete ?? []) this.values.delete(id);
      for (const [id, value] of Object.entries(changes.set ?? {})) this.values.set(id, value);
    });
  }

  /** Resolves to whether there was such an entry. */
  delete(id: string): Promise<boolean> {
    return this.enqueue(async () => {
      this.usableKey();
      if (!(id in this.sealed)) return false;
      const { [id]: _removed, ...entries } = this.sealed;
      await this.persist(entries);
      this.values.delete(id);
      return true;
    });
  }

  /** Reads the file and the key again: for "Try again" after the user restored a key or a keyring. */
  retry(): Promise<VaultStatus> {
    return this.enqueue(async () => {
      await this.load();
      return this.status;
    });
  }

  /**
   * Only on the user's explicit request: moves an unreadable vault aside as
   * `vault.json.unreadable-<time>` and starts an empty one. Refused while the vault is readable,
   * so no stray call can throw good secrets away; rejects (moving nothing) while the key itself
   * is unavailable, since a new vault could not be written either.
   */
  resetVault(): Promise<{ movedTo: string | undefined }> {
    return this.enqueue(async () => {
      if (this.problem === undefined) {
        throw new LanternError('vault.reset-refused', 'The vault is readable, so Lantern did not reset it.');
      }
      const key = await this.protector.loadOrCreateKey();
      const movedTo = `${this.file}.unreadable-${Date.now()}`;
      let moved = true;
      try {
        await rename(this.file, movedTo);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        moved = false;
      }
      this.key = key;
      this.values = new Map();
      this.sealed = {};
      this.problem = undefined;
      return { movedTo: moved ? movedTo : undefined };
    });
  }

  private async load(): Promise<void> {
    this.key = undefined;
    this.values = new Map();
    this.sealed = {};
    this.problem = undefined;
    try {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      // The file is read before the key: a damaged file is reported without creating any key.
      const read = await readVaultFile(this.file);
      if (read.state === 'damaged') {
        this.problem = `Lantern cannot read its vault ${this.file}: ${read.reason}. ${KEPT} ${TO_DO}`;
        return;
      }
      const key = await this.protector.loadOrCreateKey();
      if (read.state === 'parsed') {
        const opened = openEntries(key, read.file, this.protector.kind, protectionNames);
        if ('why' in opened) {
          this.problem = `Lantern cannot read its vault ${this.file}: ${opened.why}. ${KEPT} ${TO_DO}`;
          return;
        }
        this.values = opened.values;
        this.sealed = read.file.entries;
      }
      this.key = key;
    } catch (error) {
      const reason = error instanceof LanternError ? error.message : `unexpected error: ${String(error)}`;
      this.problem = `Lantern cannot use its vault ${this.file}. ${reason}`;
    }
  }

  private usableKey(): Buffer {
    if (this.problem !== undefined || !this.key) {
      throw new LanternError('vault.unavailable', this.problem ?? `The vault ${this.file} is not open.`);
    }
    return this.key;
  }

  private async persist(entries: Record<string, SealedEntry>): Promise<void> {
    const check = sealCheck(this.usableKey());
    const content: VaultFile = { version: 1, protection: this.protector.kind, check, entries };
    await writeFileAtomic(this.file, `${JSON.stringify(content, null, 2)}\n`, 0o600);
    this.sealed = entries;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
