import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestNamed } from '../../../shared/importers/test-support';
import { startHttpServer, type RunningServer } from '../../../test-support/servers';
import { importAnyFormat, importOpenApiText } from './openapi-reader';

const YAML_31 = `
openapi: 3.1.0
info: { title: Tree API, version: '1' }
servers: [{ url: 'https://api.example.com' }]
paths:
  /nodes:
    post:
      operationId: saveNode
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Node' }
      responses:
        '201':
          description: made
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Node' }
components:
  schemas:
    Node:
      type: object
      required: [name]
      properties:
        name: { type: string }
        parent: { $ref: '#/components/schemas/Node' }
`;

const SWAGGER_JSON = JSON.stringify({
  swagger: '2.0',
  info: { title: 'Old API', version: '1' },
  host: 'old.example.com',
  schemes: ['https'],
  paths: {
    '/ping': { get: { operationId: 'ping', responses: { '200': { description: 'pong' } } } },
  },
});

function report(result: Awaited<ReturnType<typeof importOpenApiText>>) {
  if (!result.ok) throw new Error(result.error);
  return result.report;
}

describe('importOpenApiText', () => {
  it('reads YAML 3.1 with a circular $ref', async () => {
    const { collection, skipped } = report(await importOpenApiText(YAML_31));
    const draft = requestNamed(collection.root, 'saveNode').draft;
    expect(draft.body).toEqual({ mode: 'json', text: '{\n  "name": "string"\n}' });
    expect(draft.tests?.[0]).toMatchObject({ enabled: false, op: 'matchesSchema' });
    expect(skipped).toEqual([]);
  });

  it('reads Swagger 2.0 JSON through the same entry point as every other format', async () => {
    const { collection } = report(await importAnyFormat(SWAGGER_JSON));
    expect(requestNamed(collection.root, 'ping').draft.url).toBe('{{baseUrl}}/ping');
    expect(collection.environments[0]?.variables).toEqual([
      { name: 'baseUrl', value: 'https://old.example.com', secret: false },
    ]);
  });

  it('says where an invalid description is wrong, in plain words', async () => {
    const bad = YAML_31.replace('description: made', 'descriptio: made');
    expect(await importOpenApiText(bad)).toEqual({
      ok: false,
      error:
        'This OpenAPI description is not valid: at paths › /nodes › post › responses › 201: "description" is missing;' +
        ' at paths › /nodes › post › responses › 201: "descriptio" is not allowed there. Correct the description and import it again.',
    });
  });

  it('names a $ref to something the description does not contain', async () => {
    const broken = YAML_31.replace(
      "'#/components/schemas/Node' }\n      responses",
      "'#/components/schemas/Nope' }\n      responses",
    );
    expect(await importOpenApiText(broken)).toEqual({
      ok: false,
      error:
        'This OpenAPI description refers to #/components/schemas/Nope, which it does not contain. Correct the description and import it again.',
    });
  });

  it('says when the text is not YAML or JSON', async () => {
    const result = await importOpenApiText('openapi: 3.0.0\ninfo: [unclosed');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(
      /^This OpenAPI description cannot be read as YAML \(.+\): it may be cut short\. Correct the description and import it again\.$/,
    );
    expect(await importOpenApiText('{"openapi": "3.0.0", ')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^This OpenAPI description cannot be read as JSON \(/),
    });
  });

  it('names an unsupported version', async () => {
    expect(await importOpenApiText('openapi: 3.2.0\ninfo: {title: x, version: "1"}\npaths: {}')).toEqual({
      ok: false,
      error:
        'This is OpenAPI 3.2.0, which Lantern does not read: it reads OpenAPI 3.0 and 3.1 and Swagger 2.0. Export the description in one of those versions.',
    });
  });

  describe('external references', () => {
    let server: RunningServer;
    let hits = 0;
    let dir: string;
    beforeAll(async () => {
      server = await startHttpServer((_req, res) => {
        hits += 1;
        res.setHeader('content-type', 'application/json');
        res.end('{"type":"string"}');
      });
      dir = await mkdtemp(path.join(tmpdir(), 'lantern-openapi-'));
      await writeFile(path.join(dir, 'common.yaml'), 'Error: { type: object }\n');
    });
    afterAll(async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('are not followed (no file read, no network) and are reported', async () => {
      const fileRef = path.join(dir, 'common.yaml#/Error');
      const doc = YAML_31.replace(
        "schema: { $ref: '#/components/schemas/Node' }\ncomponents",
        `schema: { $ref: '${server.url}/node.json' }\ncomponents`,
      ).replace("parent: { $ref: '#/components/schemas/Node' }", `parent: { $ref: '${fileRef}' }`);
      const { skipped, collection } = report(await importOpenApiText(doc));
      expect(hits).toBe(0);
      expect(skipped).toEqual([
        `The 201 response schema of request "saveNode" refers to another file (${server.url}/node.json), which Lantern does not read, so no schema test was made for it.`,
        `The reference "${fileRef}" points to another file or web address, which Lantern does not read (it reads only what you chose to import): the parts that use it were imported without it.`,
        `The reference "${server.url}/node.json" points to another file or web address, which Lantern does not read (it reads only what you chose to import): the parts that use it were imported without it.`,
      ]);
      expect(requestNamed(collection.root, 'saveNode').draft.tests).toBeUndefined();
    });
  });
});
