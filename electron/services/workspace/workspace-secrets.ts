import { folderChain } from '../../../shared/collections/effective-request';
import { maskSecret } from '../../../shared/model/auth';
import type { Folder } from '../../../shared/model/collection';
import type { VariableLayer } from '../../../shared/template/index';
import { missingSecretsProblem, secretLayer, withoutMissing } from '../environments/secret-layers';
import { secretMap } from '../environments/environment-store';
import {
  keepSecretValues,
  type IncomingVariable,
  type StoredVariable,
} from '../environments/keep-secret-values';
import type { SecretScopes } from '../vault/secret-scopes';
import type { WorkspaceStore } from './index';
import {
  ENVIRONMENT_SUFFIX,
  ENVIRONMENTS_DIR,
  FOLDER_FILE,
  type WorkspaceProblem,
} from '../../../shared/workspace-format/types';

/** Vault scopes: `ws-env:<workspace id>:<environment file id>` and `ws-folder:<workspace id>:<folder id>`. */
export const environmentScope = (workspaceId: string, fileId: string) => `ws-env:${workspaceId}:${fileId}`;
export const folderScope = (workspaceId: string, folderId: string) => `ws-folder:${workspaceId}:${folderId}`;

export interface Filled {
  variables: StoredVariable[];
  /** Secret variables the vault holds no value for. */
  missing: Set<string>;
}

type Removed = Map<string, Map<string, string>>;

function allFolders(folder: Folder, into: Folder[] = []): Folder[] {
  into.push(folder);
  for (const child of folder.folders) allFolders(child, into);
  return into;
}

/**
 * The secret values of a workspace's environments and folder variables. The files say only that a
 * variable is secret; its value is in this computer's vault, keyed by the workspace id and the
 * environment file's id or the folder's id (both survive renames and moves made in Lantern).
 */
export class WorkspaceSecrets {
  private scopes: SecretScopes | undefined;
  private readonly undoable = new Map<string, Removed>();

  constructor(private readonly current: () => WorkspaceStore | undefined) {}

  useVault(scopes: SecretScopes): void {
    this.scopes = scopes;
  }

  /** Variables with their secret values filled in from the vault. */
  fill(scope: string, variables: readonly StoredVariable[] = []): Filled {
    const stored = this.scopes?.values(scope) ?? new Map<string, string>();
    const missing = new Set<string>();
    const filled = variables.map((variable) => {
      if (!variable.secret) return { ...variable };
      const value = stored.get(variable.name);
      if (value === undefined) missing.add(variable.name);
      return { ...variable, value: value ?? '' };
    });
    return { variables: filled, missing };
  }

  folder(store: WorkspaceStore, folder: Folder): Filled {
    return this.fill(folderScope(store.workspace.id, folder.id), folder.variables);
  }

  /** A saved request's folders, nearest first, as scope layers (secret values included). */
  layersFor(savedRequestId: string): VariableLayer[] {
    const store = this.current();
    const chain = store && folderChain(store.workspace.root, savedRequestId);
    if (!store || !chain) return [];
    return chain
      .filter((folder) => (folder.variables ?? []).length > 0)
      .reverse()
      .map((folder) => {
        const filled = { name: folder.name, ...this.folder(store, folder) };
        return secretLayer(`the folder "${folder.name}"`, withoutMissing(filled));
      });
  }

  /** Every secret value of the open workspace, for masking. */
  secretValues(): string[] {
    const store = this.current();
    if (!store || !this.scopes) return [];
    const id = store.workspace.id;
    return [...this.scopes.valuesUnder(`ws-env:${id}:`), ...this.scopes.valuesUnder(`ws-folder:${id}:`)];
  }

  /**
   * Stores the secret values of a folder's new variables (a masked preview sent back keeps its
   * value) and returns the variables to give the store, which writes them without secret values.
   */
  async saveFolderVariables(
    store: WorkspaceStore,
    folder: Folder,
    incoming: readonly IncomingVariable[],
  ): Promise<{ variables: StoredVariable[]; undo: () => Promise<void> }> {
    const scope = folderScope(store.workspace.id, folder.id);
    const previous = this.folder(store, folder);
    const variables = keepSecretValues(previous.variables, incoming, `the folder "${folder.name}"`);
    const missing = new Set(
      variables.filter((v) => v.secret && v.value === '' && previous.missing.has(v.name)).map((v) => v.name),
    );
    const before = this.scopes?.values(scope) ?? new Map<string, string>();
    await this.scopes?.replace(
      scope,
      secretMap({ variables, missing }),
      `The secret variables of "${folder.name}"`,
    );
    return {
      variables,
      undo: async () => {
        await this.scopes?.replace(scope, before, 'Secret variables').catch(() => undefined);
      },
    };
  }

  async saveEnvironment(
    store: WorkspaceStore,
    fileId: string,
    name: string,
    variables: StoredVariable[],
    missing: ReadonlySet<string>,
  ): Promise<void> {
    const scope = environmentScope(store.workspace.id, fileId);
    const before = this.scopes?.values(scope) ?? new Map<string, string>();
    await this.scopes?.replace(scope, secretMap({ variables, missing }), `The secret variables of "${name}"`);
    try {
      await store.saveEnvironment({ id: fileId, name, variables });
    } catch (error) {
      await this.scopes?.replace(scope, before, 'Secret variables').catch(() => undefined);
      throw error;
    }
  }

  /**
   * A new environment in the workspace's `environments/` folder: the file first (it names the
   * vault scope), then its secret values to the vault; if the vault refuses, the file goes again.
   */
  async createEnvironment(store: WorkspaceStore, name: string, variables: StoredVariable[]): Promise<string> {
    const created = await store.saveEnvironment({ name, variables });
    try {
      await this.scopes?.replace(
        environmentScope(store.workspace.id, created.id),
        secretMap({ variables }),
        `The secret variables of "${name}"`,
      );
    } catch (error) {
      await store.deleteEnvironment(created.id).catch(() => undefined);
      throw error;
    }
    return created.id;
  }

  async deleteEnvironment(store: WorkspaceStore, fileId: string): Promise<void> {
    await store.deleteEnvironment(fileId);
    await this.scopes
      ?.remove([environmentScope(store.workspace.id, fileId)], 'Secret variables')
      .catch(() => undefined);
  }

  /** Deletes a folder; its secret values (and its sub-folders') come back with an undo. */
  async deleteFolder(store: WorkspaceStore, folder: Folder): Promise<string> {
    const scopes = allFolders(folder).map((f) => folderScope(store.workspace.id, f.id));
    const token = await store.deleteFolder(folder.id);
    const removed = await this.scopes?.remove(scopes, 'Secret variables').catch(() => undefined);
    if (removed && removed.size > 0) this.undoable.set(token, removed);
    return token;
  }

  async undo(store: WorkspaceStore, token: string): Promise<void> {
    await store.undo(token);
    const removed = this.undoable.get(token);
    this.undoable.delete(token);
    if (removed) await this.scopes?.restore(removed, 'Secret variables');
  }

  /**
   * After files changed outside Lantern: an environment file renamed on disk (`git mv`) is a new
   * id with the same name; its values move with it rather than being lost. Values of files that
   * vanished are kept (a branch switch brings them back); a secret without a value is reported.
   */
  async followRenamedEnvironments(store: WorkspaceStore, before: ReadonlyMap<string, string>): Promise<void> {
    const now = new Map(store.workspace.environments.map((e) => [e.id, e.name]));
    const gone = [...before].filter(([id]) => !now.has(id));
    for (const environment of store.workspace.environments) {
      if (before.has(environment.id) || !environment.variables.some((v) => v.secret)) continue;
      const sameName = gone.filter(([, name]) => name === environment.name);
      if (sameName.length !== 1) continue;
      const [fromId] = sameName[0] as [string, string];
      const from = environmentScope(store.workspace.id, fromId);
      const to = environmentScope(store.workspace.id, environment.id);
      if (this.scopes?.values(to).size === 0)
        await this.scopes.move(from, to, 'Secret variables').catch(() => undefined);
    }
  }

  /** The tree for the renderer: secret folder values as masked previews, never values. */
  maskedRoot(store: WorkspaceStore): Folder {
    const mask = (folder: Folder): Folder => {
      const hasSecret = (folder.variables ?? []).some((v) => v.secret);
      const variables = hasSecret
        ? this.folder(store, folder).variables.map((v) =>
            v.secret ? { ...v, value: maskSecret(v.value) } : v,
          )
        : folder.variables;
      return { ...folder, ...(variables ? { variables } : {}), folders: folder.folders.map(mask) };
    };
    return mask(store.workspace.root);
  }

  /** A warning per file whose secret variables have no value on this computer. */
  problems(store: WorkspaceStore): WorkspaceProblem[] {
    const problems: WorkspaceProblem[] = [];
    const vaultProblem = this.scopes?.problem;
    for (const environment of store.workspace.environments) {
      if (!environment.variables.some((v) => v.secret)) continue;
      const filled = this.fill(environmentScope(store.workspace.id, environment.id), environment.variables);
      const reason = missingSecretsProblem({ name: environment.name, ...filled }, vaultProblem);
      if (reason)
        problems.push({
          path: `${ENVIRONMENTS_DIR}/${environment.id}${ENVIRONMENT_SUFFIX}`,
          reason,
          severity: 'warning',
        });
    }
    for (const folder of allFolders(store.workspace.root)) {
      if (!(folder.variables ?? []).some((v) => v.secret)) continue;
      const reason = missingSecretsProblem(
        { name: folder.name, ...this.folder(store, folder) },
        vaultProblem,
      );
      const dir = store.folderPath(folder.id) ?? '';
      if (reason)
        problems.push({
          path: dir === '' ? FOLDER_FILE : `${dir}/${FOLDER_FILE}`,
          reason,
          severity: 'warning',
        });
    }
    return problems;
  }
}
