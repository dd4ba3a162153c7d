import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { defaultConfig, parseConfigPatch } from './config';
import type { SandboxConfig, SandboxConfigPatch } from './config';
import { createSandboxServer } from './server';
import { defaultCredentials, SandboxState } from './state';
import type { SandboxCredentials } from './state';
import { endpointsFor } from './urls';
import type { SandboxEndpoints } from './urls';

export type { SandboxConfig, SandboxConfigPatch } from './config';
export type { SandboxCredentials } from './state';
export type { SandboxEndpoints } from './urls';
export { defaultConfig } from './config';
export { adminHeader } from './admin';
export { chromeAjaxCurl, copyFromBrowser, type BrowserCopy } from './browser-copy';

export type StartSandboxOptions = SandboxConfigPatch & {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only: 127.0.0.1 (default), localhost or ::1. */
  host?: string;
  /** Defaults to a random token. */
  adminToken?: string;
  /** Override any of the fixed sandbox credentials. */
  credentials?: {
    totara?: Partial<SandboxCredentials['totara']>;
    ajax?: Partial<SandboxCredentials['ajax']>;
    ihasco?: Partial<SandboxCredentials['ihasco']>;
  };
};

export interface RunningSandbox {
  url: string;
  credentials: SandboxCredentials;
  endpoints: SandboxEndpoints;
  adminToken: string;
  /** The live configuration. */
  config(): SandboxConfig;
  /** Changes switches at run time (same validation as PUT /__sandbox/config); throws on bad input. */
  configure(patch: SandboxConfigPatch): SandboxConfig;
  reset(): void;
  /** Expires every Totara token, or just one; returns how many were live. */
  expireTokens(token?: string): number;
  close(): Promise<void>;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1']);

function validatedPatch(patch: unknown): SandboxConfigPatch {
  const parsed = parseConfigPatch(patch);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

/** Starts a sandbox on loopback. Each call is independent: its own state, port and credentials. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const {
    port = 0,
    host = '127.0.0.1',
    adminToken,
    credentials: credentialOverrides,
    ...overrides
  } = options;
  if (!loopbackHosts.has(host)) throw new Error(`The sandbox binds to loopback only; got host "${host}".`);
  const config: SandboxConfig = { ...defaultConfig, ...validatedPatch(overrides) };
  const credentials: SandboxCredentials = {
    totara: { ...defaultCredentials.totara, ...credentialOverrides?.totara },
    ajax: { ...defaultCredentials.ajax, ...credentialOverrides?.ajax },
    ihasco: { ...defaultCredentials.ihasco, ...credentialOverrides?.ihasco },
  };
  const state = new SandboxState(config, credentials, adminToken ?? randomBytes(18).toString('base64url'));
  const server = createSandboxServer(state);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${hostPart}:${address.port}`;
  state.baseUrl = url;
  return {
    url,
    credentials,
    endpoints: endpointsFor(url),
    adminToken: state.adminToken,
    config: () => ({ ...state.config }),
    configure: (patch) => ({ ...state.configure(validatedPatch(patch)) }),
    reset: () => state.reset(),
    expireTokens: (token) => state.expireTokens(token),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
