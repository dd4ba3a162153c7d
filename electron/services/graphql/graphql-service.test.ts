import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { schema as github } from '@octokit/graphql-schema';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { introspectionQueryForDepth } from '../../../shared/graphql/introspection';
import { analyzeResult } from '../../../shared/graphql/result';
import { schemaFromSdl, schemaSdl } from '../../../shared/graphql/introspection';
import { validateVariables } from '../../../shared/graphql/validate';
import { cacheFileName } from './schema-cache';
import { createTestWorkbench, graphqlBody } from '../../../test-support/graphql-workbench';
import { startHttpServer, type RunningServer } from '../../../test-support/servers';

const nodeGraphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const typeDefs = (extra = '') => /* GraphQL */ `
  type User { id: ID! name: String email: String ${extra} }
  type Query { user(id: ID!): User users(first: Int = 10): [User!]! boom: String }
`;
let currentTypeDefs = typeDefs();
const schemas = new Map<string, ReturnType<typeof createSchema>>();
const schemaFor = (defs: string) => {
  if (!schemas.has(defs)) {
    const resolvers = {
      Query: {
        user: (_: unknown, args: { id: string }) => ({ id: args.id, name: `User ${args.id}`, email: null }),
        users: (_: unknown, args: { first: number }) =>
          Array.from({ length: args.first }, (_u, i) => ({ id: String(i), name: `U${i}` })),
        boom: () => {
          throw new Error('kaboom');
        },
      },
    };
    schemas.set(defs, createSchema({ typeDefs: defs, resolvers }));
  }
  return schemas.get(defs)!;
};
const yoga = createYoga({ schema: () => schemaFor(currentTypeDefs), logging: false, maskedErrors: false });
// GitHub's real schema (1,600+ types; its introspection answer is ~5 MB, so the engine keeps it on disk).
const githubYoga = createYoga({
  schema: nodeGraphql.buildSchema(github.idl, { assumeValidSDL: true }),
  graphqlEndpoint: '/github',
  logging: false,
});

const handler: RequestListener = (req, res) => {
  if (req.url?.startsWith('/html')) {
    res
      .writeHead(200, { 'Content-Type': 'text/html' })
      .end('<!DOCTYPE html><html><body>Sign in</body></html>');
  } else if (req.url?.startsWith('/github')) void githubYoga(req, res);
  else void yoga(req, res);
};
let server: RunningServer;
let base = '';
const workbench = createTestWorkbench();
const { graphql, services, send } = workbench;

const environments: Record<string, string> = {};
beforeAll(async () => {
  server = await startHttpServer(handler);
  base = server.url;
  for (const name of ['a', 'b', 'diff']) {
    const saved = await services.handlers.saveEnvironment({
      name,
      variables: [{ name: 'base', value: base, secret: false, keepValue: false }],
    });
    environments[name] = saved.id;
  }
});
afterAll(async () => {
  await services.close();
  await server.close();
});

const endpoint = () => ({ url: `${base}/graphql` });

describe('introspection through the send pipeline (graphql-yoga)', () => {
  it('fetches, caches and reports the schema', async () => {
    currentTypeDefs = typeDefs();
    const template = { url: '{{base}}/graphql' };
    const environmentId = environments.a;
    const snapshot = await graphql.introspect({ endpoint: template, environmentId });
    expect(snapshot).toMatchObject({
      source: 'introspection',
      notes: [],
      key: { url: '{{base}}/graphql', environmentId },
    });
    // Kept as the introspection result (what the editor builds from), with no SDL printed.
    expect(snapshot.sdl).toBeUndefined();
    expect(schemaSdl(snapshot)).toContain('users(first: Int = 10): [User!]!');
    expect(snapshot.diff).toBeUndefined();
    expect(await graphql.cached({ url: '{{base}}/graphql', environmentId })).toEqual({ ...snapshot });
    expect(await graphql.cached({ url: '{{base}}/graphql', environmentId: environments.b })).toBeUndefined();
    expect(readdirSync(workbench.cacheDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('shows what changed on refresh, as breaking, dangerous and safe', async () => {
    currentTypeDefs = typeDefs();
    const environmentId = environments.diff;
    await graphql.introspect({ endpoint: endpoint(), environmentId });
    currentTypeDefs = typeDefs('phone: String').replace('email: String', '');
    const refreshed = await graphql.refresh({ endpoint: endpoint(), environmentId });
    expect(refreshed.diff?.breaking.map((change) => change.message)).toEqual([
      "Field 'email' was removed from object type 'User'",
    ]);
    expect(refreshed.diff?.safe.map((change) => change.message)).toEqual([
      "Field 'phone' was added to object type 'User'",
    ]);
    currentTypeDefs = typeDefs();
  });

  it('uses the shallower query straight away when the environment’s max depth is known', async () => {
    const snapshot = await graphql.introspect({ endpoint: endpoint(), maxDepth: 8 });
    expect(snapshot.notes[0]).toMatch(/max query depth is 8.*deeper than 4 wrapper levels/);
    expect(schemaSdl(snapshot)).toContain('[User!]!');
  });

  it('reads GitHub’s ~5 MB schema back from the engine’s body store', async () => {
    const snapshot = await graphql.introspect({ endpoint: { url: `${base}/github` } });
    expect(snapshot.typeCount).toBeGreaterThan(1_500);
  });

  it('explains an HTML answer in plain words', async () => {
    await expect(graphql.introspect({ endpoint: { url: `${base}/html` } })).rejects.toMatchObject({
      code: 'graphql.not-json',
      message: expect.stringMatching(/HTML page \(HTTP 200, text\/html\).*login page/),
    });
  });

  it('reports errors with locations and checks variables, on a real server', async () => {
    const query = 'query one($id: ID!) {\n  user(id: $id) { id name email }\n  boom\n}';
    const schema = schemaFromSdl(schemaSdl(await graphql.introspect({ endpoint: endpoint() }))).schema;
    expect(validateVariables(schema, query, 'one', '{}')[0]?.message).toBe(
      'Variable "$id" of required type "ID!" was not provided.',
    );
    const exchange = await send(
      {
        method: 'POST',
        url: `${base}/graphql`,
        headers: [],
        body: graphqlBody(query, '{"id":"7"}', 'one'),
        auth: { type: 'none' },
      },
      undefined,
    );
    const analysis = analyzeResult(exchange.response.body.text, query, 'one');
    expect(analysis.errors).toEqual([
      { message: 'kaboom', path: ['boom'], locations: [{ line: 3, column: 3 }] },
    ]);
    expect(analysis.partialData).toBe(true);
    expect(analysis.nullFields).toEqual(['user.email']);
  });

  it('survives a server error on the introspection query itself', async () => {
    const tooShallow = introspectionQueryForDepth(6).query.replace('__schema', '__schemaa');
    const exchange = await send(
      {
        method: 'POST',
        url: `${base}/graphql`,
        headers: [],
        body: graphqlBody(tooShallow),
        auth: { type: 'none' },
      },
      undefined,
    );
    expect(analyzeResult(exchange.response.body.text).errors[0]?.message).toMatch(
      /Cannot query field "__schemaa"/,
    );
  });
});

describe('loadSchemaFile', () => {
  const dir = path.join(workbench.dataDir, 'files');
  mkdirSync(dir, { recursive: true });
  const file = (name: string, text: string) => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };

  it('loads SDL and introspection JSON, and caches under a key when given', async () => {
    const sdl = await graphql.loadSchemaFile(file('schema.graphql', typeDefs()));
    expect(sdl).toMatchObject({ source: 'file', typeCount: 6 });
    expect(sdl.introspection).toBeUndefined();
    expect(sdl.sdl).toContain('type User');
    const key = { url: '{{base}}/api/graphql.php', environmentId: 'from-file' };
    const json = await graphql.loadSchemaFile(file('schema.json', JSON.stringify(github.json)), key);
    expect(json.typeCount).toBeGreaterThan(1_500);
    expect((await graphql.cached(key))?.typeCount).toBe(json.typeCount);
    expect((await graphql.cached(key))?.introspection).toBe(json.introspection);
    const fromJson = nodeGraphql.buildClientSchema(JSON.parse(json.introspection ?? 'null'));
    expect(Object.keys(fromJson.getTypeMap()).filter((name) => !name.startsWith('__'))).toHaveLength(
      json.typeCount,
    );
    expect(cacheFileName(key)).toMatch(/^schema-[0-9a-f]{32}\.json$/);
  });

  it.each([
    [
      'bad.graphql',
      'type Query {',
      /bad.graphql: The SDL is not valid: Syntax Error: Expected Name, found <EOF>/,
    ],
    ['bad.json', '{"data": {"nope": true}}', /bad.json: This JSON is not an introspection result/],
    ['page.json', '<html></html>', /page.json: .*HTML/],
  ])('explains a bad file (%s)', async (name, text, message) => {
    await expect(graphql.loadSchemaFile(file(name, text))).rejects.toMatchObject({
      code: 'graphql.schema-invalid',
      message: expect.stringMatching(message),
    });
  });

  it('explains a missing file and a folder', async () => {
    await expect(graphql.loadSchemaFile(path.join(dir, 'nope.graphql'))).rejects.toThrow(
      /The schema file nope\.graphql is no longer there \(moved or deleted\)\. Choose it again\./,
    );
    await expect(graphql.loadSchemaFile(dir)).rejects.toThrow(/is a folder/);
  });

  it('treats a corrupt cache file as no cache', async () => {
    const key = { url: 'http://corrupt/graphql' };
    mkdirSync(workbench.cacheDir, { recursive: true });
    writeFileSync(path.join(workbench.cacheDir, cacheFileName(key)), '{"version":1,');
    expect(await graphql.cached(key)).toBeUndefined();
  });
});
