import { mkdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { sessionSnapshotSchema, type SessionSnapshot } from '../../../shared/calls/session-calls';
import { stillMissing } from '../../../shared/session/removed-secrets';
import { writeFileAtomic } from '../files/atomic-file';
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

/**
 * The session kept in the app's data folder (`session.json`): the open tabs with their drafts, the
 * active tab, and the environment chosen in each workspace. Drafts lose every secret value before
 * they are written (the vault is where secrets live). A file that cannot be read is moved aside,
 * reported once, and the app starts with a fresh session instead of failing.
 */
export class SessionStore {
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
            removedSecrets: [
              ...new Set([...clean.removed, ...stillMissing(tab.removedSecrets, clean.draft)]),
            ],
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
      const state = await this.read();
      await apply(state);
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, JSON.stringify(state, null, 2), 0o600);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Read each time (it is small): the file on disk is the one truth, whoever changed it. */
  private async read(): Promise<SessionFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return { version: 1, chosenEnvironments: {} };
    }
    try {
      return fileSchema.parse(JSON.parse(text));
    } catch (error) {
      const aside = `${this.file}.unreadable-${Date.now()}`;
      await rename(this.file, aside).catch(() => undefined);
      const reason = (error as Error).message.split('\n')[0] ?? 'not valid';
      this.problem = `The last session could not be restored: ${this.file} could not be read (${reason}). It was kept as ${aside}; Lantern started with a new session.`;
      return { version: 1, chosenEnvironments: {} };
    }
  }
}
