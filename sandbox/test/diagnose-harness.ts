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
import type { RunningSandbox } from '../index';

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
