import { z } from 'zod';
import { cookieSummarySchema } from '../../../shared/model/cookies';
import { sessionValues } from '../../../shared/redact/session-value';
import { CookieJar, type JarChange, type StoredCookie } from './cookie-jar';

/** The part of the vault the jars use: encrypted values under string ids. */
export interface JarVault {
  readonly status: { ok: true } | { ok: false; problem: string };
  get(id: string): string | undefined;
  set(id: string, value: string): Promise<void>;
  delete(id: string): Promise<boolean>;
  ids(): string[];
}

export interface WorkspaceJarsOptions {
  /** The workspace's name for labels and for the kept record; undefined when not known. */
  nameOf?: (workspaceId: string) => string | undefined;
  /** How long after a change a jar is written to the vault: sends never wait for the disk. */
  writeDelayMs?: number;
  now?: () => number;
  /**
   * Reads kept jars but never writes the vault (`lantern run`): the desktop app may be saving to
   * the same vault, which is rewritten whole from memory, so a write here could undo one there.
   */
  readOnly?: boolean;
}

/** Which jar a listing came from, for the Cookies view's label. */
export interface JarInfo {
  workspaceId?: string;
  label: string;
  /** `vault`: kept encrypted across restarts; `memory`: until Lantern quits. */
  kept: 'vault' | 'memory';
  /** Why a workspace jar is only in memory (the vault cannot be used), in plain words. */
  problem?: string;
}

const VAULT_PREFIX = 'cookies:';
const SCRATCH = 'scratch';
/** A kept cookie: what the Cookies view shows (unmasked here, in the vault) plus when it was set. */
const storedCookieSchema = cookieSummarySchema.extend({ createdAt: z.number() });
const keptJarSchema = z.object({
  version: z.literal(1),
  name: z.string().optional(),
  cookies: z.array(storedCookieSchema),
});

/**
 * One cookie jar per workspace, plus one for requests that belong to none (scratch tabs, the
 * sample, `lantern run`). Workspace jars are kept in the vault (`cookies:<workspace id>`,
 * encrypted like every other secret) once it is attached, written a moment after a change;
 * the scratch jar lives only as long as the process, so command-line runs never share it.
 */
export class WorkspaceJars {
  private readonly jars = new Map<string, CookieJar>();
  private readonly names = new Map<string, string>();
  private readonly dirty = new Set<string>();
  private vault: JarVault | undefined;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** Per workspace: its kept record could not be read (until the user clears the jar). */
  private readonly readProblems = new Map<string, string>();
  /** Per workspace: its last write to the vault failed (until a write succeeds). */
  private readonly writeProblems = new Map<string, string>();
  /** Workspaces whose kept record is not this version's (a newer app's): never overwritten. */
  private readonly foreign = new Set<string>();

  constructor(private readonly options: WorkspaceJarsOptions = {}) {}

  /** The jar of this workspace, or the scratch jar when there is none. */
  jarFor(workspaceId: string | undefined): CookieJar {
    const key = workspaceId ?? SCRATCH;
    if (workspaceId !== undefined) this.nameOf(workspaceId);
    let jar = this.jars.get(key);
    if (!jar) {
      jar = this.makeJar(key);
      this.jars.set(key, jar);
    }
    return jar;
  }

  /** Starts keeping workspace jars in `vault`, and reads back the ones kept by earlier runs. */
  attach(vault: JarVault): void {
    this.vault = vault;
    if (!vault.status.ok) return;
    for (const id of vault.ids()) {
      if (!id.startsWith(VAULT_PREFIX)) continue;
      const workspaceId = id.slice(VAULT_PREFIX.length);
      const json = parseJson(vault.get(id));
      if (!json.ok) {
        this.readProblems.set(
          workspaceId,
          this.options.readOnly
            ? 'The cookies kept for this workspace could not be read (their saved copy in the vault is damaged), so this run started with an empty jar. The desktop app replaces the damaged copy; send your login request again if a session is needed.'
            : 'The cookies kept for this workspace could not be read (their saved copy in the vault is damaged), so this jar started empty and the damaged copy is replaced. Send your login request again if a session is needed.',
        );
        // Written back (as this run's jar, or removed when it stays empty): the damage goes away.
        this.jarFor(workspaceId);
        this.dirty.add(workspaceId);
        continue;
      }
      const parsed = keptJarSchema.safeParse(json.value);
      if (!parsed.success) {
        // Readable, but not this version's shape: most likely kept by a newer Lantern sharing this
        // data folder. Left as it is: this jar stays in memory until the user clears it.
        const version = (json.value as { version?: unknown } | null)?.version;
        this.foreign.add(workspaceId);
        this.readProblems.set(
          workspaceId,
          `The cookies kept for this workspace are in a format this version of Lantern does not know${typeof version === 'number' && version > 1 ? ` (version ${version}, from a newer Lantern)` : ''}, so this jar started empty and is kept in memory only; the saved copy is left untouched. Update Lantern to use them, or Clear this jar to replace them.`,
        );
        continue;
      }
      if (parsed.data.name) this.names.set(workspaceId, parsed.data.name);
      // Cookies set before the vault opened (none in the app: every call waits for it) win.
      const jar = this.jarFor(workspaceId);
      const fresh = jar.list();
      jar.restore(parsed.data.cookies);
      if (fresh.length > 0) jar.restore(fresh);
    }
    // Cookies that arrived before the vault opened, or a damaged record, are written now.
    if (this.dirty.size > 0) this.scheduleWrite();
  }

  /**
   * The session-like cookie values of this workspace's jar (the scratch jar for none): secrets
   * to mask wherever a server might echo them. `dark` or `en-US` are left out, since masking
   * them in a body would damage it; every value stays masked in Cookie and Set-Cookie headers.
   */
  sessionValues(workspaceId: string | undefined): string[] {
    const jar = this.jars.get(workspaceId ?? SCRATCH);
    return jar ? sessionValues(jar.list().map((cookie) => cookie.value)) : [];
  }

  /** The session-like values of every jar, for a support bundle's last masking pass. */
  allSessionValues(): string[] {
    return sessionValues([...this.jars.values()].flatMap((jar) => jar.list().map((cookie) => cookie.value)));
  }

  describe(workspaceId: string | undefined): JarInfo {
    if (workspaceId === undefined) {
      return { label: 'Requests outside a workspace', kept: 'memory' };
    }
    const name = this.nameOf(workspaceId);
    const label = name ? `Workspace "${name}"` : `Workspace ${workspaceId}`;
    const own = this.writeProblems.get(workspaceId) ?? this.readProblems.get(workspaceId);
    const why = this.vault ? (this.vault.status.ok ? own : this.vault.status.problem) : undefined;
    const kept =
      this.vault?.status.ok && !this.options.readOnly && !this.foreign.has(workspaceId) ? 'vault' : 'memory';
    return { workspaceId, label, kept, ...(why ? { problem: why } : {}) };
  }

  /** Writes every changed jar now (at shutdown); resolves when the vault has them. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.then(() => this.writeDirty());
    await this.writing;
  }

  /** The workspace's name while it is open, else as last seen (this run or a kept record). */
  private nameOf(workspaceId: string): string | undefined {
    const current = this.options.nameOf?.(workspaceId);
    if (current) this.names.set(workspaceId, current);
    return current ?? this.names.get(workspaceId);
  }

  private makeJar(key: string): CookieJar {
    if (key === SCRATCH) return new CookieJar({ now: this.options.now });
    return new CookieJar({ now: this.options.now, onChange: (how) => this.changed(key, how) });
  }

  private changed(workspaceId: string, how: JarChange): void {
    // Clearing is the user's answer to a damaged record: the jar is rewritten, the note goes.
    if (how === 'cleared') {
      this.readProblems.delete(workspaceId);
      this.foreign.delete(workspaceId);
    }
    this.dirty.add(workspaceId);
    this.scheduleWrite();
  }

  private scheduleWrite(): void {
    if (this.timer || !this.vault || this.options.readOnly) return;
    this.timer = setTimeout(() => void this.flush(), this.options.writeDelayMs ?? 1_000);
    this.timer.unref();
  }

  private async writeDirty(): Promise<void> {
    const vault = this.vault;
    if (!vault?.status.ok || this.options.readOnly) return;
    for (const workspaceId of [...this.dirty]) {
      if (this.foreign.has(workspaceId)) continue;
      this.dirty.delete(workspaceId);
      const cookies = this.jars.get(workspaceId)?.list() ?? [];
      const name = this.nameOf(workspaceId);
      const id = `${VAULT_PREFIX}${workspaceId}`;
      try {
        if (cookies.length === 0) await vault.delete(id);
        else await vault.set(id, JSON.stringify(keptCookies(name, cookies)));
        this.writeProblems.delete(workspaceId);
      } catch (error) {
        // Tried again with the next change and at shutdown: a full disk may have room by then.
        this.dirty.add(workspaceId);
        this.writeProblems.set(
          workspaceId,
          `The cookies of this workspace could not be saved in the vault (${(error as Error).message}). They are kept in memory and Lantern tries again after the next change and when it quits; free disk space or check the app-data folder's permissions.`,
        );
      }
    }
  }
}

/** Session cookies are kept too, as Insomnia and Bruno do: a login survives a restart. */
const keptCookies = (name: string | undefined, cookies: StoredCookie[]) => ({
  version: 1 as const,
  ...(name ? { name } : {}),
  cookies,
});

/** Only text that is not JSON at all counts as damaged; a missing entry is damaged too. */
function parseJson(text: string | undefined): { ok: true; value: unknown } | { ok: false } {
  if (text === undefined) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
