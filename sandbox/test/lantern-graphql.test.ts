/**
 * The GraphQL workbench's logic and main-side service against the sandbox's Totara endpoints:
 * introspection through Lantern's real send pipeline (OAuth, session + sesskey), the depth-limited
 * fallback, the complexity estimate against the server's own count, typos, persisted operations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLSchema } from 'graphql';
import { estimateCost } from '../../shared/graphql/estimate';
import type { CostEstimate } from '../../shared/graphql/estimate';
import { schemaFromSdl, schemaSdl } from '../../shared/graphql/introspection';
import { registryFromSandboxOperations } from '../../shared/graphql/persisted';
import { analyzeResult } from '../../shared/graphql/result';
import { validateDocument, validateVariables } from '../../shared/graphql/validate';
import { createTestWorkbench, graphqlBody } from '../../test-support/graphql-workbench';
import type { RequestAuth } from '../../shared/model/auth';
import { startSandbox, type RunningSandbox } from '../index';

let sandbox: RunningSandbox;
let schema: GraphQLSchema;
const { services, send, graphql } = createTestWorkbench();
const oauth: RequestAuth = { type: 'oauth2', credentialId: 'totara' };
const totara = () => ({ url: sandbox.endpoints.totaraGraphql, auth: oauth });

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  services.auth.credentials.put({
    id: 'totara',
    kind: 'oauth2',
    label: 'Totara client',
    tokenUrl: sandbox.endpoints.totaraToken,
    clientId: sandbox.credentials.totara.clientId,
    clientSecret: sandbox.credentials.totara.clientSecret,
    clientAuth: 'body',
  });
  services.auth.credentials.put({
    id: 'ajax',
    kind: 'session',
    label: 'AJAX login',
    loginUrl: sandbox.endpoints.ajaxLogin,
    username: sandbox.credentials.ajax.username,
    password: sandbox.credentials.ajax.password,
    csrfPattern: '"sesskey":"([^"]+)"',
    csrfHeader: 'X-Totara-Sesskey',
  });
  schema = schemaFromSdl(schemaSdl(await graphql.introspect({ endpoint: totara() }))).schema;
});
afterAll(async () => {
  await services.close();
  await sandbox.close();
});

/** POST /api/graphql.php through the send pipeline with the OAuth credential; the parsed body. */
async function run(query: string, variables = '{}', operationName?: string) {
  const exchange = await send(
    {
      method: 'POST',
      url: sandbox.endpoints.totaraGraphql,
      headers: [],
      body: graphqlBody(query, variables, operationName),
      auth: oauth,
    },
    undefined,
  );
  return {
    text: exchange.response.body.text,
    json: JSON.parse(exchange.response.body.text) as { data?: unknown; errors?: { message: string }[] },
  };
}

describe('introspection through the same auth pipeline', () => {
  it('fetches the schema with an OAuth token', async () => {
    const snapshot = await graphql.introspect({ endpoint: totara(), environmentId: undefined });
    expect(snapshot.notes).toEqual([]);
    expect(schemaSdl(snapshot)).toContain(
      'core_user_users(query: core_user_users_query): core_user_users_result!',
    );
    expect(snapshot.typeCount).toBeGreaterThan(20);
  });

  it('falls back to a shallower query when the max depth is 12, and the schema still works', async () => {
    sandbox.configure({ maxDepth: 12 });
    try {
      const snapshot = await graphql.introspect({ endpoint: totara() });
      expect(snapshot.notes[0]).toBe(
        'Your server allows a depth of 12; Lantern fetched the schema with a shallower query. Types nested deeper than 8 wrapper levels (e.g. [[Type!]!]!) may be missing.',
      );
      const fallback = schemaFromSdl(schemaSdl(snapshot)).schema;
      const query = fallback.getQueryType()?.getFields();
      expect(Object.keys(query ?? {})).toEqual(
        expect.arrayContaining(['totara_webapi_status', 'core_user_users']),
      );
      expect(validateDocument(fallback, '{ core_user_users { items { id email } total } }')).toEqual([]);
    } finally {
      sandbox.configure({ maxDepth: 15 });
    }
  });

  it('offers to load the schema from a file when introspection is off', async () => {
    sandbox.configure({ introspection: false });
    try {
      await expect(graphql.introspect({ endpoint: totara() })).rejects.toMatchObject({
        code: 'graphql.introspection-disabled',
        message: expect.stringMatching(/introspection turned off.*Load the schema from a file/),
      });
    } finally {
      sandbox.configure({ introspection: true });
    }
  });

  it('explains a refused request (suspended service account) with its debugMessage', async () => {
    sandbox.configure({ apiUser: 'suspended' });
    try {
      await expect(graphql.introspect({ endpoint: totara() })).rejects.toMatchObject({
        code: 'graphql.introspection-failed',
        message: expect.stringMatching(/Internal server error \(API user is invalid\.\)/),
      });
    } finally {
      sandbox.configure({ apiUser: 'valid' });
    }
  });
});

// Not in the table: job_assignments and aliased lists. The sandbox counts records in the raw value its
// top-level resolver returns, where those are absent (resolved later, or keyed by field name), so it
// charges less than Totara's rule; Lantern's estimate follows the rule and is higher there.
const costTable: [string, string, string?][] = [
  ['status', '{ totara_webapi_status { status timestamp } }'],
  [
    'documented example',
    '{ core_user_users(query: { pagination: { limit: 10 } }) { items { id username email } total } }',
  ],
  ['default page size', 'query { core_user_users { items { id } next_cursor } }'],
  [
    'nested lists',
    '{ core_user_users(query: { pagination: { limit: 5 } }) { items { id custom_fields { shortname data } } } }',
  ],
  [
    'limit from variables',
    'query users($q: core_user_users_query) { core_user_users(query: $q) { items { id fullname lastaccess(format: DATE) } } }',
    '{"q":{"pagination":{"limit":7,"page":2}}}',
  ],
  [
    'fragments, aliases, duplicates',
    'query page { core_user_users(query: { pagination: { limit: 4 } }) { ...result } } fragment result on core_user_users_result { items { ...user id a: id } total } fragment user on core_user { id email }',
  ],
  [
    'misspelt field (dropped, still counted)',
    '{ core_user_users(query: { pagination: { limit: 3 } }) { items { id usernmae } } }',
  ],
  [
    'two top-level fields',
    '{ totara_webapi_status { status } core_user_users(query: { pagination: { limit: 2 } }) { items { id } } }',
  ],
  [
    'mutation',
    'mutation { core_user_update_user(target_user: { id: 3 }, input: { city: "Leeds" }) { user { id city custom_fields { shortname } } } }',
  ],
];

describe('complexity and depth estimates equal the sandbox’s own count', () => {
  it.each(costTable)('%s', async (_name, query, variables = '{}') => {
    const estimate = estimateCost(query, { schema, variables }) as CostEstimate;
    expect(estimate).toHaveProperty('complexity');
    const complexityError = (json: { errors?: { message: string }[] }) =>
      json.errors?.find((error) => error.message.startsWith('Query complexity exceeded'))?.message;
    try {
      sandbox.configure({ maxComplexity: estimate.complexity });
      expect(complexityError((await run(query, variables)).json)).toBeUndefined();
      sandbox.configure({ maxComplexity: estimate.complexity - 1 });
      expect(complexityError((await run(query, variables)).json)).toBe(
        `Query complexity exceeded maximum allowed complexity of ${estimate.complexity - 1}.`,
      );
      sandbox.configure({ maxComplexity: 6000, maxDepth: 0 });
      const depthError = (await run(query, variables)).json.errors?.[0]?.message;
      expect(depthError).toBe(
        estimate.depth === 0 ? undefined : `Max query depth should be 0 but got ${estimate.depth}.`,
      );
    } finally {
      sandbox.configure({ maxComplexity: 6000, maxDepth: 15 });
    }
  });
});

describe('client-side validation where Totara skips it', () => {
  it('catches a typo the server silently drops', async () => {
    const query = '{ core_user_users(query: { pagination: { limit: 2 } }) { items { id usernmae } } }';
    expect(validateDocument(schema, query)).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: 'Cannot query field "usernmae" on type "core_user". Did you mean "username"?',
      }),
    ]);
    const { text, json } = await run(query);
    expect(json.errors).toBeUndefined();
    const analysis = analyzeResult(text, query);
    expect(analysis.missingFields).toEqual(['core_user_users.items[].usernmae']);
  });

  it('explains {"data":[]} for an unknown top-level field and null emails as permissions', async () => {
    expect(
      analyzeResult((await run('{ core_user_userz { total } }')).text, '{ core_user_userz { total } }')
        .missingFields,
    ).toEqual(['core_user_userz']);
    const query = '{ core_user_users(query: { pagination: { limit: 3 } }) { items { id email } } }';
    expect(analyzeResult((await run(query)).text, query).nullFields).toEqual([
      'core_user_users.items[].email',
    ]);
  });

  it('marks the location of a server error on the query', async () => {
    const query = '{\n  core_user_users(query: { sort: [{ column: "password" }] }) { total }\n}';
    const analysis = analyzeResult((await run(query)).text, query);
    expect(analysis.errors).toEqual([
      expect.objectContaining({
        message: 'Invalid sort column: password',
        category: 'graphql',
        path: ['core_user_users'],
        locations: [{ line: 2, column: 3 }],
      }),
    ]);
  });
});

describe('AJAX persisted operations with the registry', () => {
  it('loads the registry, checks variables, and sends a _nosession operation without a session', async () => {
    const listing = await send(
      {
        method: 'GET',
        url: sandbox.endpoints.operations,
        headers: [],
        body: { mode: 'none' },
        auth: { type: 'none' },
      },
      undefined,
    );
    const { registry, problems } = registryFromSandboxOperations(listing.response.body.text);
    expect(problems).toEqual([]);
    const entry = registry.core_lang_strings_nosession;
    expect(entry).toMatchObject({ noSession: true, type: 'query' });
    sandbox.configure({ devMode: true });
    const ajaxSchema = schemaFromSdl(
      schemaSdl(await graphql.introspect({ endpoint: { url: sandbox.endpoints.devExecutor } })),
    ).schema;
    sandbox.configure({ devMode: false });
    expect(validateDocument(ajaxSchema, entry!.query)).toEqual([]);
    expect(validateVariables(ajaxSchema, entry!.query, entry!.name, '{"lang":"en"}')).toEqual([
      expect.objectContaining({
        message: 'Variable "$ids" of required type "[String!]!" was not provided.',
        variable: 'ids',
      }),
    ]);
    const exchange = await send(
      {
        method: 'POST',
        url: sandbox.endpoints.ajaxGraphql,
        headers: [],
        body: graphqlBody(entry!.query, '{"lang":"en","ids":["edit,core"]}', entry!.name, true),
        auth: { type: 'session', credentialId: 'ajax' },
      },
      undefined,
    );
    expect(exchange.auth?.steps).toEqual(['Skipped the session: _nosession operations need none.']);
    expect(exchange.request.headers.map(([name]) => name.toLowerCase())).not.toContain('x-totara-sesskey');
    const analysis = analyzeResult(exchange.response.body.text, entry!.query, entry!.name);
    expect(analysis).toMatchObject({ errors: [], missingFields: [], nullFields: [] });
    expect(JSON.parse(exchange.response.body.text)).toEqual({
      data: { lang_strings: [{ lang: 'en', identifier: 'edit', component: 'core', string: 'Edit' }] },
    });
  });

  it('sends a session operation as { operationName, variables } with the sesskey', async () => {
    const exchange = await send(
      {
        method: 'POST',
        url: sandbox.endpoints.ajaxGraphql,
        headers: [],
        body: graphqlBody('ignored in persisted mode', '{}', 'totara_webapi_status', true),
        auth: { type: 'session', credentialId: 'ajax' },
      },
      undefined,
    );
    expect(exchange.request.headers.map(([name]) => name.toLowerCase())).toContain('x-totara-sesskey');
    expect(JSON.parse(exchange.response.body.text).data.totara_webapi_status.status).toBe('ok');
  });
});
