import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { internal, startTestSandbox } from './harness';
import type { TestSandbox } from './harness';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ bodyLimitBytes: 64 * 1024 });
});
afterAll(() => t.sandbox.close());

describe('bad input never crashes the sandbox', () => {
  it.each([
    '/api/graphql.php',
    '/totara/webapi/ajax.php',
    '/totara/oauth2/token.php',
    '/ihasco/users/1001',
    '/__sandbox/config',
  ])('413 JSON for a body over the limit at %s', async (path) => {
    const reply = await t.request(path, {
      method: path.startsWith('/ihasco') ? 'PATCH' : 'POST',
      body: 'x'.repeat(200 * 1024),
    });
    expect(reply.status).toBe(413);
    expect(reply.json).toEqual({
      error: 'payload_too_large',
      message: 'Request body exceeds the sandbox limit of 65536 bytes.',
    });
  });

  it.each(['/', '/api/graphql', '/totara/oauth2/token', '/favicon.ico'])('404 JSON for %s', async (path) => {
    const reply = await t.request(path);
    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toBe('application/json');
    expect((reply.json as { error: string }).error).toBe('not_found');
  });

  it.each([
    ['binary garbage', Buffer.from([0xff, 0xfe, 0x00, 0x01]), 'application/octet-stream'],
    ['truncated JSON', '{"query": "{ totara', 'application/json'],
    ['a JSON number', '42', 'application/json'],
    ['a JSON string', '"query"', 'application/json'],
    ['null', 'null', 'application/json'],
    ['form body', 'query=%7B%7D', 'application/x-www-form-urlencoded'],
  ])('GraphQL endpoint with %s → request cannot be empty', async (_name, body, type) => {
    const reply = await t.graphql(body, `Bearer ${await t.token()}`, { 'Content-Type': type });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual(internal('Invalid request, request cannot be empty'));
  });

  it.each([
    ['non-object batch items', '[1, "x", null]'],
    ['query of the wrong type', '{"query": 42}'],
    ['variables of the wrong type', '{"query": "{ totara_webapi_status { status } }", "variables": 7}'],
  ])('GraphQL endpoint survives %s', async (_name, body) => {
    const reply = await t.graphql(body, `Bearer ${await t.token()}`);
    expect(reply.status).toBe(200);
    expect(JSON.stringify(reply.json)).toContain('Internal server error');
  });

  it('AJAX endpoint with non-JSON and a wrong content type', async () => {
    const reply = await t.request('/totara/webapi/ajax.php', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'hello',
    });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      errors: [{ message: 'Internal server error', extensions: { category: 'internal' } }],
      error: 'Internal server error',
    });
  });

  it('iHASCO PATCH with broken JSON or an unknown content type changes nothing (Laravel reads no input)', async () => {
    const auth = { Authorization: `Bearer ${t.credentials.ihasco.token}` };
    const before = await t.request('/ihasco/users/1003', { headers: auth });
    for (const [type, body] of [
      ['application/json', '{"first_name":'],
      ['text/plain', 'first_name=Zed'],
    ]) {
      const reply = await t.request('/ihasco/users/1003', {
        method: 'PATCH',
        headers: { ...auth, 'Content-Type': type as string },
        body,
      });
      expect(reply.status).toBe(200);
      expect((reply.json as { data: { first_name: string } }).data.first_name).toBe(
        (before.json as { data: { first_name: string } }).data.first_name,
      );
    }
  });

  it('a malformed HTTP request gets 400 and the server keeps serving', async () => {
    const { port } = new URL(t.sandbox.url);
    await new Promise<void>((resolve) => {
      const req = httpRequest({
        port: Number(port),
        host: '127.0.0.1',
        method: 'POST',
        path: '/api/graphql.php',
        headers: { 'Content-Length': 'abc' },
      });
      req.on('response', (res) => {
        expect(res.statusCode).toBe(400);
        res.resume();
        resolve();
      });
      req.on('error', () => resolve());
      req.end();
    });
    const reply = await t.graphql({ query: '{ totara_webapi_status { status } }' });
    expect(reply.json).toEqual({ data: { totara_webapi_status: { status: 'ok' } } });
  });
});
