import type { EmitEvent, Handlers } from '../shared/contract';
import { CredentialStore } from './services/auth/credential-store';
import { SessionManager } from './services/auth/session-manager';
import { TokenManager } from './services/auth/token-manager';
import { createHttpEngine } from './services/http-engine';
import { createSendPipeline } from './services/send-pipeline';
import { EnvironmentStore } from './services/environments';
import { createSandboxLauncher } from './services/sandbox-launcher';

export interface ServiceOptions {
  mode: 'desktop' | 'browser';
  version: string;
  emit: EmitEvent;
}

/** Builds every main-side service and the handler table the contract asks for. */
export function createServices({ mode, version, emit }: ServiceOptions) {
  const engine = createHttpEngine({ emit });
  const auth = {
    credentials: new CredentialStore(),
    tokens: new TokenManager(),
    sessions: new SessionManager(),
  };
  const environments = new EnvironmentStore();
  const sandbox = createSandboxLauncher(auth, environments);
  const handlers: Handlers = {
    appInfo: async () => ({ version, mode, platform: process.platform }),
    send: createSendPipeline(engine, auth, environments),
    cancel: (input) => engine.cancel(input),
    listEnvironments: async () => environments.summaries(),
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
      await Promise.all([engine.close(), sandbox.close()]);
    },
  };
}
