import { getIntrospectionQuery } from 'graphql';
import { expect } from 'vitest';
import { jwtExpiresAt } from '../../shared/auth/jwt-expiry';
import type { Finding } from '../../shared/diagnose';
import type { RequestDraft } from '../../shared/model/request';
import type { SandboxConfigPatch } from '../index';
import {
  draft,
  graphql,
  none,
  rawToken,
  send,
  services,
  sites,
  STATUS,
  withHeader,
} from './diagnose-harness';

/** One case per API-BEHAVIOUR §6 server scenario (and the network failures). */
export type Case = {
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

export const cases: Case[] = [
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
      draft(sites.sandbox.endpoints.totaraToken, {
        auth: none,
        headers: [],
        body: {
          mode: 'form-urlencoded',
          fields: Object.entries({
            grant_type: 'client_credentials',
            client_id: sites.sandbox.credentials.totara.clientId,
            client_secret: sites.sandbox.credentials.totara.clientSecret,
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
      draft(sites.sandbox.endpoints.totaraToken, {
        auth: none,
        json: {
          grant_type: 'client_credentials',
          client_id: sites.sandbox.credentials.totara.clientId,
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
      sites.sandbox.expireTokens();
    },
    request: () => graphql(STATUS, { auth: { type: 'bearer', credentialId: 'totara-static' } }),
  },
  {
    scenario: 4,
    name: 'a pasted JWT past its exp',
    expected: 'totara.auth.token-expired',
    config: { tokenExpirySeconds: 1 },
    before: async () => {
      const token = await rawToken();
      services.auth.credentials.put({ id: 'totara-pasted-jwt', kind: 'bearer', label: 'Pasted JWT', token });
      // It lives a second: wait it out, so its exp claim and the server agree it has expired.
      const exp = jwtExpiresAt(token) ?? Date.now();
      await new Promise((resolve) => setTimeout(resolve, Math.max(exp - Date.now(), 1000) + 50));
    },
    request: () => graphql(STATUS, { auth: { type: 'bearer', credentialId: 'totara-pasted-jwt' } }),
    check: (finding) => {
      expect(finding.title).toMatch(/^The token expired at \d{4}-\d\d-\d\dT/);
      expect(finding.explanation).toMatch(/The token of Pasted JWT is a JWT whose exp claim says/);
    },
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
      sites.sandbox.configure({ clientEnabled: false });
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
      draft(sites.sandbox.endpoints.ajaxGraphql, {
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
      const login = await fetch(sites.sandbox.endpoints.ajaxLogin, {
        method: 'POST',
        body: new URLSearchParams({ username: 'learner', password: 'Sandbox#Learner1' }),
      });
      const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
      const headers = [
        ...withHeader('X-Totara-Sesskey', 'stale'),
        { name: 'Cookie', value: cookie, enabled: true },
      ];
      return draft(sites.sandbox.endpoints.ajaxGraphql, {
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
    request: () => draft(sites.sandbox.endpoints.devExecutor, { auth: none, json: STATUS }),
  },
  {
    scenario: 20,
    name: 'REST with a wrong token',
    expected: 'rest.unauthorized',
    request: () =>
      draft(`${sites.sandbox.endpoints.ihasco}/users`, {
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
      draft(`${sites.sandbox.endpoints.ihasco}/users`, {
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
      draft(`${sites.sandbox.endpoints.ihasco}/users/1001`, {
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
      draft(`${sites.sandbox.url.replace('http:', 'https:')}/api/graphql.php`, { auth: none, json: STATUS }),
  },
];
