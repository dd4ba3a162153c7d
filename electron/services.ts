import path from 'node:path';
import type { EmitEvent, Handlers } from '../shared/contract';
import { maskSecret } from '../shared/model/auth';
import type { AuthContext } from './services/auth/apply-auth';
import { CredentialStore } from './services/auth/credential-store';
import { SessionManager } from './services/auth/session-manager';
import { TokenManager } from './services/auth/token-manager';
import { createBodyHandlers } from './services/engine/body-calls';
import { knownSecrets } from './services/diagnostics/support-service';
import { WorkspaceJars } from './services/engine/workspace-jars';
import { EnvironmentFile } from './services/environment-file';
import { EnvironmentStore } from './services/environments';
import { inspectFile, noFilePicker, saveTextFile } from './services/files';
import { credentialHandlers } from './services/handlers/credential-handlers';
import { HistoryStore } from './services/history/history-store';
import { createHttpEngine } from './services/http-engine';
import { createSandboxLauncher } from './services/sandbox-launcher';
import { createSendPipeline } from './services/send-pipeline';
import { openVault } from './services/vault/open-vault';
import { SecretScopes } from './services/vault/secret-scopes';
import type { ServiceContext } from './services/handlers/service-context';
import { graphqlHandlers } from './services/handlers/graphql-handlers';
import { workspaceHandlers } from './services/handlers/workspace-handlers';
import { WorkspaceSession } from './services/handlers/workspace-session';
import { diagnosticsHandlers } from './services/handlers/diagnostics-handlers';
import type { SafeStorageLike } from './services/vault/safe-storage-protector';

export interface ServiceOptions {
  mode: 'desktop' | 'browser';
  version: string;
  /** The per-user folder for settings, history and the vault. */
  dataDir: string;
  emit: EmitEvent;
  /** The OS file picker, where there is one (the desktop app). */
  pickFile?: () => Promise<{ path?: string }>;
  /** Electron's safeStorage (desktop app, after `app.ready`); browser mode has none. */
  safeStorage?: SafeStorageLike;
  /** The open workspace's behaviour: `lantern run` neither watches its folder nor lists it as recent. */
  workspaceSession?: { watch?: boolean; remember?: boolean };
  /**
   * `lantern run`: reads the vault but never writes it (cookie jars stay in memory, no sweep of
   * orphaned secrets). The desktop app may share the data folder, and the vault is rewritten
   * whole from memory, so a write here could undo a credential the app saved meanwhile.
   */
  readOnlyVault?: boolean;
}

/**
 * Builds every main-side service and the handler table the contract asks for. The vault
 * opens in the background; every call waits for it, so no call sees half-loaded credentials.
 */
export function createServices({
  mode,
  version,
  dataDir,
  emit,
  pickFile = noFilePicker,
  safeStorage,
  workspaceSession,
  readOnlyVault = false,
}: ServiceOptions) {
  const engine = createHttpEngine({ emit });
  const auth: AuthContext = {
    credentials: new CredentialStore(),
    tokens: new TokenManager(),
    sessions: new SessionManager(),
  };
  const environments = new EnvironmentStore(new EnvironmentFile(path.join(dataDir, 'environments.json')));
  // Created here, not in its handlers: sends resolve its folders' variables, jars are labelled
  // with its name, and it needs the vault.
  const session = new WorkspaceSession({ dataDir, environments, emit, ...workspaceSession });
  // A jar per workspace; its label names the workspace while it is open (or as last kept).
  const jars = new WorkspaceJars({
    readOnly: readOnlyVault,
    nameOf: (id) =>
      session.isOpen && session.store.workspace.id === id ? session.store.workspace.name : undefined,
  });
  const vaultReady = openVault(dataDir, safeStorage).then(async (parts) => {
    const early = auth.credentials;
    const credentials = new CredentialStore({ dir: dataDir, vault: parts.vault });
    await credentials.load();
    // Anything registered in memory before the vault opened (the sample, tests) carries over.
    for (const credential of early.transientCredentials()) credentials.putTransient(credential);
    auth.credentials = credentials;
    jars.attach(parts.vault);
    const secrets = new SecretScopes(parts.vault);
    await environments.useVault(secrets, { sweep: !readOnlyVault });
    session.useVault(secrets);
    return parts;
  });
  const sandbox = createSandboxLauncher(auth, environments);
  const history = new HistoryStore({ dir: path.join(dataDir, 'history') });
  const send = createSendPipeline({ engine, auth, environments, history, jars });
  /** What the domain handler groups below share. */
  const context: ServiceContext = { mode, dataDir, emit, engine, auth, environments, history, jars, send };
  const handlers: Handlers = {
    appInfo: async () => ({ version, mode, platform: process.platform }),
    send,
    cancel: (input) => engine.cancel(input),
    listCookies: async ({ workspaceId }) => ({
      jar: jars.describe(workspaceId),
      cookies: jars
        .jarFor(workspaceId)
        .list()
        .map(({ createdAt: _createdAt, value, ...cookie }) => ({ ...cookie, value: maskSecret(value) })),
    }),
    clearCookies: async ({ workspaceId, domain }) => {
      jars.jarFor(workspaceId).clear(domain);
      return {};
    },
    listHistory: async () => ({ entries: await history.list(), problems: history.problems() }),
    getHistoryEntry: ({ id }) => history.get(id),
    deleteHistoryEntry: async ({ id }) => ({ deleted: await history.delete(id) }),
    clearHistory: async () => {
      await history.clear();
      return {};
    },
    listEnvironments: async () => environments.summaries(),
    saveEnvironment: async (input) => environments.save(input),
    deleteEnvironment: async ({ id }) => {
      await environments.delete(id);
      return { deleted: true };
    },
    pickFile: () => pickFile(),
    inspectFile,
    saveTextFile,
    startSandbox: () => sandbox.start(),
    ...credentialHandlers(auth, () => vaultReady),
    // Large response bodies kept on disk: windows, search, pretty copy, save, release.
    ...createBodyHandlers(engine.bodies),
    ...graphqlHandlers(context),
    ...workspaceHandlers(context, session),
    ...diagnosticsHandlers(context),
  };
  /** The desktop menu's "Start sandbox API": starts it and tells the renderer. */
  const startSandboxFromMenu = async () => {
    await vaultReady;
    emit('sandboxStarted', await sandbox.start());
  };
  return {
    handlers: whenReady(vaultReady, handlers),
    auth,
    /** The variable scope of a send, as the send pipeline builds it (`lantern run` checks it first). */
    environments,
    startSandboxFromMenu,
    /** Every secret known right now, OAuth tokens and session cookies included (`lantern run` masks with them). */
    knownSecrets: () => knownSecrets(context),
    close: async () => {
      await Promise.all([engine.close(), sandbox.close(), history.flush(), jars.flush()]);
    },
  };
}

/** Every handler first waits for start-up (the vault) to finish. */
function whenReady(ready: Promise<unknown>, handlers: Handlers): Handlers {
  const wrapped: Record<string, (input: never) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (input: never) => Promise<unknown>][]) {
    wrapped[name] = async (input) => {
      await ready;
      return handler(input);
    };
  }
  return wrapped as unknown as Handlers;
}
