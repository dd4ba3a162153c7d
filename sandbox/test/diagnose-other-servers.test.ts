/**
 * A GraphQL server that is not Totara (graphql-yoga) and an OAuth provider that is not either, sent
 * to through Lantern's real engine: no finding may speak of Totara without evidence that the
 * server is Totara, even where the answer uses the same words ("Internal server error").
 */
import { createServer, type Server } from 'node:http';
import { GraphQLError } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/diagnose';
import { contradictions } from '../../shared/diagnose/evidence-check';
import type { RequestDraft } from '../../shared/model/request';
import { diagnosed, draft, none, send, services } from './diagnose-harness';

let server: Server;
let base = '';

const schema = createSchema({
  typeDefs: /* GraphQL */ `
    type Query {
      status: Status!
      users: [User!]!
      broken: String
      deep: Level
    }
    type Status {
      status: String!
    }
    type User {
      id: ID!
      email: String
    }
    type Level {
      next: Level
      name: String
    }
  `,
  resolvers: {
    Query: {
      status: () => ({ status: 'ok' }),
      users: () => [
        { id: '1', email: null },
        { id: '2', email: 'two@example.com' },
      ],
      broken: () => {
        throw new Error('database is down');
      },
      deep: () => ({ name: 'top' }),
    },
  },
});

/** graphql-php's own depth message, as a server built on it would answer (yoga has no depth rule). */
const depthLimit = {
  onValidate({ params }: { params: { documentAST: { loc?: { source: { body: string } } } } }) {
    const text = params.documentAST.loc?.source.body ?? '';
    const depth = Math.max(0, (text.match(/\{/g) ?? []).length - 1);
    return ({
      result,
      setResult,
    }: {
      result: readonly GraphQLError[];
      setResult: (e: GraphQLError[]) => void;
    }) => {
      if (depth > 3)
        setResult([...result, new GraphQLError(`Max query depth should be 3 but got ${depth}.`)]);
    };
  },
};

beforeAll(async () => {
  // Unexpected errors are masked with the very words Totara uses: the words alone prove nothing.
  const yoga = createYoga({
    schema,
    logging: false,
    landingPage: false,
    maskedErrors: { errorMessage: 'Internal server error' },
    plugins: [depthLimit],
  });
  server = createServer((req, res) => {
    if (req.url?.startsWith('/oauth/token')) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"error":"invalid_client","error_description":"Invalid client credentials"}');
      return;
    }
    void yoga(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  services.auth.credentials.put({
    id: 'other-oauth',
    kind: 'oauth2',
    label: 'Another provider',
    tokenUrl: `${base}/oauth/token`,
    clientId: 'hr-sync',
    clientSecret: 'not-the-secret',
    clientAuth: 'body',
  });
});
afterAll(async () => {
  await services.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const yogaRequest = (json: unknown, parts: Partial<RequestDraft> = {}) =>
  draft(`${base}/graphql`, { auth: none, json, ...parts });

const cases: [string, () => RequestDraft, string[]][] = [
  [
    'a misspelt field (yoga validates)',
    () => yogaRequest({ query: '{ status { status statsu } }' }),
    ['graphql.error-reported'],
  ],
  ['a null field without an error', () => yogaRequest({ query: '{ users { id email } }' }), []],
  ['a masked resolver error', () => yogaRequest({ query: '{ broken }' }), ['graphql.error-reported']],
  [
    'a camelCase operationName and a lowercase bearer',
    () =>
      yogaRequest(
        { query: 'query getStatus { status { status } }', operationName: 'getStatus' },
        { headers: [{ name: 'Authorization', value: 'bearer abc', enabled: true }] },
      ),
    [],
  ],
  [
    "graphql-php's depth message",
    () => yogaRequest({ query: '{ deep { next { next { next { name } } } } }' }),
    ['graphql.limits.depth'],
  ],
  [
    'an undeclared variable',
    () => yogaRequest({ query: '{ users { id } }', variables: { cursor: 'abc' } }),
    ['graphql.variables.unused'],
  ],
  [
    'an OAuth provider refusing the client',
    () =>
      yogaRequest(
        { query: '{ status { status } }' },
        { auth: { type: 'oauth2', credentialId: 'other-oauth' } },
      ),
    ['oauth.invalid-client'],
  ],
];

const words = (f: Finding) => `${f.title} ${f.explanation} ${f.fix}`;

describe('a server that is not Totara', () => {
  it.each(cases)('%s: no Totara findings', async (_name, request, expected) => {
    const sent = request();
    const outcome = await send(sent);
    for (const findings of [diagnosed(sent, outcome), outcome.exchange?.findings ?? []]) {
      expect(findings.map((f) => f.id).filter((id) => id.startsWith('totara.'))).toEqual([]);
      expect(findings.filter((f) => /Totara/.test(words(f))).map(words)).toEqual([]);
    }
    expect(diagnosed(sent, outcome).map((f) => f.id)).toEqual(expected);
    const input = { draft: sent, ...outcome, nowMs: Date.now() };
    expect(diagnosed(sent, outcome).flatMap((f) => contradictions(f, input))).toEqual([]);
  });
});
