import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { sessionSnapshotSchema, type SessionSnapshot } from '../../../shared/calls/session-calls';
import { removeDraftSecrets } from './remove-secrets';

const fileSchema = z.object({
  version: z.literal(1),
  session: sessionSnapshotSchema.optional(),
  chosenEnvironments: z.record(z.string(), z.string()).default({}),
});
type SessionFile = z.infer<typeof fileSchema>;

export interface LoadedSession {
  session?: SessionSnapshot;
  chosenEnvironments: Record<string, string>;
  problem?: string;
}

/** Writes `text` to `file` whole or not at all: a temp file beside it, fsync, then rename over it. */
export async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * The session kept in the app's data folder (`session.json`): the open tabs with their drafts, the
 * active tab, and the environment chosen in each workspace. Drafts lose every secret value before
 * they are written (the vault is where secrets live). A file that cannot be read is moved aside,
 * reported once, and the app starts with a fresh session instead of failing.
 */
export class SessionStore {
  private state: SessionFile | undefined;
  private problem: string | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly secrets: () => string[] = () => [],
  ) {}

  async load(): Promise<LoadedSession> {
    const state = await this.read();
    const problem = this.problem;
    this.problem = undefined;
    return {
      ...(state.session ? { session: state.session } : {}),
      chosenEnvironments: { ...state.chosenEnvironments },
      ...(problem ? { problem } : {}),
    };
  }

  /** Saves the tabs; secret values are removed from every draft first. */
  save(snapshot: SessionSnapshot): Promise<void> {
    return this.change(async (state) => {
      const secrets = this.secrets();
      state.session = {
        activeTabId: snapshot.activeTabId,
        tabs: snapshot.tabs.map((tab) => {
          const clean = removeDraftSecrets(tab.draft, secrets);
          const baseline = tab.baseline && removeDraftSecrets(tab.baseline, secrets).draft;
          return {
            ...tab,
            draft: clean.draft,
            ...(baseline ? { baseline } : {}),
            // A value removed at an earlier save and not typed again is still missing.
            removedSecrets: [...new Set([...clean.removed, ...stillEmpty(tab.removedSecrets, clean.draft)])],
          };
        }),
      };
    });
  }

  /** Remembers the environment chosen in a workspace (`''`: while none is open). */
  chooseEnvironment(workspaceKey: string, environmentId: string | undefined): Promise<void> {
    return this.change(async (state) => {
      if (environmentId === undefined) delete state.chosenEnvironments[workspaceKey];
      else state.chosenEnvironments[workspaceKey] = environmentId;
    });
  }

  private change(apply: (state: SessionFile) => Promise<void>): Promise<void> {
    const next = this.queue.then(async () => {
      const state = structuredClone(await this.read());
      await apply(state);
      await writeAtomic(this.file, JSON.stringify(state, null, 2));
      this.state = state;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async read(): Promise<SessionFile> {
    if (this.state) return this.state;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.state = { version: 1, chosenEnvironments: {} };
      return this.state;
    }
    try {
      this.state = fileSchema.parse(JSON.parse(text));
    } catch (error) {
      const aside = `${this.file}.unreadable-${Date.now()}`;
      await rename(this.file, aside).catch(() => undefined);
      const reason = (error as Error).message.split('\n')[0] ?? 'not valid';
      this.problem = `The last session could not be restored: ${this.file} could not be read (${reason}). It was kept as ${aside}; Lantern started with a new session.`;
      this.state = { version: 1, chosenEnvironments: {} };
    }
    return this.state;
  }
}

/**
 * Places named as removed before that the draft still leaves empty. Only a header or field that is
 * still there and still empty counts: typing the value again clears the note.
 */
function stillEmpty(places: readonly string[], draft: SessionSnapshot['tabs'][number]['draft']): string[] {
  return places.filter((place) => {
    const named = /^the (header|form field|query parameter|switched-off query parameter) "(.*)"$/.exec(place);
    if (!named) return false;
    const [, kind, name] = named;
    if (kind === 'header') return draft.headers.some((h) => h.name === name && h.value === '');
    if (kind === 'form field') {
      const fields = 'fields' in draft.body ? draft.body.fields : [];
      return fields.some((f) => f.name === name && 'value' in f && f.value === '');
    }
    if (kind === 'query parameter') return new RegExp(`[?&;]${escape(name ?? '')}=(&|#|;|$)`).test(draft.url);
    return (draft.disabledParams ?? []).some((p) => p.name === name && p.value === '');
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
