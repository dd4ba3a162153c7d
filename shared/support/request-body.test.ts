import { describe, expect, it } from 'vitest';
import type { RequestDraft } from '../model/request';
import { requestBodyOf } from './request-body';

const draft = (body: RequestDraft['body']): RequestDraft => ({
  method: 'POST',
  url: 'https://x.example/',
  headers: [],
  body,
  auth: { type: 'none' },
});

describe('requestBodyOf', () => {
  it.each<[string, RequestDraft['body'], Partial<ReturnType<typeof requestBodyOf>>]>([
    ['json', { mode: 'json', text: '{"a":1}' }, { mimeType: 'application/json', text: '{"a":1}' }],
    ['raw', { mode: 'raw', text: '<a/>', contentType: 'text/xml' }, { mimeType: 'text/xml', text: '<a/>' }],
    [
      'form: enabled fields only',
      {
        mode: 'form-urlencoded',
        fields: [
          { name: 'grant_type', value: 'client_credentials', enabled: true },
          { name: 'off', value: 'x', enabled: false },
        ],
      },
      {
        text: 'grant_type=client_credentials',
        params: [{ name: 'grant_type', value: 'client_credentials' }],
      },
    ],
    [
      'binary: named, not read',
      { mode: 'binary', path: '/home/me/secret/report.pdf' },
      { note: 'The body is the file report.pdf: not included.' },
    ],
  ])('%s', (_, body, expected) => {
    expect(requestBodyOf(draft(body))).toMatchObject(expected as object);
  });

  it('none has no body', () => {
    expect(requestBodyOf(draft({ mode: 'none' }))).toBeUndefined();
  });

  it('multipart names its files by file name only', () => {
    const body = requestBodyOf(
      draft({
        mode: 'multipart',
        fields: [
          { kind: 'text', name: 'a', value: '1', enabled: true },
          { kind: 'file', name: 'f', path: 'C:\\Users\\me\\cv.docx', enabled: true },
        ],
      }),
    );
    expect(body?.params).toEqual([
      { name: 'a', value: '1' },
      { name: 'f', value: '@cv.docx' },
    ]);
  });

  it('graphql: query, parsed variables and operationName; persisted sends no query', () => {
    const full = requestBodyOf(
      draft({ mode: 'graphql', query: '{ a }', variables: '{"n":1}', operationName: 'op', persisted: false }),
    );
    expect(JSON.parse(full?.text ?? '')).toEqual({
      query: '{ a }',
      variables: { n: 1 },
      operationName: 'op',
    });
    const persisted = requestBodyOf(
      draft({ mode: 'graphql', query: '{ a }', variables: '', operationName: 'core_x', persisted: true }),
    );
    expect(JSON.parse(persisted?.text ?? '')).toEqual({ operationName: 'core_x', variables: {} });
  });
});
