import { KnownSchemas } from './known-schemas';
import { RateLimitService } from './rate-limit-service';
import { ServerLimitMemory } from './server-limits';

/** Secrets a send used that no store lists later (a session's cookie and sesskey): kept for the bundle's last pass. */
const RECENT_SECRETS_KEPT = 200;

export interface DiagnosticsState {
  rateLimits: RateLimitService;
  /** The schemas the GraphQL service handed out, by endpoint and environment. */
  schemas: KnownSchemas;
  /** The depth and complexity limits each endpoint has stated in its answers. */
  serverLimits: ServerLimitMemory;
  /**
   * Query texts of persisted operations from the registries Lantern fetched, by the registry's
   * origin: a persisted send carries only the name, and the diagnosis may read the query only
   * where Lantern has seen it.
   */
  operations: {
    remember: (origin: string, queries: Record<string, string>) => void;
    of: (origin: string) => Readonly<Record<string, string>> | undefined;
  };
  /** Remembers the secrets of a send; the oldest are dropped beyond a bound. */
  rememberSecrets: (secrets: readonly string[]) => void;
  recentSecrets: () => string[];
}

const byOwner = new WeakMap<object, DiagnosticsState>();

/**
 * The one diagnostics state of a set of services. It is keyed by the services' AuthContext (one per
 * createServices), which both the send pipeline and the handlers hold, so they share one tracker
 * without another parameter threaded through the service wiring.
 */
export function diagnosticsStateFor(owner: object): DiagnosticsState {
  let state = byOwner.get(owner);
  if (!state) {
    const recent = new Set<string>();
    const operations = new Map<string, Record<string, string>>();
    state = {
      rateLimits: new RateLimitService(),
      schemas: new KnownSchemas(),
      serverLimits: new ServerLimitMemory(),
      operations: {
        remember: (origin, queries) => operations.set(origin, { ...operations.get(origin), ...queries }),
        of: (origin) => operations.get(origin),
      },
      rememberSecrets: (secrets) => {
        for (const secret of secrets) {
          recent.delete(secret);
          recent.add(secret);
        }
        for (const old of recent) {
          if (recent.size <= RECENT_SECRETS_KEPT) break;
          recent.delete(old);
        }
      },
      recentSecrets: () => [...recent],
    };
    byOwner.set(owner, state);
  }
  return state;
}
