/**
 * `dispatch` returns `send`'s exchange without parsing it again (SHAPED_OUTPUTS in
 * shared/dispatch.ts): the renderer must still receive only what the contract names. Real sends to
 * local servers, one for each shape an exchange takes (REST with auth, tests and captures, a sent
 * body, GraphQL, redirects with cookies, gzip, a binary body, a large stored body, rate-limit
 * headers, an error status, TLS, a proxy), and the handler's own result must equal the contract's
 * parse of it, key for key. Every optional key at the top level of the exchange, its request and its
 * response must appear in at least one of them: a key the contract gains there fails here until a
 * send that produces it is added. Deeper keys (an auth's token id or renewal, a rate-limit budget,
 * a TLS verify error) and auth kinds other than bearer are compared only where these sends make them.
 */
import { gzipSync } from 'node:zlib';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { calls } from '../../../shared/contract';
import { dispatch } from '../../../shared/dispatch';
import { exchangeSchema } from '../../../shared/model/response';
import { makeCertificate } from '../../../test-support/certificates';
import {
  startHttpServer,
  startHttpsServer,
  startProxy,
  type RunningProxy,
  type RunningServer,
} from '../../../test-support/servers';
import { createServices } from '../create-services';

const TOKEN = 'shape-token-0123456789';
const LARGE = 3 * 1024 * 1024;

function answer(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://x');
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString()));
  request.on('end', () => {
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) =>
      response
        .writeHead(status, { 'content-type': 'application/json', ...headers })
        .end(JSON.stringify(value));
    switch (url.pathname) {
      case '/redirect':
        response.writeHead(302, { location: '/cookie', 'set-cookie': 'hop=1; Path=/' }).end();
        return;
      case '/cookie':
        json(200, { ok: true }, { 'set-cookie': 'sessionid=abcdef0123456789; Path=/; HttpOnly' });
        return;
      case '/gzip':
        response
          .writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
          .end(gzipSync(JSON.stringify({ zipped: 'x'.repeat(2_000) })));
        return;
      case '/binary':
        response
          .writeHead(200, { 'content-type': 'application/octet-stream' })
          .end(Buffer.from([0, 1, 2, 255]));
        return;
      case '/large':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(`[${'"row",'.repeat(LARGE / 6)}"end"]`);
        return;
      case '/limited':
        json(429, { error: 'slow down' }, { 'retry-after': '30', 'x-ratelimit-remaining': '0' });
        return;
      case '/graphql':
        json(200, { data: { viewer: { login: 'me' } } });
        return;
      default:
        json(200, { id: url.searchParams.get('id'), echo: body, token: 'captured-token-abcdef' });
    }
  });
}

let server: RunningServer;
let tlsServer: RunningServer;
let proxy: RunningProxy;
let dataDir: string;
let services: ReturnType<typeof createServices>;
let environmentId: string;
let credentialId: string;

const call = async <T>(name: string, input: unknown): Promise<T> => {
  const result = await dispatch(services.handlers, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
};

beforeAll(async () => {
  server = await startHttpServer(answer);
  const certificate = makeCertificate('shape');
  tlsServer = await startHttpsServer({ cert: certificate.cert, key: certificate.key }, answer);
  proxy = await startProxy();
  dataDir = await mkdtemp(path.join(tmpdir(), 'lantern-send-shape-'));
  services = createServices({ mode: 'browser', version: 'test', dataDir, emit: () => undefined });
  ({ id: environmentId } = await call<{ id: string }>('saveEnvironment', {
    name: 'Shape',
    variables: [
      { name: 'base', value: server.url },
      { name: 'id', value: '42' },
    ],
  }));
  ({ id: credentialId } = await call<{ id: string }>('saveCredential', {
    kind: 'bearer',
    label: 'Shape token',
    fields: {},
    secret: TOKEN,
  }));
});

afterAll(async () => {
  await services.close();
  await Promise.all([server.close(), tlsServer.close(), proxy.close()]);
  await rm(dataDir, { recursive: true, force: true });
});

const none = { mode: 'none' };
const get = (url: string, extra: Record<string, unknown> = {}) => ({
  method: 'GET',
  url,
  headers: [],
  body: none,
  auth: { type: 'none' },
  ...extra,
});

/** One draft (and send options) for each shape an exchange takes (after beforeAll: servers' URLs, the credential). */
const sends = (): Record<string, { draft: Record<string, unknown>; options?: Record<string, unknown> }> => ({
  'REST with variables, bearer auth, tests and captures': {
    draft: get('{{base}}/item?id={{id}}', {
      headers: [{ name: 'Accept', value: 'application/json', enabled: true }],
      auth: { type: 'bearer', credentialId },
      tests: [
        { target: 'status', op: 'equals', expected: '200' },
        { target: 'jsonPath', path: '$.id', op: 'equals', expected: '42' },
      ],
      captures: [{ name: 'tok', from: 'jsonPath', path: '$.token', secret: true }],
    }),
  },
  'a sent JSON body': {
    draft: get('{{base}}/echo', {
      method: 'POST',
      body: { mode: 'json', text: '{"name":"Ada","password":"hunter2-secret"}' },
    }),
  },
  GraphQL: {
    draft: get('{{base}}/graphql', {
      method: 'POST',
      body: { mode: 'graphql', query: 'query Me { viewer { login } }', variables: '{}' },
    }),
  },
  'redirects that set cookies': { draft: get('{{base}}/redirect') },
  gzip: { draft: get('{{base}}/gzip') },
  'a binary body': { draft: get('{{base}}/binary') },
  'a large body stored on disk': { draft: get('{{base}}/large') },
  'an error status with rate-limit headers': { draft: get('{{base}}/limited') },
  TLS: {
    draft: get(`${tlsServer.url}/item?id=1`),
    options: { tls: { verify: false } },
  },
  'through a proxy': { draft: get('{{base}}/item?id=2'), options: { proxy: proxy.url } },
});

it('returns each shape of exchange exactly as the contract would parse it', async () => {
  const seen = { exchange: new Set<string>(), request: new Set<string>(), response: new Set<string>() };
  let n = 0;
  for (const [what, { draft, options }] of Object.entries(sends())) {
    const input = calls.send.input.parse({
      requestId: `shape-${n++}`,
      draft,
      environmentId,
      options: { timeoutMs: 10_000, connectTimeoutMs: 5_000, ...options },
    });
    // The handler's own result, before dispatch: what dispatch now hands to the renderer as it is.
    const exchange = await services.handlers.send(input);
    expect(exchange, what).toStrictEqual(calls.send.output.parse(exchange));
    for (const key of Object.keys(exchange)) seen.exchange.add(key);
    for (const key of Object.keys(exchange.request)) seen.request.add(key);
    for (const key of Object.keys(exchange.response)) seen.response.add(key);
    if (what.startsWith('a large')) expect(exchange.response.body.stored, what).toBeDefined();
  }
  expect(proxy.seen.length).toBeGreaterThan(0);
  const { shape } = exchangeSchema;
  expect([...seen.exchange].sort()).toEqual(Object.keys(shape).sort());
  expect([...seen.request].sort()).toEqual(Object.keys(shape.request.shape).sort());
  expect([...seen.response].sort()).toEqual(Object.keys(shape.response.shape).sort());
}, 60_000);
