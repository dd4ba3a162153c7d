import path from 'node:path';
import type { EmitEvent } from '../../../shared/contract';
import type { WorkspaceView } from '../../../shared/calls/workspace-calls';
import { LanternError } from '../../../shared/model/result';
import type { EnvironmentStore } from '../environments/environment-store';
import type { StoredVariable } from '../environments/keep-secret-values';
import type { SecretScopes } from '../vault/secret-scopes';
import type { FolderPatch } from './folder-operations';
import {
  initWorkspace,
  inspectFolder,
  WorkspaceRegistry,
  WorkspaceStore,
  type Folder,
  type KnownWorkspace,
} from './index';
import { slugify } from '../../../shared/workspace-format/slug';
import { ENVIRONMENT_SUFFIX, ENVIRONMENTS_DIR } from '../../../shared/workspace-format/types';
import { environmentScope, WorkspaceSecrets } from './workspace-secrets';

/** The environment-switcher id of a workspace environment: it is offered there beside the app's own. */
export const workspaceEnvironmentId = (workspaceId: string, environmentId: string): string =>
  `ws:${workspaceId}:${environmentId}`;

function findFolder(folder: Folder, id: string): Folder | undefined {
  if (folder.id === id) return folder;
  for (const child of folder.folders) {
    const found = findFolder(child, id);
    if (found) return found;
  }
  return undefined;
}

function revisions(store: WorkspaceStore, folder: Folder, into: Record<string, string> = {}) {
  for (const request of folder.requests) into[request.id] = store.revisionOf(request.id) ?? '';
  for (const child of folder.folders) revisions(store, child, into);
  return into;
}

/** What every handler gives back after a change: the tree as it is on disk now. */
export function viewOf(store: WorkspaceStore): WorkspaceView {
  const { workspace } = store;
  return {
    id: workspace.id,
    name: workspace.name,
    path: store.dir,
    root: workspace.root,
    environments: workspace.environments,
    environmentIds: Object.fromEntries(
      workspace.environments.map((e) => [e.id, workspaceEnvironmentId(workspace.id, e.id)]),
    ),
    problems: store.problems,
    revisions: revisions(store, workspace.root),
  };
}

export interface SessionOptions {
  dataDir: string;
  environments: EnvironmentStore;
  emit?: EmitEvent;
  /** Watch the folder for outside changes (the app: yes; the CLI: no). */
  watch?: boolean;
  /** Add an opened workspace to the recent list, which the app reopens at start (the CLI: no). */
  remember?: boolean;
}

/**
 * The workspace open in this process (one at a time) and the list of known ones. Opening one
 * registers its environments in the environment store, so sends resolve `{{names}}` from them.
 */
export class WorkspaceSession {
  readonly registry: WorkspaceRegistry;
  readonly secrets = new WorkspaceSecrets(() => this.current);
  private current: WorkspaceStore | undefined;
  /** Environment file id → name, as last registered: to follow a file renamed outside Lantern. */
  private known = new Map<string, string>();
  /** The follow-up of the last outside change (vault moves, registration), for `reload` to wait on. */
  private settling: Promise<void> = Promise.resolve();

  constructor(private readonly options: SessionOptions) {
    this.registry = new WorkspaceRegistry(options.dataDir);
    options.environments.useRequestVariables(this.secrets);
  }

  /** Secret values of environments and folder variables come from the vault once it is open. */
  useVault(scopes: SecretScopes): void {
    this.secrets.useVault(scopes);
    if (this.current) this.registerEnvironments(this.current);
  }

  /** The default home of new workspaces: `<data dir>/workspaces/<name>`. */
  defaultPath(name: string): string {
    return path.join(this.options.dataDir, 'workspaces', slugify(name, 'workspace'));
  }

  get store(): WorkspaceStore {
    if (this.current === undefined) {
      throw new LanternError(
        'workspace.none-open',
        'No workspace is open. Open or create one in the sidebar first.',
      );
    }
    return this.current;
  }

  get isOpen(): boolean {
    return this.current !== undefined;
  }

  async open(dir: string): Promise<WorkspaceView> {
    const resolved = path.resolve(dir);
    const inspection = await inspectFolder(resolved);
    if (inspection.kind !== 'workspace') {
      const foreign = inspection.foreign.filter((f) => f !== 'git');
      const hint =
        foreign.length > 0
          ? ` It looks like a ${foreign.join(' / ')} collection: use Import instead.`
          : ' Create a workspace there, or pick the folder that holds lantern.workspace.yaml.';
      throw new LanternError(
        'workspace.not-a-workspace',
        inspection.kind === 'missing'
          ? `There is no folder at ${resolved}. Check the path.`
          : `${resolved} is not a Lantern workspace (it has no lantern.workspace.yaml).${hint}`,
      );
    }
    const store = await WorkspaceStore.open(resolved, { watch: this.options.watch ?? true });
    this.current?.close();
    this.current = store;
    this.known = new Map();
    store.onChange((event) => {
      this.settling = this.secrets.followRenamedEnvironments(store, this.known).then(() => {
        this.registerEnvironments(store);
        this.options.emit?.('workspaceChanged', {
          workspaceId: store.workspace.id,
          paths: event.paths,
          requestIds: event.requestIds,
        });
      });
    });
    this.registerEnvironments(store);
    // While it is open, new environments are created in it (a clone and `lantern run` see them).
    this.options.environments.useNewHome({
      create: async (name, variables) => {
        const fileId = await this.secrets.createEnvironment(store, name, variables);
        this.registerEnvironments(store);
        return workspaceEnvironmentId(store.workspace.id, fileId);
      },
    });
    if (this.options.remember !== false) await this.registry.add(resolved, store.workspace.name);
    return this.view();
  }

  /** Reads the folder again, and waits until its environments are registered again. */
  async reload(): Promise<void> {
    await this.store.reload();
    await this.settling;
  }

  async create(name: string, dir?: string): Promise<WorkspaceView> {
    const target = path.resolve(dir ?? this.defaultPath(name));
    await initWorkspace(target, name);
    return this.open(target);
  }

  async list(): Promise<KnownWorkspace[]> {
    return this.registry.list();
  }

  /** The tree for the renderer: secret folder values masked, secrets without a value reported. */
  view(): WorkspaceView {
    const store = this.store;
    const view = viewOf(store);
    return {
      ...view,
      root: this.secrets.maskedRoot(store),
      problems: [...view.problems, ...this.secrets.problems(store)],
    };
  }

  /**
   * Workspace environments become entries of the environment switcher, editable there: a save
   * goes back to the environment's file, its secret values to the vault.
   */
  registerEnvironments(store: WorkspaceStore): void {
    const { workspace } = store;
    this.known = new Map(workspace.environments.map((e) => [e.id, e.name]));
    this.options.environments.replaceOwned(
      'ws:',
      workspace.environments.map((environment) => ({
        id: workspaceEnvironmentId(workspace.id, environment.id),
        name: environment.name,
        location: {
          kind: 'workspace' as const,
          workspaceName: workspace.name,
          file: `${ENVIRONMENTS_DIR}/${environment.id}${ENVIRONMENT_SUFFIX}`,
        },
        ...this.secrets.fill(environmentScope(workspace.id, environment.id), environment.variables),
        owner: {
          save: async (name: string, variables: StoredVariable[], missing: ReadonlySet<string>) => {
            await this.secrets.saveEnvironment(store, environment.id, name, variables, missing);
            this.registerEnvironments(store);
          },
          delete: async () => {
            await this.secrets.deleteEnvironment(store, environment.id);
            this.registerEnvironments(store);
          },
        },
      })),
    );
  }

  /** A folder's settings; secret variable values go to the vault, the file keeps only their names. */
  async updateFolder(id: string, patch: FolderPatch): Promise<void> {
    const store = this.store;
    const folder = findFolder(store.workspace.root, id);
    if (patch.variables === undefined || folder === undefined) {
      await store.updateFolder(id, patch);
      return;
    }
    const incoming = patch.variables.map((v) => ({ ...v, secret: v.secret ?? false }));
    const saved = await this.secrets.saveFolderVariables(store, folder, incoming);
    try {
      await store.updateFolder(id, { ...patch, variables: saved.variables });
    } catch (error) {
      await saved.undo();
      throw error;
    }
  }

  async deleteFolder(id: string): Promise<string> {
    const store = this.store;
    const folder = findFolder(store.workspace.root, id);
    if (folder === undefined) return store.deleteFolder(id);
    return this.secrets.deleteFolder(store, folder);
  }

  async undo(token: string): Promise<void> {
    const store = this.store;
    await this.secrets.undo(store, token);
    this.registerEnvironments(store);
  }

  close(): void {
    this.current?.close();
    this.current = undefined;
    this.options.environments.replaceOwned('ws:', []);
    this.options.environments.useNewHome(undefined);
  }
}
