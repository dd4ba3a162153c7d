import { z } from 'zod';
import type { RequestAuth } from '../model/auth';
import { savedRequestSchema, type SavedRequest } from '../model/collection';
import { requestDraftSchema, type HeaderRow, type RequestBody } from '../model/request';
import { statusAssertion, type Assertion, type Capture } from '../assertions/model';
import { decodeFile, encodeFile, orderKeys, type Decoded, type Extras } from './file-codec';

/**
 * One request per file, flat: the draft's fields sit at the top level beside the id and name, in
 * this order. The auth holds only a credential id; the secret itself is in the vault.
 */
export const REQUEST_KEYS = [
  'id',
  'name',
  'description',
  'method',
  'url',
  'headers',
  'body',
  'auth',
  'settings',
  'disabledParams',
  'tests',
  'captures',
  'expectStatus',
  'inheritAuth',
] as const;

const draft = requestDraftSchema.shape;
const saved = savedRequestSchema.shape;

const requestFileSchema = z.object({
  id: saved.id,
  name: saved.name,
  description: saved.description,
  method: draft.method,
  url: draft.url,
  headers: draft.headers.default([]),
  body: draft.body.default({ mode: 'none' }),
  auth: draft.auth,
  settings: draft.settings,
  disabledParams: draft.disabledParams,
  tests: draft.tests,
  captures: draft.captures,
  expectStatus: saved.expectStatus,
  inheritAuth: saved.inheritAuth,
});

const SETTINGS_KEYS = [
  'verifyTls',
  'followRedirects',
  'maxRedirects',
  'timeoutMs',
  'caFile',
  'clientCertFile',
  'clientKeyFile',
];

/** Older files' `expectStatus` ("2xx", "200,201") as the status assertion that replaces it. */
function withStatusExpectation(
  tests: Assertion[] | undefined,
  expectStatus: string | undefined,
): Assertion[] | undefined {
  if (expectStatus === undefined || expectStatus.trim() === '') return tests;
  return [statusAssertion(expectStatus), ...(tests ?? [])];
}

/** `enabled: true` is the default, so it is left out: the common case stays short. */
function row<T extends { enabled?: boolean }>(value: T, keys: readonly string[]): Record<string, unknown> {
  const ordered = orderKeys(value, keys);
  if (ordered.enabled === true) delete ordered.enabled;
  return ordered;
}

export function headerRows(headers: readonly HeaderRow[]): Record<string, unknown>[] {
  return headers.map((header) => row(header, ['name', 'value', 'enabled']));
}

export function orderAuth(auth: RequestAuth): Record<string, unknown> {
  return orderKeys(auth, ['type', 'credentialId', 'name', 'in']);
}

function orderBody(body: RequestBody): Record<string, unknown> {
  switch (body.mode) {
    case 'form-urlencoded':
      return { mode: body.mode, fields: body.fields.map((f) => row(f, ['name', 'value', 'enabled'])) };
    case 'multipart':
      return {
        mode: body.mode,
        fields: body.fields.map((f) => row(f, ['kind', 'name', 'value', 'path', 'contentType', 'enabled'])),
      };
    default:
      return orderKeys(body, [
        'mode',
        'contentType',
        'path',
        'operationName',
        'persisted',
        'text',
        'query',
        'variables',
      ]);
  }
}

/** Test rows as written: `enabled: true` left out, keys in a fixed order, inherited origin never. */
export function testRows(tests: readonly Assertion[] | undefined): Record<string, unknown>[] | undefined {
  if (tests === undefined || tests.length === 0) return undefined;
  return tests.map(({ from: _from, ...test }) =>
    row(test, ['name', 'target', 'path', 'op', 'expected', 'enabled']),
  );
}

function captureRows(captures: readonly Capture[] | undefined): Record<string, unknown>[] | undefined {
  if (captures === undefined || captures.length === 0) return undefined;
  return captures.map((capture) => {
    const written = row(capture, ['name', 'from', 'path', 'group', 'scope', 'secret', 'enabled']);
    if (written.scope === 'run') delete written.scope;
    return written;
  });
}

/** The file's text for a request: the same request always gives the same bytes. */
export function encodeRequest(request: SavedRequest, extras: Extras = {}): string {
  const { draft: d } = request;
  const flat: Record<string, unknown> = {
    id: request.id,
    name: request.name,
    description: request.description,
    method: d.method,
    url: d.url,
    headers: headerRows(d.headers),
    body: orderBody(d.body),
    auth: orderAuth(d.auth),
    settings: d.settings === undefined ? undefined : orderKeys(d.settings, SETTINGS_KEYS),
    disabledParams: d.disabledParams?.map((p) => orderKeys(p, ['name', 'value', 'index'])),
    tests: testRows(withStatusExpectation(d.tests, request.expectStatus)),
    captures: captureRows(d.captures),
    inheritAuth: request.inheritAuth,
  };
  return encodeFile(flat, REQUEST_KEYS, extras);
}

export function decodeRequest(text: string): Decoded<SavedRequest> {
  const decoded = decodeFile(text, requestFileSchema, REQUEST_KEYS);
  if (!decoded.ok) return decoded;
  const f = decoded.value;
  const request: SavedRequest = {
    id: f.id,
    name: f.name,
    draft: { method: f.method, url: f.url, headers: f.headers, body: f.body, auth: f.auth },
    inheritAuth: f.inheritAuth,
  };
  if (f.description !== undefined) request.description = f.description;
  if (f.settings !== undefined) request.draft.settings = f.settings;
  if (f.disabledParams !== undefined) request.draft.disabledParams = f.disabledParams;
  // `expectStatus` of older files is one assertion now: saved again, the file says `tests:`.
  const tests = withStatusExpectation(f.tests, f.expectStatus);
  if (tests !== undefined) request.draft.tests = tests;
  if (f.captures !== undefined) request.draft.captures = f.captures;
  return { ...decoded, value: request };
}
