import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RequestListener } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../shared/contract';
import { dispatch } from '../../../shared/dispatch';
import { createServices } from '../create-services';
import { startHttpServer, type RunningServer } from '../../../test-support/servers';

const SESSION = 'MoodleSession=s3ss10nvalue42';
const yoga = createYoga({
  schema: createSchema({
    typeDefs: 'type Query { me: String }',
    resolvers: { Query: { me: () => 'admin' } },
  }),
  logging: false,
});
// Like Totara's graphql.php with a browser session: introspection needs the login cookie.
const handler: RequestListener = (req, res) => {
  if (req.url === '/login') {
    res.writeHead(200, { 'Set-Cookie': `${SESSION}; Path=/; HttpOnly` }).end('ok');
  } else if (req.url === '/registry') {
    if (!(req.headers.cookie ?? '').includes(SESSION)) res.writeHead(401).end('require_login');
    else res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"me":"query me { me }"}');
  } else if (!(req.headers.cookie ?? '').includes(SESSION)) {
    res
      .writeHead(401, { 'Content-Type': 'application/json' })
      .end('{"errors":[{"message":"require_login"}]}');
  } else void yoga(req, res);
};
const services = createServices({
  mode: 'browser',
  version: 'test',
  dataDir: mkdtempSync(path.join(tmpdir(), 'lantern-graphql-jar-')),
  emit: () => undefined,
});
let server: RunningServer;
let base = '';
beforeAll(async () => {
  server = await startHttpServer(handler);
  base = server.url;
  const login = await dispatch(services.handlers, 'send', {
    requestId: 'login',
    draft: {
      method: 'GET',
      url: `${base}/login`,
      headers: [],
      body: { mode: 'none' },
      auth: { type: 'none' },
    },
    workspaceId: 'ws_login',
  });
  expect(login.ok).toBe(true);
});
afterAll(async () => {
  await services.close();
  await server.close();
});

describe('GraphQL calls use the cookie jar of the tab’s workspace', () => {
  it('fetches the schema with the login cookie of the workspace jar', async () => {
    const result = await dispatch(services.handlers, 'introspectSchema', {
      endpoint: { url: `${base}/graphql` },
      workspaceId: 'ws_login',
    });
    expect(
      result.ok ? (result.value as CallOutput<'introspectSchema'>).typeCount : result.error.message,
    ).toBeGreaterThan(0);
  });

  it('without a workspace uses the scratch jar, which has no login', async () => {
    const result = await dispatch(services.handlers, 'introspectSchema', {
      endpoint: { url: `${base}/graphql` },
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.message).toMatch(/require_login/);
  });

  it('fetches an operation registry with the workspace jar too', async () => {
    const result = await dispatch(services.handlers, 'fetchOperationRegistry', {
      endpoint: { url: `${base}/registry` },
      workspaceId: 'ws_login',
    });
    expect(
      result.ok
        ? Object.keys((result.value as CallOutput<'fetchOperationRegistry'>).registry)
        : result.error.message,
    ).toEqual(['me']);
  });
});
