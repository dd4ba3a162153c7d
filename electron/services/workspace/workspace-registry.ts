import { copyFile, readFile } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../files/atomic-file';

const REGISTRY_FILE = 'workspaces.json';

const knownWorkspaceSchema = z.object({
  path: z.string().min(1),
  name: z.string(),
  /** ISO time the workspace was last opened. */
  lastOpened: z.string(),
});
export type KnownWorkspace = z.infer<typeof knownWorkspaceSchema>;

const registryFileSchema = z.object({ version: z.literal(1), workspaces: z.array(knownWorkspaceSchema) });

/**
 * The workspaces Lantern knows, kept in the app-data folder (not in any workspace): path, name,
 * last opened. Writes are atomic; a file that cannot be read is copied aside, never lost.
 */
export class WorkspaceRegistry {
  /** Set when the file could not be read: what happened, in plain words. */
  problem: string | undefined;
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.file = path.join(dataDir, REGISTRY_FILE);
  }

  /** Most recently opened first. */
  async list(): Promise<KnownWorkspace[]> {
    const workspaces = await this.read();
    return [...workspaces].sort((a, b) =>
      a.lastOpened < b.lastOpened ? 1 : a.lastOpened > b.lastOpened ? -1 : 0,
    );
  }

  /** Adds a workspace, or updates its name and last-opened time when it is already listed. */
  async add(workspacePath: string, name: string): Promise<KnownWorkspace> {
    const resolved = path.resolve(workspacePath);
    const entry: KnownWorkspace = { path: resolved, name, lastOpened: this.now().toISOString() };
    const others = (await this.read()).filter((w) => w.path !== resolved);
    await this.write([...others, entry]);
    return entry;
  }

  /** Forgets a workspace; its folder on disk is not touched. */
  async remove(workspacePath: string): Promise<void> {
    const resolved = path.resolve(workspacePath);
    const workspaces = await this.read();
    const kept = workspaces.filter((w) => w.path !== resolved);
    if (kept.length !== workspaces.length) await this.write(kept);
  }

  private async read(): Promise<KnownWorkspace[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    try {
      return registryFileSchema.parse(JSON.parse(text)).workspaces;
    } catch (error) {
      const backup = `${this.file}.unreadable-${this.now().getTime()}`;
      await copyFile(this.file, backup);
      this.problem = `The list of workspaces (${this.file}) could not be read (${(error as Error).message.split('\n')[0]}). It was kept as ${backup}; open your workspaces again to list them.`;
      return [];
    }
  }

  private async write(workspaces: KnownWorkspace[]): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const sorted = [...workspaces].sort((a, b) => (a.path < b.path ? -1 : 1));
    await writeFileAtomic(this.file, `${JSON.stringify({ version: 1, workspaces: sorted }, null, 2)}\n`);
  }
}
