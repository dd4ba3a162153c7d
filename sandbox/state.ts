import { randomBytes } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import type { SandboxConfig, SandboxConfigPatch } from './config';
import { seedIhascoResults, seedIhascoUsers } from './ihasco/data';
import type { IhascoResult, IhascoUser } from './ihasco/data';
import { SlidingWindowBudget } from './totara/limits';
import { buildTotaraSchema } from './totara/schema';
import { UsersStore } from './totara/users-store';

export interface SandboxCredentials {
  /** OAuth2 client credentials for POST /totara/oauth2/token.php. */
  totara: { clientId: string; clientSecret: string };
  /** A login for the AJAX site (POST /login/index.php). */
  ajax: { username: string; password: string };
  /** A Bearer token for the iHASCO-style REST API under /ihasco. */
  ihasco: { token: string };
}

export const defaultCredentials: SandboxCredentials = {
  totara: { clientId: 'lantern-sandbox-client', clientSecret: 'sandbox-secret-4f9c2e7a1b' },
  ajax: { username: 'learner', password: 'Sandbox#Learner1' },
  ihasco: { token: 'ihasco_sandbox_7d41b2c9e0f3a5' },
};

export interface IssuedToken {
  clientId: string;
  expiresAt: number;
}

export interface AjaxSession {
  sesskey: string;
  loggedIn: boolean;
}

export interface RestWindow {
  start: number;
  hits: number;
}

export const randomToken = (bytes: number) => randomBytes(bytes).toString('hex');

/** Moodle sesskeys are 10 alphanumeric characters. */
export function newSesskey(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return Array.from(randomBytes(10), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** Everything the sandbox remembers. One instance per running server; reset() restores the start state. */
export class SandboxState {
  config: SandboxConfig;
  baseUrl = '';
  readonly tokenSecret = randomBytes(32);
  readonly externalSchema: GraphQLSchema = buildTotaraSchema('external');
  readonly ajaxSchema: GraphQLSchema = buildTotaraSchema('ajax');
  tokens = new Map<string, IssuedToken>();
  users: UsersStore;
  clientBudget = new SlidingWindowBudget();
  siteBudget = new SlidingWindowBudget();
  sessions = new Map<string, AjaxSession>();
  restWindows = new Map<string, RestWindow>();
  ihascoTokens: Set<string>;
  ihascoUsers: IhascoUser[] = seedIhascoUsers();
  ihascoResults: IhascoResult[] = seedIhascoResults(this.ihascoUsers);

  constructor(
    private readonly startConfig: SandboxConfig,
    readonly credentials: SandboxCredentials,
    readonly adminToken: string,
  ) {
    this.config = { ...startConfig };
    this.users = new UsersStore(startConfig.seedUserCount);
    this.ihascoTokens = new Set([credentials.ihasco.token]);
  }

  configure(patch: SandboxConfigPatch): SandboxConfig {
    const reseed = patch.seedUserCount !== undefined && patch.seedUserCount !== this.config.seedUserCount;
    this.config = { ...this.config, ...patch };
    if (reseed) this.users = new UsersStore(this.config.seedUserCount);
    return this.config;
  }

  /** Back to the start configuration and seed data; issued tokens, sessions and budgets are forgotten. */
  reset(): void {
    this.config = { ...this.startConfig };
    this.tokens.clear();
    this.users = new UsersStore(this.config.seedUserCount);
    this.clientBudget = new SlidingWindowBudget();
    this.siteBudget = new SlidingWindowBudget();
    this.sessions.clear();
    this.restWindows.clear();
    this.ihascoTokens = new Set([this.credentials.ihasco.token]);
    this.ihascoUsers = seedIhascoUsers();
    this.ihascoResults = seedIhascoResults(this.ihascoUsers);
  }

  /** Marks Totara tokens expired (all, or just one); returns how many changed. */
  expireTokens(token?: string): number {
    let count = 0;
    for (const [value, issued] of this.tokens) {
      if (token !== undefined && value !== token) continue;
      if (issued.expiresAt > Date.now()) count += 1;
      issued.expiresAt = 0;
    }
    return count;
  }
}
