import path from 'node:path';
import { removeStaleTempFiles } from './files/atomic-file';
import type { EmitEvent, Handlers } from '../../shared/contract';
import type { AuthContext } from './auth/apply-auth';
import { CredentialStore } from './auth/credential-store';
import { SessionManager } from './auth/session-manager';
import { TokenManager } from './auth/token-manager';
import { knownSecrets } from './diagnostics/support-service';
import { WorkspaceJars } from './engine/workspace-jars';
import { EnvironmentFile } from './environments/environment-file';
import { EnvironmentStore } from './environments/environment-store';
import { FileAccess } from './files/file-access';
import type { FileDialogs } from './files/file-dialogs';
import { GrantStore } from './files/grant-store';
import { hostname, userInfo } from 'node:os';
import { bodyHandlers } from './handlers/body-handlers';
import { cookieHandlers } from './handlers/cookie-handlers';
import { coreHandlers } from './handlers/core-handlers';
import { environmentHandlers } from './handlers/environment-handlers';
import { historyHandlers } from './handlers/history-handlers';
import { sessionHandlers } from './handlers/session-handlers';
import { SessionStore } from './session/session-store';
import { credentialHandlers } from './handlers/credential-handlers';
import { HistoryStore } from './history/history-store';
import { createHttpEngine } from './engine/http-engine';
import { createSampleService } from './sample/sample-service';
import { createSandboxLauncher } from './sample/sandbox-launcher';
import { createSendPipeline } from './send/send-pipeline';
import { openVault } from './vault/open-vault';
import { SecretScopes } from './vault/secret-scopes';
import type { ServiceContext } from './service-context';
import { graphqlHandlers } from './handlers/graphql-handlers';
import { workspaceHandlers } from './handlers/workspace-handlers';
import { WorkspaceSession } from './workspace/workspace-session';
import { diagnosticsHandlers } from './handlers/diagnostics-handlers';
import type { SafeStorageLike } from './vault/safe-storage-protector';
import { prefsHandlers } from './handlers/prefs-handlers';
import { runnerHandlers } from './handlers/runner-handlers';
import { PreferencesStore } from './preferences/preferences-store';

export interface ServiceOptions {
  mode: 'desktop' | 'browser';
  version: string;
  /** The per-user folder for settings, history and the vault. */
  dataDir: string;
  emit: EmitEvent;
  /** The native open, save and folder dialogs, where there are (the desktop app). */
  dialogs?: FileDialogs;
  /** Folders that may open as a workspace as they are: given on the command line or in the config file. */
  allowedWorkspaces?: string[];
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
  dialogs,
  allowedWorkspaces = [],
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
  // A writer killed mid-save leaves its temp file (an old vault copy, still readable with the key):
  // they go before anything reads the folder. A reader only (`lantern run`) leaves them to the app.
  const swept = readOnlyVault ? Promise.resolve(0) : removeStaleTempFiles(dataDir).catch(() => 0);
  const vaultReady = swept.then(async () => {
    const parts = await openVault(dataDir, safeStorage);
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
  const preferences = prefsHandlers(new PreferencesStore(dataDir));
  const history = new HistoryStore({ dir: path.join(dataDir, 'history') });
  const workspace = () => (session.isOpen ? session.store.workspace : undefined);
  // Grants are kept with the data folder, for this computer and user only.
  const grants = new GrantStore({
    file: path.join(dataDir, 'grants.json'),
    computer: `${hostname()}/${userInfo().username}`,
  });
  const files = new FileAccess({ grants, dataDir, ...(dialogs ? { dialogs } : {}) });
  const { send, sendInRun } = createSendPipeline({
    files,
    workspaceDir: () => (session.isOpen ? session.store.dir : undefined),
    engine,
    auth,
    environments,
    history,
    jars,
    workspace,
    saveCaptures: !readOnlyVault,
  });
  /** What the domain handler groups below share. */
  const context: ServiceContext = {
    mode,
    dataDir,
    emit,
    engine,
    auth,
    environments,
    history,
    jars,
    workspace,
    sample: createSampleService(sandbox, session, auth),
    send,
    sendInRun,
    files,
    allowedWorkspaces,
  };
  const handlers: Handlers = {
    ...coreHandlers(context, { version }),
    ...environmentHandlers(context),
    ...historyHandlers(context),
    ...cookieHandlers(context),
    ...credentialHandlers(auth, () => vaultReady),
    ...bodyHandlers(engine.bodies, files),
    ...graphqlHandlers(context),
    ...workspaceHandlers(context, session),
    ...diagnosticsHandlers(context),
    ...preferences,
    ...runnerHandlers(context),
    // Tabs and drafts across restarts; every secret known is taken out of them before the disk.
    ...sessionHandlers(new SessionStore(path.join(dataDir, 'session.json'), () => knownSecrets(context))),
  };
  /** The desktop menu's "Start sandbox API": starts it and tells the renderer. */
  const startSandboxFromMenu = async () => {
    await vaultReady;
    emit('sandboxStarted', await context.sample.start());
  };
  return {
    // The theme and pane sizes paint the window: they need not wait for the vault.
    handlers: { ...whenReady(vaultReady, handlers), ...preferences },
    auth,
    /** The variable scope of a send, as the send pipeline builds it (`lantern run` checks it first). */
    environments,
    startSandboxFromMenu,
    /** Every secret known right now, OAuth tokens and session cookies included (`lantern run` masks with them). */
    knownSecrets: () => knownSecrets(context),
    /** The open workspace, the pipeline and the engine, for `lantern run`'s run engine. */
    context,
    close: async () => {
      // Start-up (the sweep, the vault) finishes first: nothing writes to the data folder after close.
      await vaultReady.catch(() => undefined);
      await Promise.all([engine.close(), sandbox.close(), history.flush(), jars.flush(), files.close()]);
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
