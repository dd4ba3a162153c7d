import { randomBytes } from 'node:crypto';
import { LanternError } from '../../../shared/model/result';
import { removeStaleTempFiles } from '../files/atomic-file';
import * as environments from './environment-operations';
import * as folders from './folder-operations';
import { loadWorkspace, type LoadedWorkspace } from './load-workspace';
import * as requests from './request-operations';
import type {
  Folder,
  SavedRequest,
  Workspace,
  WorkspaceChangeEvent,
  WorkspaceCredential,
  WorkspaceEnvironment,
  WorkspaceProblem,
} from '../../../shared/workspace-format/types';
import { WorkspaceFiles } from './workspace-files';
import { WorkspaceWatcher } from './workspace-watcher';

type Deleted = requests.DeletedRequest | folders.DeletedFolder | environments.DeletedEnvironment;

export interface WorkspaceStoreOptions {
  /** Watch the folder for changes made outside Lantern (default true). */
  watch?: boolean;
  debounceMs?: number;
}

const UNDO_LIMIT = 50;

/**
 * One open workspace, main side. Every operation writes its files atomically before it returns,
 * and operations run one at a time, so the tree always matches the disk. Reads return the live
 * tree: treat it as read-only.
 */
export class WorkspaceStore {
  private readonly files: WorkspaceFiles;
  private readonly listeners = new Set<(event: WorkspaceChangeEvent) => void>();
  private readonly undoable = new Map<string, Deleted>();
  private queue: Promise<unknown> = Promise.resolve();
  private watcher: WorkspaceWatcher | undefined;

  private constructor(state: LoadedWorkspace) {
    this.files = new WorkspaceFiles(state);
  }

  /** Opens `dir` (see `openWorkspace` for what happens to files that cannot be read). */
  static async open(dir: string, options: WorkspaceStoreOptions = {}): Promise<WorkspaceStore> {
    await removeStaleTempFiles(dir);
    const store = new WorkspaceStore(await loadWorkspace(dir));
    if (options.watch !== false) {
      store.watcher = new WorkspaceWatcher(
        dir,
        () => void store.reload().catch(() => undefined),
        options.debounceMs,
      );
      store.watchFolders();
    }
    return store;
  }

  get workspace(): Workspace {
    return this.files.state.workspace;
  }

  get problems(): WorkspaceProblem[] {
    return this.files.state.problems;
  }

  get dir(): string {
    return this.files.state.dir;
  }

  /** A folder's place, relative to the workspace folder (`''` for the workspace folder itself). */
  folderPath(id: string): string | undefined {
    return this.files.state.folders.get(id)?.path;
  }

  /** A hash of the request's file as Lantern last read or wrote it; it changes when the file does. */
  revisionOf(id: string): string | undefined {
    return this.files.state.requests.get(id)?.revision;
  }

  /** Listens for changes made outside Lantern; Lantern's own writes are not reported. */
  onChange(listener: (event: WorkspaceChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  createRequest(folderId: string, request: SavedRequest, index?: number): Promise<SavedRequest> {
    return this.serial(() => requests.createRequest(this.files, folderId, request, index));
  }

  updateRequest(
    id: string,
    patch: requests.RequestPatch,
    options?: requests.UpdateOptions,
  ): Promise<SavedRequest> {
    return this.serial(() => requests.updateRequest(this.files, id, patch, options));
  }

  renameRequest(id: string, name: string): Promise<SavedRequest> {
    return this.updateRequest(id, { name });
  }

  duplicateRequest(id: string): Promise<SavedRequest> {
    return this.serial(() => requests.duplicateRequest(this.files, id));
  }

  moveRequest(id: string, toFolderId: string, index?: number): Promise<void> {
    return this.serial(() => requests.moveRequest(this.files, id, toFolderId, index));
  }

  /** Deletes the request's file; the token undoes it (this session only). */
  deleteRequest(id: string): Promise<string> {
    return this.serial(async () => this.remember(await requests.deleteRequest(this.files, id)));
  }

  createFolder(
    parentId: string,
    input: folders.FolderPatch & { name: string },
    index?: number,
  ): Promise<Folder> {
    return this.serial(() => folders.createFolder(this.files, parentId, input, index));
  }

  /** Name, description, auth, headers, variables; a secret variable's value is not kept. */
  updateFolder(id: string, patch: folders.FolderPatch): Promise<Folder> {
    return this.serial(() => folders.updateFolder(this.files, id, patch));
  }

  renameFolder(id: string, name: string): Promise<Folder> {
    return this.updateFolder(id, { name });
  }

  moveFolder(id: string, toParentId: string, index?: number): Promise<void> {
    return this.serial(() => folders.moveFolder(this.files, id, toParentId, index));
  }

  deleteFolder(id: string): Promise<string> {
    return this.serial(async () => this.remember(await folders.deleteFolder(this.files, id)));
  }

  /** Keeps credentials whose secret is a `{{variable}}` in lantern.workspace.yaml. */
  addCredentials(credentials: WorkspaceCredential[]): Promise<void> {
    return this.serial(() => folders.addWorkspaceCredentials(this.files, credentials));
  }

  saveEnvironment(input: environments.EnvironmentInput): Promise<WorkspaceEnvironment> {
    return this.serial(() => environments.saveEnvironment(this.files, input));
  }

  deleteEnvironment(id: string): Promise<string> {
    return this.serial(async () => this.remember(await environments.deleteEnvironment(this.files, id)));
  }

  /** Puts back what a delete removed, byte for byte, at its place. A token works once. */
  undo(token: string): Promise<{ kind: Deleted['kind']; id: string }> {
    return this.serial(async () => {
      const deleted = this.undoable.get(token);
      if (deleted === undefined) {
        throw new LanternError(
          'workspace.undo-expired',
          'This deletion can no longer be undone (it was undone already, or Lantern was restarted). Restore the file from git if you need it.',
        );
      }
      this.undoable.delete(token);
      if (deleted.kind === 'request')
        return { kind: deleted.kind, id: (await requests.restoreRequest(this.files, deleted)).id };
      if (deleted.kind === 'environment') {
        return { kind: deleted.kind, id: (await environments.restoreEnvironment(this.files, deleted)).id };
      }
      return { kind: deleted.kind, id: await this.restoreFolder(deleted) };
    });
  }

  /** Re-reads the folder (files unchanged since the last read are not parsed again). */
  reload(): Promise<WorkspaceChangeEvent | undefined> {
    return this.serial(async () => {
      const event = await this.refresh();
      if (event !== undefined) for (const listener of this.listeners) listener(event);
      return event;
    });
  }

  close(): void {
    this.watcher?.close();
    this.watcher = undefined;
    this.listeners.clear();
  }

  private async restoreFolder(deleted: folders.DeletedFolder): Promise<string> {
    const target = await folders.restoreFolderFiles(this.files, deleted);
    await this.refresh();
    const entry = [...this.files.state.folders.values()].find((candidate) => candidate.path === target);
    if (entry === undefined || entry.parentId === undefined)
      throw new LanternError('workspace.undo-failed', 'The folder could not be restored.');
    await folders.moveFolder(this.files, entry.folder.id, entry.parentId, deleted.index);
    return entry.folder.id;
  }

  /** Loads the disk state again and says what differs from what the store knew. */
  private async refresh(): Promise<WorkspaceChangeEvent | undefined> {
    const before = this.files.state;
    const after = await loadWorkspace(before.dir, before.cache);
    this.files.state = after;
    this.watchFolders();
    const paths = new Set<string>();
    for (const key of new Set([...before.cache.keys(), ...after.cache.keys()])) {
      if (before.cache.get(key)?.revision !== after.cache.get(key)?.revision) paths.add(key);
    }
    const folderPaths = (state: LoadedWorkspace) =>
      new Set([...state.folders.values()].map((entry) => entry.path));
    const [oldDirs, newDirs] = [folderPaths(before), folderPaths(after)];
    for (const dir of oldDirs) if (!newDirs.has(dir)) paths.add(dir);
    for (const dir of newDirs) if (!oldDirs.has(dir)) paths.add(dir);
    const requestIds = new Set<string>();
    for (const id of new Set([...before.requests.keys(), ...after.requests.keys()])) {
      const [was, is] = [before.requests.get(id), after.requests.get(id)];
      if (was?.revision !== is?.revision || was?.path !== is?.path) requestIds.add(id);
    }
    if (paths.size === 0 && requestIds.size === 0) return undefined;
    return { type: 'changed', paths: [...paths].sort(), requestIds: [...requestIds].sort() };
  }

  private watchFolders(): void {
    const dirs = [...this.files.state.folders.values()].map((entry) => entry.path);
    this.watcher?.setDirectories([...dirs, 'environments']);
  }

  private remember(deleted: Deleted): string {
    const token = randomBytes(12).toString('base64url');
    this.undoable.set(token, deleted);
    if (this.undoable.size > UNDO_LIMIT) this.undoable.delete(this.undoable.keys().next().value as string);
    return token;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
