import { describe, expect, it } from 'vitest';
import type { RequestAuth } from '../model/auth';
import type { RequestBody } from '../model/request';
import { decodeRequest, encodeRequest } from './request-file';
import { sampleRequest } from './sample-request.fixture';

const bodies: RequestBody[] = [
  { mode: 'none' },
  { mode: 'json', text: '{\n  "name": "Ada",\n  "tags": ["a", "b"]\n}\n' },
  { mode: 'json', text: '{"compact":true}' },
  {
    mode: 'raw',
    text: 'line one\n  indented\n\ttabbed\ntrailing spaces   \n\n\n',
    contentType: 'text/plain',
  },
  { mode: 'raw', text: '  leading space first\nsecond', contentType: 'text/csv' },
  { mode: 'raw', text: 'windows\r\nline ends\r\n', contentType: 'text/plain' },
  {
    mode: 'form-urlencoded',
    fields: [
      { name: 'q', value: 'a b&c', enabled: true },
      { name: 'off', value: '', enabled: false },
    ],
  },
  {
    mode: 'multipart',
    fields: [
      { kind: 'text', name: 'note', value: 'hello: world # not a comment', enabled: true },
      { kind: 'file', name: 'upload', path: '/tmp/photo.png', contentType: 'image/png', enabled: false },
    ],
  },
  { mode: 'binary', path: 'C:\\data\\blob.bin', contentType: 'application/octet-stream' },
  { mode: 'binary', path: '/data/blob.bin' },
  {
    mode: 'graphql',
    query: 'query Users($first: Int) {\n  users(first: $first) { id name }\n}\n',
    variables: '{ "first": 10 }',
    operationName: 'Users',
    persisted: false,
  },
  { mode: 'graphql', query: '', variables: '', persisted: true, operationName: 'core_user_get' },
];

const auths: RequestAuth[] = [
  { type: 'none' },
  { type: 'bearer', credentialId: 'cred_1' },
  { type: 'basic', credentialId: 'cred_2' },
  { type: 'apiKey', credentialId: 'cred_3', name: 'X-Api-Key', in: 'header' },
  { type: 'apiKey', credentialId: 'cred_4', name: 'key', in: 'query' },
  { type: 'oauth2', credentialId: 'cred_5' },
  { type: 'session', credentialId: 'cred_6' },
];

function roundTrip(text: string) {
  const decoded = decodeRequest(text);
  if (!decoded.ok) throw new Error(`did not decode: ${decoded.reason}`);
  return decoded;
}

describe('request files', () => {
  it.each(bodies.map((body) => [body.mode, body] as const))('round-trips a %s body', (_mode, body) => {
    const request = sampleRequest({ draft: { ...sampleRequest().draft, body } });
    const text = encodeRequest(request);
    expect(roundTrip(text).value).toEqual(request);
    expect(encodeRequest(roundTrip(text).value)).toBe(text);
  });

  it.each(auths.map((auth) => [auth.type, auth] as const))(
    'round-trips %s auth as a reference only',
    (_type, auth) => {
      const request = sampleRequest({ draft: { ...sampleRequest().draft, auth } });
      const text = encodeRequest(request);
      expect(roundTrip(text).value).toEqual(request);
    },
  );

  it('round-trips settings, disabled params, tests, captures and names YAML would misread', () => {
    const request = sampleRequest({
      name: 'yes',
      draft: {
        ...sampleRequest().draft,
        method: 'PROPFIND',
        url: 'https://example.com/a: b #c',
        settings: {
          verifyTls: false,
          followRedirects: true,
          maxRedirects: 0,
          timeoutMs: 5000,
          caFile: '/ca.pem',
        },
        disabledParams: [{ name: 'debug', value: 'true', index: 1 }],
        tests: [
          { enabled: true, target: 'status', op: 'oneOf', expected: '200,201' },
          {
            name: 'Token issued: "Bearer"',
            enabled: true,
            target: 'body',
            op: 'contains',
            expected: 'Bearer',
          },
          {
            enabled: false,
            target: 'jsonPath',
            path: '$.data[0].email',
            op: 'matches',
            expected: 'yes: #no',
          },
        ],
        captures: [
          { enabled: true, name: 'userId', from: 'jsonPath', path: '$.data[0].id', scope: 'environment' },
        ],
      },
    });
    const text = encodeRequest(request);
    expect(roundTrip(text).value).toEqual(request);
  });

  it("reads an older file's expectStatus as a status assertion, first among its tests", () => {
    const text = encodeRequest(
      sampleRequest({
        expectStatus: '2xx',
        draft: {
          ...sampleRequest().draft,
          tests: [{ enabled: true, target: 'bodySize', op: 'gt', expected: '0' }],
        },
      }),
    );
    expect(text).not.toContain('expectStatus');
    const decoded = roundTrip(text).value;
    expect(decoded.expectStatus).toBeUndefined();
    expect(decoded.draft.tests).toEqual([
      { enabled: true, target: 'status', op: 'oneOf', expected: '2xx' },
      { enabled: true, target: 'bodySize', op: 'gt', expected: '0' },
    ]);
    const legacy = decodeRequest('id: a\nname: A\nmethod: GET\nurl: http://x\nexpectStatus: "418"\n');
    expect(legacy.ok && legacy.value.draft.tests).toEqual([
      { enabled: true, target: 'status', op: 'oneOf', expected: '418' },
    ]);
  });

  it('never writes where an inherited test row came from', () => {
    const text = encodeRequest(
      sampleRequest({
        draft: {
          ...sampleRequest().draft,
          tests: [{ enabled: true, target: 'status', op: 'equals', expected: '200', from: 'Users' }],
        },
      }),
    );
    expect(text).not.toContain('Users');
  });

  it('writes keys in a fixed order and multi-line bodies as literal blocks', () => {
    const body: RequestBody = { mode: 'json', text: '{\n  "a": 1\n}\n' };
    const text = encodeRequest(
      sampleRequest({ expectStatus: '2xx', draft: { ...sampleRequest().draft, body } }),
    );
    const keys = text
      .split('\n')
      .filter((line) => /^[a-zA-Z]+:/.test(line))
      .map((line) => line.split(':')[0]);
    expect(keys).toEqual([
      'id',
      'name',
      'description',
      'method',
      'url',
      'headers',
      'body',
      'auth',
      'tests',
      'inheritAuth',
    ]);
    expect(text).toContain('  text: |\n    {\n      "a": 1\n    }\n');
    expect(text).not.toContain('enabled: true');
  });

  it('is byte-identical when saved twice, and one changed field changes one line', () => {
    const request = sampleRequest();
    const first = encodeRequest(request);
    expect(encodeRequest(structuredClone(request))).toBe(first);
    const changed = encodeRequest({
      ...request,
      draft: { ...request.draft, url: 'https://api.example.com/v2/users' },
    });
    const [a, b] = [first.split('\n'), changed.split('\n')];
    expect(a.length).toBe(b.length);
    expect(a.filter((line, index) => line !== b[index])).toEqual([
      'url: https://api.example.com/users?page={{page}}',
    ]);
  });

  it('keeps unknown top-level keys and reports unknown nested ones', () => {
    const text = `${encodeRequest(sampleRequest())}x-team: payments\nnotes:\n  - one\n`;
    const decoded = roundTrip(text.replace('  type: bearer\n', '  type: bearer\n  scope: admin\n'));
    expect(decoded.extras).toEqual({ 'x-team': 'payments', notes: ['one'] });
    expect(decoded.warnings.map((w) => w.reason)).toEqual([
      expect.stringContaining('"auth.scope" is not a setting'),
    ]);
    expect(decoded.warnings[0]?.line).toBeGreaterThan(1);
    expect(encodeRequest(decoded.value, decoded.extras)).toMatch(
      /inheritAuth: false\nx-team: payments\nnotes:\n {2}- one\n$/,
    );
  });

  it('explains an invalid file with its line', () => {
    const text = encodeRequest(sampleRequest()).replace('method: GET', 'method: "GE T"');
    const decoded = decodeRequest(text);
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.line).toBe(text.split('\n').findIndex((line) => line.startsWith('method:')) + 1);
    expect(decoded.reason).toMatch(/"method": A method may contain only/);
  });
});
