import type { EmitEvent, Handlers } from '../shared/contract';
import { CredentialStore } from './services/auth/credential-store';
import { SessionManager } from './services/auth/session-manager';
import { TokenManager } from './services/auth/token-manager';
import { createHttpEngine } from './services/http-engine';
import { createSendPipeline } from './services/send-pipeline';
import { EnvironmentStore } from './services/environments';
import { EnvironmentFile } from './services/environment-file';
import { HistoryStore } from './services/history/history-store';
import { CookieJarStore } from './services/engine/cookie-jar';
import { maskSecret } from '../shared/model/auth';
import path from 'node:path';
import { createSandboxLauncher } from './services/sandbox-launcher';
import { inspectFile, noFilePicker } from './services/files';

export interface ServiceOptions {
  mode: 'desktop' | 'browser';
  version: string;
  /** The per-user folder for settings, history and the vault. */
  dataDir: string;
  emit: EmitEvent;
  /** The OS file picker, where there is one (the desktop app). */
  pickFile?: () => Promise<{ path?: string }>;
}

/** Builds every main-side service and the handler table the contract asks for. */
export function createServices({ mode, version, dataDir, emit, pickFile = noFilePicker }: ServiceOptions) {
  const engine = createHttpEngine({ emit });
  const auth = {
    credentials: new CredentialStore(),
    tokens: new TokenManager(),
    sessions: new SessionManager(),
  };
  const environments = new EnvironmentStore(new EnvironmentFile(path.join(dataDir, 'environments.json')));
  const sandbox = createSandboxLauncher(auth, environments);
  const history = new HistoryStore({ dir: path.join(dataDir, 'history') });
  // One workspace for now: its jar is the default one.
  const jar = new CookieJarStore().jarFor('default');
  const handlers: Handlers = {
    appInfo: async () => ({ version, mode, platform: process.platform }),
    send: createSendPipeline({ engine, auth, environments, history, jar }),
    listCookies: async () =>
      jar
        .list()
        .map(({ createdAt: _createdAt, value, ...cookie }) => ({ ...cookie, value: maskSecret(value) })),
    clearCookies: async ({ domain }) => {
      jar.clear(domain);
      return {};
    },
    listHistory: async () => ({ entries: await history.list(), problems: history.problems() }),
    getHistoryEntry: ({ id }) => history.get(id),
    deleteHistoryEntry: async ({ id }) => ({ deleted: await history.delete(id) }),
    clearHistory: async () => {
      await history.clear();
      return {};
    },
    cancel: (input) => engine.cancel(input),
    listEnvironments: async () => environments.summaries(),
    saveEnvironment: async (input) => environments.save(input),
    deleteEnvironment: async ({ id }) => {
      environments.delete(id);
      return { deleted: true };
    },
    pickFile: () => pickFile(),
    inspectFile,
    listCredentials: async () => auth.credentials.summaries(),
    startSandbox: () => sandbox.start(),
  };
  /** The desktop menu's "Start sandbox API": starts it and tells the renderer. */
  const startSandboxFromMenu = async () => emit('sandboxStarted', await sandbox.start());
  return {
    handlers,
    auth,
    startSandboxFromMenu,
    close: async () => {
      await Promise.all([engine.close(), sandbox.close(), history.flush()]);
    },
  };
}
