/** importOpenApi on Swagger 2.0 documents, and on bodies in media types other than JSON. */
import { describe, expect, it } from 'vitest';
import { checkSchema } from '../assertions/json-schema';
import { importOpenApi } from './openapi';
import type { Node } from './openapi-source';
import { reportOf, requestNamed } from './test-support';

const NO_FACTS = { externalRefs: [] };
const info = { title: 'Learning API', version: '1.0.0' };

describe('importOpenApi: Swagger 2.0', () => {
  const doc: Node = {
    swagger: '2.0',
    info,
    host: 'api.example.com',
    basePath: '/v1',
    schemes: ['https', 'http'],
    consumes: ['application/json'],
    securityDefinitions: {
      basic: { type: 'basic' },
      app: {
        type: 'oauth2',
        flow: 'application',
        tokenUrl: 'https://api.example.com/token',
        scopes: { admin: '' },
      },
      key: { type: 'apiKey', in: 'header', name: 'X-Key' },
    },
    security: [{ key: [] }],
    paths: {
      '/files': {
        post: {
          operationId: 'upload',
          consumes: ['multipart/form-data'],
          security: [{ basic: [] }],
          parameters: [
            { name: 'file', in: 'formData', type: 'file', required: true },
            { name: 'note', in: 'formData', type: 'string', default: 'hello' },
            {
              name: 'tags',
              in: 'query',
              type: 'array',
              items: { type: 'string' },
              default: ['a', 'b'],
              required: true,
            },
          ],
          responses: {
            '200': {
              description: 'ok',
              schema: { type: 'object', properties: { size: { type: 'integer', 'x-nullable': true } } },
            },
          },
        },
      },
      '/notes': {
        put: {
          operationId: 'note',
          security: [{ app: ['admin'] }],
          parameters: [
            {
              name: 'body',
              in: 'body',
              schema: {
                type: 'object',
                required: ['text'],
                properties: { text: { type: 'string', example: 'Hi' } },
              },
            },
          ],
          responses: { default: { description: 'whatever' } },
        },
      },
    },
  };
  const report = reportOf(importOpenApi(doc, NO_FACTS));
  const { collection } = report;

  it('makes an environment per scheme from host and basePath', () => {
    expect(collection.environments.map((e) => e.variables[0]?.value)).toEqual([
      'https://api.example.com/v1',
      'http://api.example.com/v1',
    ]);
  });

  it('reads formData as multipart with an empty file row, and body parameters as JSON', () => {
    const upload = requestNamed(collection.root, 'upload').draft;
    expect(upload.url).toBe('{{baseUrl}}/files?tags=a%2Cb');
    expect(upload.body).toEqual({
      mode: 'multipart',
      fields: [{ kind: 'file', name: 'file', path: '', enabled: true }],
    });
    expect(report.skipped).toContain(
      'The multipart body of request "upload" has file field "file" with no file: choose one in its Body tab before sending.',
    );
    expect(requestNamed(collection.root, 'note').draft.body).toEqual({
      mode: 'json',
      text: '{\n  "text": "Hi"\n}',
    });
  });

  it('maps basic, header API keys and the application flow', () => {
    expect(collection.root.auth).toEqual({
      type: 'apiKey',
      credentialId: 'api-key-1',
      name: 'X-Key',
      in: 'header',
    });
    expect(requestNamed(collection.root, 'upload').draft.auth).toEqual({
      type: 'basic',
      credentialId: 'basic-1',
    });
    expect(collection.credentials.find((c) => c.kind === 'oauth2')?.fields).toMatchObject({
      tokenUrl: 'https://api.example.com/token',
      scope: 'admin',
    });
  });

  it('reads x-nullable in response schemas', () => {
    const schema = requestNamed(collection.root, 'upload').draft.tests?.[0]?.expected ?? '';
    expect(checkSchema({ size: null }, schema)).toEqual({ ok: true });
    expect(checkSchema({ size: 'big' }, schema)).toMatchObject({ ok: false });
  });
});

describe('importOpenApi: bodies in other media types, and no servers', () => {
  const doc: Node = {
    openapi: '3.0.0',
    info,
    paths: {
      '/xml': {
        post: {
          operationId: 'xml',
          requestBody: {
            content: {
              'application/xml': {
                schema: {
                  type: 'object',
                  xml: { name: 'user' },
                  required: ['name'],
                  properties: { name: { type: 'string', example: 'A & B' } },
                },
              },
            },
          },
          responses: {},
        },
      },
      '/text': {
        post: {
          operationId: 'text',
          requestBody: { content: { 'text/plain': { example: 'hello' } } },
          responses: {},
        },
      },
      '/bin': {
        post: {
          operationId: 'bin',
          requestBody: { content: { 'application/octet-stream': {} } },
          responses: {},
        },
      },
      '/form': {
        post: {
          operationId: 'form',
          requestBody: {
            content: {
              'application/x-www-form-urlencoded': {
                examples: { one: { value: { grant: 'x', n: 2 } } },
              },
            },
          },
          responses: {},
        },
      },
      '/items/{itemId}': {
        get: {
          operationId: 'item',
          parameters: [{ name: 'itemId', in: 'path', required: true, schema: { type: 'string' } }],
          servers: [{ url: 'https://items.example.com' }],
          responses: {},
        },
      },
      '/items/{itemId}/parts/{partId}': { delete: { operationId: 'part', responses: {} } },
    },
  };
  const report = reportOf(importOpenApi(doc, NO_FACTS));
  const draft = (name: string) => requestNamed(report.collection.root, name).draft;

  it('writes raw XML, raw text, binary and form bodies', () => {
    expect(draft('xml').body).toEqual({
      mode: 'raw',
      contentType: 'application/xml',
      text: '<?xml version="1.0" encoding="UTF-8"?>\n<user>\n  <name>A &amp; B</name>\n</user>',
    });
    expect(draft('text').body).toEqual({ mode: 'raw', contentType: 'text/plain', text: 'hello' });
    expect(draft('bin').body).toEqual({ mode: 'binary', path: '', contentType: 'application/octet-stream' });
    expect(draft('form').body).toEqual({
      mode: 'form-urlencoded',
      fields: [
        { name: 'grant', value: 'x', enabled: true },
        { name: 'n', value: '2', enabled: true },
      ],
    });
  });

  it('says there is no server and which path parameters have no value', () => {
    expect(report.collection.environments).toEqual([]);
    expect(report.skipped).toContain(
      "The description names no server, so no environment was made: add a variable baseUrl with the API's address (e.g. https://api.example.com) to an environment or to the imported folder.",
    );
    expect(report.skipped).toContain(
      'Path parameters with no example or default in the description: {{itemId}} (2 requests), {{partId}} (1 request). Set them as variables (in the imported folder or the environment) before sending.',
    );
    expect(report.skipped).toContain(
      'Request "item" names its own server, which Lantern did not use: it starts with {{baseUrl}} like the others. Change its address if it lives elsewhere.',
    );
    expect(draft('part').url).toBe('{{baseUrl}}/items/{{itemId}}/parts/{{partId}}');
  });
});
