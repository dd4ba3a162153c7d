import { z } from 'zod';

export const errorLevels = ['none', 'normal', 'developer'] as const;
export const apiUserStates = [
  'valid',
  'missing',
  'suspended',
  'deleted',
  'guest',
  'site_admin',
  'tenant_mismatch',
] as const;

const windowMs = z.number().int().min(10).max(3_600_000);

/** Every switch of the sandbox. Changeable at start (options / CLI flags) and at run time (PUT /__sandbox/config). */
export const configSchema = z.object({
  /** Totara "Enable API" feature; off gives 400 "Feature api is not available." */
  apiEnabled: z.boolean(),
  /** The sandbox's one OAuth2 client provider; disabling suspends its tokens, enabling revives them. */
  clientEnabled: z.boolean(),
  /** Whether the OAuth2 provider is still linked to an API client ("Couldn't identify API client…" when false). */
  apiClientLinked: z.boolean(),
  /** State of the client's service account: anything but `valid` breaks every request. */
  apiUser: z.enum(apiUserStates),
  /** Fault: behave as if a proxy dropped the Authorization header of /api/graphql.php. */
  stripAuthorization: z.boolean(),
  /** The client's token lifetime (Totara default 24 h). */
  tokenExpirySeconds: z.number().int().min(1).max(31_536_000),
  /** The client's "Error response" setting. */
  errorLevel: z.enum(errorLevels),
  /** Where debugMessage goes: top level of the error (17.x) or `extensions` (later versions). */
  debugMessageLocation: z.enum(['error', 'extensions']),
  introspection: z.boolean(),
  /** Totara 17.x quirk: standard GraphQL validation is skipped (typos dropped, `{"data":[]}`). */
  skipValidation: z.boolean(),
  maxDepth: z.number().int().min(0).max(1000),
  maxComplexity: z.number().int().min(1),
  /** Complexity points per client per window (sliding). */
  clientRateLimit: z.number().int().min(1),
  /** Complexity points for the whole site per window (sliding). */
  siteRateLimit: z.number().int().min(1),
  /** Length of the Totara complexity-budget window (Totara: 60 s). */
  rateWindowMs: windowMs,
  /** Site setting: user descriptions are null to the API user. */
  profilesForEnrolledUsersOnly: z.boolean(),
  /** How many deterministic users are seeded on start / reset. */
  seedUserCount: z.number().int().min(0).max(5000),
  /** GRAPHQL_DEVELOPMENT_MODE: enables /totara/webapi/dev_graphql_executor.php. */
  devMode: z.boolean(),
  /** Developer debugging on the AJAX API: real reasons instead of "Internal server error". */
  ajaxDebug: z.boolean(),
  /** iHASCO requests per token per window. */
  restRateLimit: z.number().int().min(1),
  restWindowMs: windowMs,
  /** Largest accepted request body; larger gives 413. */
  bodyLimitBytes: z
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024),
});

export type SandboxConfig = z.infer<typeof configSchema>;
export type ErrorLevel = SandboxConfig['errorLevel'];

export const configPatchSchema = configSchema.partial().strict();
export type SandboxConfigPatch = z.infer<typeof configPatchSchema>;

export const defaultConfig: SandboxConfig = {
  apiEnabled: true,
  clientEnabled: true,
  apiClientLinked: true,
  apiUser: 'valid',
  stripAuthorization: false,
  tokenExpirySeconds: 86_400,
  errorLevel: 'normal',
  debugMessageLocation: 'error',
  // Totara's default is off; the sandbox is for exploring, so it starts on.
  introspection: true,
  skipValidation: true,
  maxDepth: 15,
  maxComplexity: 6000,
  clientRateLimit: 250_000,
  siteRateLimit: 500_000,
  rateWindowMs: 60_000,
  profilesForEnrolledUsersOnly: false,
  seedUserCount: 50,
  devMode: false,
  ajaxDebug: false,
  restRateLimit: 200,
  restWindowMs: 60_000,
  bodyLimitBytes: 1024 * 1024,
};

export type PatchResult = { ok: true; value: SandboxConfigPatch } | { ok: false; message: string };

/** Validates a partial config; the message names every bad key so a 400 can say what to fix. */
export function parseConfigPatch(input: unknown, formatKey = (key: string) => key): PatchResult {
  const parsed = configPatchSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? formatKey(issue.path.join('.')) : 'body';
    return `${where}: ${issue.message}`;
  });
  return { ok: false, message: `Invalid sandbox config. ${problems.join('; ')}` };
}
