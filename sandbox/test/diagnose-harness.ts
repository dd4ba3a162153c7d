import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServices } from '../../electron/services/create-services';
import { dispatch } from '../../shared/dispatch';
import { diagnose, FINDINGS_BY_SCENARIO } from '../../shared/diagnose';
import type { Finding } from '../../shared/diagnose';
import type { RequestDraft } from '../../shared/model/request';
import type { Exchange } from '../../shared/model/response';
import type { CallError } from '../../shared/model/result';
import { startSandbox } from '../index';
import type { RunningSandbox } from '../index';
import type { Case } from './diagnose-cases';

/** The real send path and the helpers the §6 scenario cases use. */
export type Outcome = { exchange?: Exchange; error?: CallError };
export type Auth = RequestDraft['auth'];

/** The two sandboxes, started by the test file's beforeAll. */
export const sites = {} as { sandbox: RunningSandbox; otherSite: RunningSandbox };
export const services = createServices({
  mode: 'browser',
  version: 'test',
  dataDir: mkdtempSync(path.join(tmpdir(), 'lantern-diagnose-')),
  emit: () => undefined,
});

/** Starts both sandboxes and registers the credentials the cases name (a test file's beforeAll). */
export async function startSites(): Promise<void> {
  [sites.sandbox, sites.otherSite] = await Promise.all([
    startSandbox({ port: 0 }),
    startSandbox({ port: 0 }),
  ]);
  const totara = {
    kind: 'oauth2' as const,
    tokenUrl: sites.sandbox.endpoints.totaraToken,
    clientId: sites.sandbox.credentials.totara.clientId,
    clientSecret: sites.sandbox.credentials.totara.clientSecret,
    clientAuth: 'body' as const,
  };
  services.auth.credentials.put({ id: 'totara', label: 'Sandbox Totara client', ...totara });
  services.auth.credentials.put({
    id: 'totara-wrong-secret',
    label: 'Mistyped secret',
    ...totara,
    clientSecret: 'sites.sandbox-secret-typo',
  });
  services.auth.credentials.put({
    id: 'totara-other-site',
    label: 'Other site client',
    ...totara,
    tokenUrl: sites.otherSite.endpoints.totaraToken,
  });
  services.auth.credentials.put({
    id: 'ihasco',
    kind: 'bearer',
    label: 'iHASCO token',
    token: sites.sandbox.credentials.ihasco.token,
  });
  services.auth.credentials.put({
    id: 'ihasco-wrong',
    kind: 'bearer',
    label: 'Mistyped iHASCO token',
    token: 'ihasco_sandbox_7d41b2c9e0f3a6',
  });
}

export async function stopSites(): Promise<void> {
  await services.close();
  await Promise.all([sites.sandbox.close(), sites.otherSite.close()]);
}

/**
 * Runs one case from a fresh sandbox: its fault switched on, its first sends, then its request
 * (rewritten by `rewrite` when given) through the real send path; the last answer is diagnosed.
 */
export async function runCase(
  testCase: Case,
  rewrite: (request: RequestDraft) => RequestDraft = (request) => request,
): Promise<{ request: RequestDraft; outcome: Outcome; findings: Finding[] }> {
  sites.sandbox.reset();
  if (testCase.config) sites.sandbox.configure(testCase.config);
  await testCase.before?.();
  const request = rewrite(await testCase.request());
  let outcome: Outcome = {};
  for (let i = 0; i < (testCase.times ?? 1); i++) outcome = await send(request);
  return { request, outcome, findings: diagnosed(request, outcome) };
}

export const STATUS = { query: 'query { totara_webapi_status { status } }', variables: '{}' };
const oauth: Auth = { type: 'oauth2', credentialId: 'totara' };
export const none: Auth = { type: 'none' };

/** Every id that names a cause: a §6 scenario's finding or a network failure. */
export const CAUSES = [
  ...Object.entries(FINDINGS_BY_SCENARIO).flatMap(([scenario, ids]) => (scenario === '0' ? [] : ids)),
  'network.dns',
  'network.tls',
  'network.refused',
  'request.failed',
];

export function draft(url: string, parts: Partial<RequestDraft> & { json?: unknown } = {}): RequestDraft {
  const { json, ...rest } = parts;
  return {
    method: 'POST',
    url,
    headers: [{ name: 'Content-Type', value: 'application/json', enabled: true }],
    body: json === undefined ? { mode: 'none' } : { mode: 'json', text: JSON.stringify(json) },
    auth: oauth,
    ...rest,
  };
}
export const graphql = (json: unknown, parts: Partial<RequestDraft> = {}) =>
  draft(`${sites.sandbox.url}/api/graphql.php`, { json, ...parts });
export const withHeader = (name: string, value: string) => [
  { name: 'Content-Type', value: 'application/json', enabled: true },
  { name, value, enabled: true },
];

let sent = 0;
export async function send(request: RequestDraft): Promise<Outcome> {
  const result = await dispatch(services.handlers, 'send', { requestId: `diag-${sent++}`, draft: request });
  return result.ok ? { exchange: result.value as Exchange } : { error: result.error };
}

export function diagnosed(request: RequestDraft, outcome: Outcome): Finding[] {
  const tokens = services.auth.tokens
    .list()
    .map((t) => ({ tokenId: t.id, issuedAt: t.issuedAt, expiresAt: t.expiresAt }));
  return diagnose({ draft: request, ...outcome, tokens, nowMs: Date.now() });
}

/** A raw token straight from the token endpoint, for requests that carry it by hand. */
export async function rawToken(site = sites.sandbox): Promise<string> {
  const response = await fetch(site.endpoints.totaraToken, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: site.credentials.totara.clientId,
      client_secret: site.credentials.totara.clientSecret,
    }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}
