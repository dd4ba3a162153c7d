import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpbin, type RunningProcess } from '../../../test-support/processes';
import type { RequestDraft } from '../../../shared/model/request';
import { createHttpEngine } from './http-engine';
import { prepareRequest } from './request-builder';

// Every body mode, checked by what Debian's httpbin says arrived.
let httpbin: RunningProcess;
const engine = createHttpEngine({ env: {} });
const dir = mkdtempSync(path.join(tmpdir(), 'lantern-bodies-'));
const csv = path.join(dir, 'learners.csv');
const png = path.join(dir, 'pixel.png');
beforeAll(async () => {
  httpbin = await startHttpbin();
  writeFileSync(csv, 'email,name\nada@example.com,Ada\n');
  writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]));
}, 30_000);
afterAll(async () => {
  await engine.close();
  await httpbin?.stop();
});

let n = 0;
async function post(body: RequestDraft['body'], headers: RequestDraft['headers'] = []) {
  const draft: RequestDraft = {
    method: 'POST',
    url: `${httpbin.url}/post`,
    headers,
    body,
    auth: { type: 'none' },
  };
  const exchange = await engine.execute(`b${n++}`, await prepareRequest(draft), {
    timeoutMs: 10_000,
    connectTimeoutMs: 5_000,
  });
  return JSON.parse(exchange.response.body.text) as Record<string, unknown> & {
    headers: Record<string, string>;
  };
}

describe('body modes against httpbin', () => {
  it('form-urlencoded: enabled fields only, with the form content type', async () => {
    const echoed = await post({
      mode: 'form-urlencoded',
      fields: [
        { name: 'course', value: 'Fire & safety', enabled: true },
        { name: 'draft', value: 'yes', enabled: false },
      ],
    });
    expect(echoed.form).toEqual({ course: 'Fire & safety' });
    expect(echoed.headers['Content-Type']).toBe('application/x-www-form-urlencoded');
  });

  it('multipart: text parts and a file read on the main side, with undici’s boundary', async () => {
    const echoed = await post(
      {
        mode: 'multipart',
        fields: [
          { kind: 'text', name: 'note', value: 'quarterly import', enabled: true },
          { kind: 'file', name: 'upload', path: csv, contentType: 'text/csv', enabled: true },
        ],
      },
      [{ name: 'Content-Type', value: 'multipart/form-data', enabled: true }],
    );
    expect(echoed.form).toEqual({ note: 'quarterly import' });
    expect(echoed.files).toEqual({ upload: 'email,name\nada@example.com,Ada\n' });
    expect(echoed.headers['Content-Type']).toMatch(/^multipart\/form-data; boundary=/);
  });

  it('binary: the file bytes as they are, with its content type', async () => {
    const echoed = await post({ mode: 'binary', path: png, contentType: 'image/png' });
    expect(echoed.headers['Content-Type']).toBe('image/png');
    expect(echoed.headers['Content-Length']).toBe('8');
  });

  it('graphql: query, variables and operation name as JSON', async () => {
    const echoed = await post({
      mode: 'graphql',
      query: 'query users { core_user_users { total } }',
      variables: '{"limit": 5}',
      operationName: 'users',
      persisted: false,
    });
    expect(echoed.json).toEqual({
      query: 'query users { core_user_users { total } }',
      variables: { limit: 5 },
      operationName: 'users',
    });
  });

  it('graphql persisted: only the operation name and variables', async () => {
    const echoed = await post({
      mode: 'graphql',
      query: 'ignored',
      variables: '',
      operationName: 'totara_webapi_status',
      persisted: true,
    });
    expect(echoed.json).toEqual({ operationName: 'totara_webapi_status', variables: {} });
  });
});

describe('body modes: bad input in plain words', () => {
  it.each([
    [
      { mode: 'binary', path: path.join(dir, 'missing.bin') },
      'body.file-missing',
      /could not be read: it does not exist/,
    ],
    [{ mode: 'binary', path: '' }, 'body.file-missing', /No file is chosen/],
    [{ mode: 'binary', path: dir }, 'body.file-missing', /is a folder, not a file/],
    [
      {
        mode: 'multipart',
        fields: [{ kind: 'file', name: 'cv', path: path.join(dir, 'nope.pdf'), enabled: true }],
      },
      'body.file-missing',
      /form field 1 \(cv\)/,
    ],
    [
      { mode: 'graphql', query: '{ a }', variables: '{oops', persisted: false },
      'graphql.bad-variables',
      /not valid JSON/,
    ],
    [
      { mode: 'graphql', query: '', variables: '{}', persisted: true },
      'graphql.no-operation',
      /needs its name/,
    ],
  ] as const)('%j → %s', async (body, code, message) => {
    const draft = {
      method: 'POST',
      url: 'http://127.0.0.1/',
      headers: [],
      body,
      auth: { type: 'none' },
    } as RequestDraft;
    await expect(prepareRequest(draft)).rejects.toMatchObject({
      code,
      message: expect.stringMatching(message),
    });
  });
});
