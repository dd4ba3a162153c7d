/** importOpenApi on OpenAPI 3.0 and 3.1 documents. */
import { describe, expect, it } from 'vitest';
import { checkSchema } from '../assertions/json-schema';
import { importOpenApi } from './openapi';
import type { Node } from './openapi-source';
import { folderNamed, reportOf, requestNamed } from './test-support';

const NO_FACTS = { externalRefs: [] };
const info = { title: 'Learning API', version: '1.0.0' };

/** Dereferenced documents, as swagger-parser hands them over: plain objects, `$ref`s replaced. */
const user: Node = {
  type: 'object',
  required: ['id', 'email'],
  properties: {
    id: { type: 'integer', readOnly: true },
    email: { type: 'string', format: 'email' },
    status: { type: 'string', enum: ['active', 'inactive'] },
    manager: { type: 'string', nullable: true },
    password: { type: 'string', writeOnly: true },
  },
};

const openapi30: Node = {
  openapi: '3.0.3',
  info,
  servers: [
    {
      url: 'https://{tenant}.example.com/api/',
      description: 'Production',
      variables: { tenant: { default: 'acme' } },
    },
    { url: 'http://127.0.0.1:4010/api' },
  ],
  tags: [{ name: 'Users', description: 'People' }],
  security: [{ bearerAuth: [] }],
  components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
  paths: {
    '/users/{userId}': {
      parameters: [
        { name: 'userId', in: 'path', required: true, schema: { type: 'integer', example: 1001 } },
      ],
      get: {
        tags: ['Users'],
        summary: 'Get a user',
        operationId: 'getUser',
        parameters: [
          {
            name: 'expand',
            in: 'query',
            required: true,
            schema: { type: 'string', enum: ['results', 'none'] },
          },
          {
            name: 'fields',
            in: 'query',
            schema: { type: 'array', items: { type: 'string' } },
            example: ['id', 'email'],
          },
          { name: 'X-Request-Id', in: 'header', required: true, example: 'abc-1' },
          { name: 'X-Trace', in: 'header', schema: { type: 'string', default: 'off' } },
          { name: 'Accept', in: 'header', example: 'text/plain' },
          { name: 'X-Api-Token', in: 'header', example: 'tok-123456' },
          { name: 'theme', in: 'cookie', example: 'dark' },
        ],
        responses: {
          '404': { description: 'missing' },
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { type: 'object', properties: { data: user } } } },
          },
        },
      },
      patch: {
        operationId: 'updateUser',
        deprecated: true,
        description: 'Changes a user.',
        requestBody: {
          content: {
            'application/x-www-form-urlencoded': { schema: user },
            'application/json': { schema: user },
          },
        },
        responses: { '200': { description: 'ok' } },
      },
    },
    '/health': { get: { security: [], responses: { '204': { description: 'up' } } } },
  },
};

describe('importOpenApi: OpenAPI 3.0', () => {
  const report = reportOf(importOpenApi(structuredClone(openapi30), NO_FACTS));
  const { collection } = report;

  it('makes one environment per server with baseUrl, server variables at their defaults', () => {
    expect(collection.environments).toEqual([
      {
        name: 'Learning API — Production',
        variables: [{ name: 'baseUrl', value: 'https://acme.example.com/api', secret: false }],
      },
      {
        name: 'Learning API — http://127.0.0.1:4010/api',
        variables: [{ name: 'baseUrl', value: 'http://127.0.0.1:4010/api', secret: false }],
      },
    ]);
    expect(report.counts).toEqual({ folders: 1, requests: 3, environments: 2 });
  });

  it('puts operations in a folder per first tag, untagged ones at the top, named by summary, operationId or method and path', () => {
    const users = folderNamed(collection.root, 'Users');
    expect(users.description).toBe('People');
    expect(users.requests.map((r) => r.name)).toEqual(['Get a user']);
    expect(collection.root.requests.map((r) => r.name)).toEqual(['updateUser', 'GET /health']);
    expect(requestNamed(collection.root, 'updateUser').description).toBe('Deprecated.\n\nChanges a user.');
  });

  it('maps path, query, header and cookie parameters', () => {
    const get = requestNamed(collection.root, 'Get a user').draft;
    expect(get.url).toBe('{{baseUrl}}/users/{{userId}}?expand=results');
    expect(get.disabledParams).toEqual([
      { name: 'fields', value: 'id', index: 1 },
      { name: 'fields', value: 'email', index: 2 },
    ]);
    expect(get.headers).toEqual([
      { name: 'X-Request-Id', value: 'abc-1', enabled: true },
      { name: 'X-Trace', value: 'off', enabled: false },
      { name: 'X-Api-Token', value: '', enabled: false },
      { name: 'Cookie', value: 'theme=dark', enabled: false },
    ]);
    expect(collection.root.variables).toEqual([{ name: 'userId', value: '1001', secret: false }]);
    expect(report.skipped).toContain(
      'The example value of the parameter "X-Api-Token" of request "Get a user" in Users looks like a secret, so it was left out: enter the value, or keep it as a secret variable.',
    );
    expect(report.skipped).toContain(
      'The cookie parameters of request "Get a user" in Users were put in a Cookie header row (switched off), because Lantern keeps cookies in a jar per workspace: check the values before sending.',
    );
  });

  it('builds a body from the schema in the preferred mode, and says which media types it left', () => {
    const patch = requestNamed(collection.root, 'updateUser').draft;
    expect(patch.body).toEqual({ mode: 'json', text: '{\n  "email": "user@example.com"\n}' });
    expect(report.skipped).toContain(
      'The body of request "updateUser" is built as application/json; the description also offers application/x-www-form-urlencoded, which Lantern did not build. Change the body mode to send one of those.',
    );
  });

  it('gives the folder the global bearer need and lets `security: []` send no auth', () => {
    expect(collection.root.auth).toEqual({ type: 'bearer', credentialId: 'bearer-1' });
    expect(collection.credentials).toEqual([
      {
        id: 'bearer-1',
        kind: 'bearer',
        label: 'Bearer token (scheme bearerAuth)',
        fields: {},
        secretLeftOut: false,
      },
    ]);
    expect(requestNamed(collection.root, 'Get a user')).toMatchObject({
      inheritAuth: true,
      draft: { auth: { type: 'none' } },
    });
    expect(requestNamed(collection.root, 'GET /health')).toMatchObject({
      inheritAuth: false,
      draft: { auth: { type: 'none' } },
    });
  });

  it('adds a switched-off schema test from the first 2xx JSON response, with nullable and write-only handled', () => {
    const tests = requestNamed(collection.root, 'Get a user').draft.tests ?? [];
    expect(tests).toHaveLength(1);
    expect(tests[0]).toMatchObject({ enabled: false, target: 'jsonPath', path: '$', op: 'matchesSchema' });
    const schema = tests[0]?.expected ?? '';
    const good = { data: { id: 1, email: 'a@example.org', status: 'active', manager: null } };
    expect(checkSchema(good, schema)).toEqual({ ok: true });
    expect(checkSchema({ data: { id: 1, email: 'nope', status: 'gone' } }, schema)).toEqual({
      ok: false,
      problems: ['data.email is not a valid email', 'data.status is not one of ["active","inactive"]'],
    });
    expect(requestNamed(collection.root, 'GET /health').draft.tests).toBeUndefined();
  });
});

describe('importOpenApi: OpenAPI 3.1', () => {
  const node: Node = { type: 'object', properties: { name: { type: 'string' } } };
  (node.properties as Node).children = { type: 'array', items: node };
  const doc: Node = {
    openapi: '3.1.0',
    info,
    servers: [{ url: 'https://api.example.com' }],
    components: {
      securitySchemes: {
        key: { type: 'apiKey', in: 'query', name: 'api_key' },
        cookieKey: { type: 'apiKey', in: 'cookie', name: 'sid' },
        oauth: {
          type: 'oauth2',
          flows: {
            authorizationCode: {
              authorizationUrl: 'https://id.example.com/a',
              tokenUrl: 'https://id.example.com/t',
              scopes: {},
            },
            clientCredentials: { tokenUrl: 'https://id.example.com/token', scopes: { 'read:users': '' } },
          },
        },
        code: {
          type: 'oauth2',
          flows: { authorizationCode: { authorizationUrl: 'https://a', tokenUrl: 'https://t', scopes: {} } },
        },
        oidc: {
          type: 'openIdConnect',
          openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration',
        },
      },
    },
    paths: {
      '/tree': {
        post: {
          operationId: 'saveTree',
          security: [{ oauth: ['read:users'] }],
          requestBody: { content: { 'application/json': { schema: node } } },
          responses: { '201': { description: 'made', content: { 'application/json': { schema: node } } } },
        },
        get: { operationId: 'byKey', security: [{ cookieKey: [] }, { key: [] }], responses: {} },
        put: { operationId: 'byCode', security: [{ code: [] }], responses: {} },
        delete: { operationId: 'byOidc', security: [{ oidc: [], key: [] }], responses: {} },
      },
      '/nullable': {
        get: {
          operationId: 'nullable',
          responses: {
            '200': {
              description: 'ok',
              content: { 'application/json': { schema: { type: ['string', 'null'], examples: ['x'] } } },
            },
          },
        },
      },
    },
    webhooks: { userCreated: { post: { responses: { '200': { description: 'ok' } } } } },
  };
  const report = reportOf(importOpenApi(doc, { externalRefs: ['./common.yaml#/Error'] }));
  const { collection } = report;

  it('maps API keys, OAuth 2 client credentials with token URL and scopes, and reports the rest', () => {
    expect(requestNamed(collection.root, 'byKey').draft.auth).toEqual({
      type: 'apiKey',
      credentialId: 'api-key-1',
      name: 'api_key',
      in: 'query',
    });
    expect(requestNamed(collection.root, 'saveTree').draft.auth).toEqual({
      type: 'oauth2',
      credentialId: 'oauth2-1',
    });
    expect(collection.credentials).toContainEqual({
      id: 'oauth2-1',
      kind: 'oauth2',
      label: 'OAuth 2.0 (scheme oauth, scope read:users)',
      fields: {
        clientAuth: 'basic',
        grantType: 'client_credentials',
        scope: 'read:users',
        tokenUrl: 'https://id.example.com/token',
      },
      secretLeftOut: false,
    });
    expect(requestNamed(collection.root, 'byCode')).toMatchObject({
      inheritAuth: false,
      draft: { auth: { type: 'none' } },
    });
    expect(report.skipped).toContain(
      'The description asks for the "code" scheme (OAuth 2.0 authorization code flow; Lantern gets tokens by client credentials), which Lantern cannot send, so request "byCode" was imported without auth. Choose another auth in the Auth tab, or add the header it needs by hand.',
    );
    expect(report.skipped).toContain(
      'The description asks for "oidc" and "key" together (Lantern sends one credential), which Lantern cannot send, so request "byOidc" was imported without auth. Choose another auth in the Auth tab, or add the header it needs by hand.',
    );
  });

  it('stops a body skeleton at a schema that contains itself, and says so', () => {
    expect(
      JSON.parse(
        requestNamed(collection.root, 'saveTree').draft.body.mode === 'json'
          ? (requestNamed(collection.root, 'saveTree').draft.body as { text: string }).text
          : '',
      ),
    ).toEqual({
      name: 'string',
      children: [],
    });
    expect(report.skipped).toContain(
      'The body of request "saveTree" was built from its schema, which refers to itself or nests deeper than Lantern fills in: it stops at children[0]. Fill in deeper levels by hand.',
    );
  });

  it('checks a recursive response schema exactly, through definitions', () => {
    const schema = requestNamed(collection.root, 'saveTree').draft.tests?.[0]?.expected ?? '';
    expect(JSON.parse(schema)).toMatchObject({ definitions: { schema1: { type: 'object' } } });
    expect(checkSchema({ name: 'a', children: [{ name: 'b', children: [] }] }, schema)).toEqual({ ok: true });
    expect(checkSchema({ name: 'a', children: [{ name: 'b', children: [{ name: 3 }] }] }, schema)).toEqual({
      ok: false,
      problems: ['children.0.children.0.name is not of type string'],
    });
    const nullable = requestNamed(collection.root, 'nullable').draft.tests?.[0]?.expected ?? '';
    expect(checkSchema(null, nullable)).toEqual({ ok: true });
  });

  it('reports webhooks and external references', () => {
    expect(report.skipped).toContain(
      "The description's webhooks (userCreated) were not imported: they are calls the API makes to you, not requests you send.",
    );
    expect(report.skipped).toContain(
      'The reference "./common.yaml#/Error" points to another file or web address, which Lantern does not read (it reads only what you chose to import): the parts that use it were imported without it.',
    );
  });
});
