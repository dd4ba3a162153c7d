import path from 'node:path';
import type { EmitEvent } from '../../../shared/contract';
import type { WorkspaceView } from '../../../shared/calls/workspace-calls';
import { LanternError } from '../../../shared/model/result';
import type { EnvironmentStore } from '../environments';
import {
  initWorkspace,
  inspectFolder,
  WorkspaceRegistry,
  WorkspaceStore,
  type Folder,
  type KnownWorkspace,
} from '../workspace';
import { slugify } from '../workspace/slug';

/** The environment-switcher id of a workspace environment: it is offered there beside the app's own. */
export const workspaceEnvironmentId = (workspaceId: string, environmentId: string): string =>
  `ws:${workspaceId}:${environmentId}`;

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
}

/**
 * The workspace open in this process (one at a time) and the list of known ones. Opening one
 * registers its environments in the environment store, so sends resolve `{{names}}` from them.
 */
export class WorkspaceSession {
  readonly registry: WorkspaceRegistry;
  private current: WorkspaceStore | undefined;

  constructor(private readonly options: SessionOptions) {
    this.registry = new WorkspaceRegistry(options.dataDir);
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
    store.onChange((event) => {
      this.registerEnvironments(store);
      this.options.emit?.('workspaceChanged', {
        workspaceId: store.workspace.id,
        paths: event.paths,
        requestIds: event.requestIds,
      });
    });
    this.registerEnvironments(store);
    await this.registry.add(resolved, store.workspace.name);
    return viewOf(store);
  }

  async create(name: string, dir?: string): Promise<WorkspaceView> {
    const target = path.resolve(dir ?? this.defaultPath(name));
    await initWorkspace(target, name);
    return this.open(target);
  }

  async list(): Promise<KnownWorkspace[]> {
    return this.registry.list();
  }

  view(): WorkspaceView {
    return viewOf(this.store);
  }

  /** Workspace environments become read-only entries of the environment switcher. */
  registerEnvironments(store: WorkspaceStore): void {
    const { workspace } = store;
    for (const environment of workspace.environments) {
      this.options.environments.putTransient({
        id: workspaceEnvironmentId(workspace.id, environment.id),
        name: `${environment.name} (${workspace.name})`,
        variables: environment.variables.filter((v) => !v.secret),
      });
    }
  }

  close(): void {
    this.current?.close();
    this.current = undefined;
  }
}
