/**
 * API-BEHAVIOUR.md §6, end to end: every scenario that is a server behaviour is switched on in the
 * sandbox, sent through Lantern's real send path (createServices + dispatch), and diagnosed. Each case
 * asserts the expected finding and that no finding claims another scenario's cause.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services';
import { dispatch } from '../../shared/dispatch';
import { ALL_FINDING_IDS, diagnose, FINDINGS_BY_SCENARIO } from '../../shared/diagnose';
import type { Finding } from '../../shared/diagnose';
import type { RequestDraft } from '../../shared/model/request';
import type { Exchange } from '../../shared/model/response';
import type { CallError } from '../../shared/model/result';
import { startSandbox } from '../index';
import type { RunningSandbox, SandboxConfigPatch } from '../index';

type Outcome = { exchange?: Exchange; error?: CallError };
type Auth = RequestDraft['auth'];

let sandbox: RunningSandbox;
let otherSite: RunningSandbox;
const services = createServices({
  mode: 'browser',
  version: 'test',
  dataDir: mkdtempSync(path.join(tmpdir(), 'lantern-diagnose-')),
  emit: () => undefined,
});

const STATUS = { query: 'query { totara_webapi_status { status } }', variables: '{}' };
const oauth: Auth = { type: 'oauth2', credentialId: 'totara' };
const none: Auth = { type: 'none' };

/** Every id that names a cause: a §6 scenario's finding or a network failure. */
const CAUSES = [
  ...Object.entries(FINDINGS_BY_SCENARIO).flatMap(([scenario, ids]) => (scenario === '0' ? [] : ids)),
  'network.dns',
  'network.tls',
  'network.refused',
  'request.failed',
];

function draft(url: string, parts: Partial<RequestDraft> & { json?: unknown } = {}): RequestDraft {
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
const graphql = (json: unknown, parts: Partial<RequestDraft> = {}) =>
  draft(`${sandbox.url}/api/graphql.php`, { json, ...parts });
const withHeader = (name: string, value: string) => [
  { name: 'Content-Type', value: 'application/json', enabled: true },
  { name, value, enabled: true },
];

let sent = 0;
async function send(request: RequestDraft): Promise<Outcome> {
  const result = await dispatch(services.handlers, 'send', { requestId: `diag-${sent++}`, draft: request });
  return result.ok ? { exchange: result.value as Exchange } : { error: result.error };
}

function diagnosed(request: RequestDraft, outcome: Outcome): Finding[] {
  const tokens = services.auth.tokens
    .list()
    .map((t) => ({ tokenId: t.id, issuedAt: t.issuedAt, expiresAt: t.expiresAt }));
  return diagnose({ draft: request, ...outcome, tokens, nowMs: Date.now() });
}

/** A raw token straight from the token endpoint, for requests that carry it by hand. */
async function rawToken(site = sandbox): Promise<string> {
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

type Case = {
  scenario: number;
  name: string;
  expected: string;
  config?: SandboxConfigPatch;
  /** Sends that must happen first (e.g. a good token before the client is disabled). */
  before?: () => Promise<unknown>;
  request: () => RequestDraft | Promise<RequestDraft>;
  /** Send it this many times; the last answer is diagnosed. */
  times?: number;
  /** Other cause findings that are the same cause seen from another side. */
  alsoAllowed?: string[];
  /** Most causes are errors; a likely-but-unproven one is info. */
  severity?: Finding['severity'];
  check?: (finding: Finding) => void;
};

const cases: Case[] = [
  {
    scenario: 1,
    name: 'wrong client secret: the token call answers 200 invalid_client',
    expected: 'totara.token.invalid-client',
    request: () => graphql(STATUS, { auth: { type: 'oauth2', credentialId: 'totara-wrong-secret' } }),
  },
  {
    scenario: 1,
    name: 'disabled client, token requested by hand',
    expected: 'totara.token.invalid-client',
    config: { clientEnabled: false },
    request: () =>
      draft(sandbox.endpoints.totaraToken, {
        auth: none,
        headers: [],
        body: {
          mode: 'form-urlencoded',
          fields: Object.entries({
            grant_type: 'client_credentials',
            client_id: sandbox.credentials.totara.clientId,
            client_secret: sandbox.credentials.totara.clientSecret,
          }).map(([name, value]) => ({ name, value, enabled: true })),
        },
      }),
    check: (finding) => expect(finding.explanation).toMatch(/HTTP 200/),
  },
  {
    scenario: 2,
    name: 'token request with a JSON body',
    expected: 'totara.token.json-body',
    request: () =>
      draft(sandbox.endpoints.totaraToken, {
        auth: none,
        json: {
          grant_type: 'client_credentials',
          client_id: sandbox.credentials.totara.clientId,
          client_secret: 'x',
        },
      }),
  },
  {
    scenario: 3,
    name: 'a proxy strips the Authorization header Lantern sent',
    expected: 'totara.auth.header-stripped',
    config: { stripAuthorization: true },
    request: () => graphql(STATUS),
    check: (finding) => expect(finding.fix).toMatch(/CGIPassAuth On/),
  },
  {
    scenario: 3,
    name: 'the same, with debugMessage under extensions (later Totara versions)',
    expected: 'totara.auth.header-stripped',
    config: { stripAuthorization: true, debugMessageLocation: 'extensions' },
    request: () => graphql(STATUS),
  },
  {
    scenario: 4,
    name: 'lowercase bearer scheme',
    expected: 'totara.auth.lowercase-bearer',
    request: async () =>
      graphql(STATUS, { auth: none, headers: withHeader('Authorization', `bearer ${await rawToken()}`) }),
  },
  {
    scenario: 4,
    name: 'an expired static token',
    expected: 'totara.auth.token-invalid',
    before: async () => {
      services.auth.credentials.put({
        id: 'totara-static',
        kind: 'bearer',
        label: 'Pasted Totara token',
        token: await rawToken(),
      });
      sandbox.expireTokens();
    },
    request: () => graphql(STATUS, { auth: { type: 'bearer', credentialId: 'totara-static' } }),
  },
  {
    scenario: 4,
    name: 'a token from another site, refused even when fresh',
    expected: 'totara.auth.token-invalid',
    request: () => graphql(STATUS, { auth: { type: 'oauth2', credentialId: 'totara-other-site' } }),
    check: (finding) => expect(finding.explanation).toMatch(/another site/),
  },
  {
    scenario: 5,
    name: 'the client is disabled after a token was issued',
    expected: 'totara.auth.client-disabled',
    before: async () => {
      await send(graphql(STATUS));
      sandbox.configure({ clientEnabled: false });
    },
    request: () => graphql(STATUS),
  },
  {
    scenario: 6,
    name: 'suspended service account',
    expected: 'totara.auth.api-user-invalid',
    config: { apiUser: 'suspended' },
    request: () => graphql(STATUS),
  },
  {
    scenario: 6,
    name: 'site admin as service account, Developer error level (trace added)',
    expected: 'totara.auth.api-user-invalid',
    config: { apiUser: 'site_admin', errorLevel: 'developer' },
    request: () => graphql(STATUS),
  },
  {
    scenario: 6,
    name: 'no service account',
    expected: 'totara.auth.api-user-missing',
    config: { apiUser: 'missing' },
    request: () => graphql(STATUS),
  },
  {
    scenario: 6,
    name: 'API client unlinked',
    expected: 'totara.auth.api-client-missing',
    config: { apiClientLinked: false },
    request: () => graphql(STATUS),
  },
  {
    scenario: 7,
    name: 'error response level None hides the reason',
    expected: 'totara.error-level-none',
    config: { errorLevel: 'none' },
    request: () => graphql(STATUS, { auth: none }),
  },
  {
    scenario: 8,
    name: 'camelCase operationName',
    expected: 'totara.request.operation-name',
    request: () =>
      graphql({ query: 'query getStatus { totara_webapi_status { status } }', operationName: 'getStatus' }),
  },
  {
    scenario: 9,
    name: 'a body that is not JSON',
    expected: 'totara.request.not-json',
    request: () =>
      graphql(undefined, {
        body: {
          mode: 'raw',
          text: 'query { totara_webapi_status { status } }',
          contentType: 'application/json',
        },
      }),
  },
  {
    scenario: 10,
    name: 'GET instead of POST',
    expected: 'totara.request.post-only',
    request: () => graphql(undefined, { method: 'GET' }),
  },
  {
    scenario: 10,
    name: 'the API feature is off',
    expected: 'totara.api-disabled',
    config: { apiEnabled: false },
    request: () => graphql(STATUS),
  },
  {
    scenario: 11,
    name: 'introspection off',
    expected: 'totara.limits.introspection-disabled',
    config: { introspection: false },
    request: () => graphql({ query: '{ __schema { queryType { name } } }' }),
  },
  {
    scenario: 11,
    name: 'depth 12 breaks the standard schema fetch',
    expected: 'totara.limits.depth',
    config: { maxDepth: 12 },
    request: () => graphql({ query: getIntrospectionQuery(), operationName: 'IntrospectionQuery' }),
    check: (finding) => expect(finding.title).toMatch(/13 levels deep; the site allows 12/),
  },
  {
    scenario: 12,
    name: 'complexity over the maximum',
    expected: 'totara.limits.complexity',
    config: { maxComplexity: 34 },
    request: () =>
      graphql({
        query: '{ core_user_users(query: {pagination: {limit: 10}}) { items { id username email } } }',
      }),
  },
  {
    scenario: 13,
    name: 'the per-minute budget is spent: a bare 429',
    expected: 'totara.rate-limit.budget',
    config: { clientRateLimit: 10, rateWindowMs: 60_000 },
    request: () => graphql(STATUS),
    times: 3,
  },
  {
    scenario: 14,
    name: 'an unknown top-level field gives {"data":[]}',
    expected: 'graphql.data.empty-array',
    request: () => graphql({ query: '{ core_user_userz { total } }' }),
  },
  {
    scenario: 14,
    name: 'a misspelt field is dropped',
    expected: 'graphql.data.field-missing',
    request: () => graphql({ query: '{ totara_webapi_status { status statsu } }' }),
  },
  {
    scenario: 15,
    name: 'an undeclared cursor variable returns page 1',
    expected: 'graphql.variables.undeclared',
    request: () =>
      graphql({
        query: '{ core_user_users(query: {pagination: {cursor: $c}}) { items { id } } }',
        variables: { c: 'eyJwYWdlIjoyLCJsaW1pdCI6MjB9' },
      }),
  },
  {
    scenario: 16,
    name: 'emails hidden from the service account',
    expected: 'totara.data.null-fields',
    severity: 'info',
    request: () =>
      graphql({ query: '{ core_user_users(query: {pagination: {limit: 3}}) { items { id email } } }' }),
  },
  {
    scenario: 17,
    name: 'AJAX without a session (require_login)',
    expected: 'totara.ajax.not-logged-in',
    request: () =>
      draft(sandbox.endpoints.ajaxGraphql, {
        auth: none,
        headers: withHeader('X-Totara-Sesskey', 'stale'),
        json: { operationName: 'totara_webapi_status', variables: {} },
      }),
  },
  {
    scenario: 17,
    name: 'AJAX with a stale sesskey (require_refresh)',
    expected: 'totara.ajax.sesskey',
    request: async () => {
      const login = await fetch(sandbox.endpoints.ajaxLogin, {
        method: 'POST',
        body: new URLSearchParams({ username: 'learner', password: 'Sandbox#Learner1' }),
      });
      const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
      const headers = [
        ...withHeader('X-Totara-Sesskey', 'stale'),
        { name: 'Cookie', value: cookie, enabled: true },
      ];
      return draft(sandbox.endpoints.ajaxGraphql, {
        auth: none,
        headers,
        json: { operationName: 'totara_webapi_status', variables: {} },
      });
    },
  },
  {
    scenario: 18,
    name: 'developer endpoint without GRAPHQL_DEVELOPMENT_MODE',
    expected: 'totara.dev-executor.disabled',
    request: () => draft(sandbox.endpoints.devExecutor, { auth: none, json: STATUS }),
  },
  {
    scenario: 20,
    name: 'REST with a wrong token',
    expected: 'rest.unauthorized',
    request: () =>
      draft(`${sandbox.endpoints.ihasco}/users`, {
        method: 'GET',
        auth: { type: 'bearer', credentialId: 'ihasco-wrong' },
        headers: [],
      }),
  },
  {
    scenario: 21,
    name: 'REST rate limit with retry-after',
    expected: 'rest.rate-limit',
    config: { restRateLimit: 2 },
    request: () =>
      draft(`${sandbox.endpoints.ihasco}/users`, {
        method: 'GET',
        auth: { type: 'bearer', credentialId: 'ihasco' },
        headers: [],
      }),
    times: 3,
    check: (finding) =>
      expect(finding.evidence.map((e) => e.name)).toEqual(
        expect.arrayContaining(['retry-after', 'x-ratelimit-remaining']),
      ),
  },
  {
    scenario: 22,
    name: 'REST validation errors per field',
    expected: 'rest.validation',
    request: () =>
      draft(`${sandbox.endpoints.ihasco}/users/1001`, {
        method: 'PATCH',
        auth: { type: 'bearer', credentialId: 'ihasco' },
        headers: [],
        body: { mode: 'form-urlencoded', fields: [{ name: 'email', value: 'nope', enabled: true }] },
      }),
    check: (finding) =>
      expect(finding.explanation).toContain('• email: The email must be a valid email address.'),
  },
  {
    scenario: 0,
    name: 'nothing listens on the port',
    expected: 'network.refused',
    request: () => draft('http://127.0.0.1:1/api/graphql.php', { auth: none, json: STATUS }),
  },
  {
    scenario: 0,
    name: 'https to a plain-http server',
    expected: 'network.tls',
    request: () =>
      draft(`${sandbox.url.replace('http:', 'https:')}/api/graphql.php`, { auth: none, json: STATUS }),
  },
];

beforeAll(async () => {
  [sandbox, otherSite] = await Promise.all([startSandbox({ port: 0 }), startSandbox({ port: 0 })]);
  const totara = {
    kind: 'oauth2' as const,
    tokenUrl: sandbox.endpoints.totaraToken,
    clientId: sandbox.credentials.totara.clientId,
    clientSecret: sandbox.credentials.totara.clientSecret,
    clientAuth: 'body' as const,
  };
  services.auth.credentials.put({ id: 'totara', label: 'Sandbox Totara client', ...totara });
  services.auth.credentials.put({
    id: 'totara-wrong-secret',
    label: 'Mistyped secret',
    ...totara,
    clientSecret: 'sandbox-secret-typo',
  });
  services.auth.credentials.put({
    id: 'totara-other-site',
    label: 'Other site client',
    ...totara,
    tokenUrl: otherSite.endpoints.totaraToken,
  });
  services.auth.credentials.put({
    id: 'ihasco',
    kind: 'bearer',
    label: 'iHASCO token',
    token: sandbox.credentials.ihasco.token,
  });
  services.auth.credentials.put({
    id: 'ihasco-wrong',
    kind: 'bearer',
    label: 'Mistyped iHASCO token',
    token: 'ihasco_sandbox_7d41b2c9e0f3a6',
  });
});
afterAll(async () => {
  await services.close();
  await Promise.all([sandbox.close(), otherSite.close()]);
});
beforeEach(() => sandbox.reset());

describe('API-BEHAVIOUR §6 scenarios against the sandbox, through the real send path', () => {
  it.each(cases.map((c) => [`${c.scenario || 'net'}: ${c.name}`, c] as const))(
    '%s',
    async (_name, testCase) => {
      if (testCase.config) sandbox.configure(testCase.config);
      await testCase.before?.();
      const request = await testCase.request();
      let outcome: Outcome = {};
      for (let i = 0; i < (testCase.times ?? 1); i++) outcome = await send(request);
      const findings = diagnosed(request, outcome);
      const ids = findings.map((f) => f.id);
      const finding = findings.find((f) => f.id === testCase.expected);
      expect(finding, `expected ${testCase.expected}, got ${ids.join(', ') || 'nothing'}`).toBeDefined();
      expect(finding?.severity).toBe(testCase.severity ?? 'error');
      const allowed = new Set([testCase.expected, ...(testCase.alsoAllowed ?? [])]);
      expect(ids.filter((id) => CAUSES.includes(id) && !allowed.has(id))).toEqual([]);
      expect(ids.filter((id) => !ALL_FINDING_IDS.includes(id))).toEqual([]);
      if (finding) testCase.check?.(finding);
    },
  );

  it('says nothing is wrong when Lantern recovered from an expired token by itself', async () => {
    await send(graphql(STATUS));
    sandbox.expireTokens();
    const request = graphql(STATUS);
    const outcome = await send(request);
    expect(outcome.exchange?.auth?.steps.join(' ')).toMatch(/Retried once with a fresh credential/);
    expect(diagnosed(request, outcome).filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('finds nothing wrong in the working sample requests', async () => {
    for (const request of [
      graphql(STATUS),
      draft(`${sandbox.endpoints.ihasco}/users`, {
        method: 'GET',
        auth: { type: 'bearer', credentialId: 'ihasco' },
        headers: [],
      }),
    ]) {
      expect(diagnosed(request, await send(request))).toEqual([]);
    }
  });
});
