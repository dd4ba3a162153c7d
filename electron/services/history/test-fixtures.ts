import type { RequestDraft } from '../../../shared/model/request';
import type { Exchange } from '../../../shared/model/response';

/** Test inputs shaped like what the send pipeline hands to history. */
export function makeDraft(overrides: Partial<RequestDraft> = {}): RequestDraft {
  return {
    method: 'GET',
    url: '{{base}}/api/users',
    headers: [],
    body: { mode: 'none' },
    auth: { type: 'none' },
    ...overrides,
  };
}

export function makeExchange(
  overrides: { url?: string; status?: number; body?: string; headers?: [string, string][] } = {},
): Exchange {
  return {
    requestId: 'r1',
    request: {
      method: 'GET',
      url: overrides.url ?? 'http://127.0.0.1:4000/api/users',
      headers: overrides.headers ?? [],
    },
    response: {
      status: overrides.status ?? 200,
      statusText: 'OK',
      headers: [['content-type', 'application/json']],
      body: {
        text: overrides.body ?? '{"users":[]}',
        encoding: 'utf8',
        truncated: false,
        contentType: 'application/json',
      },
      bodyBytes: Buffer.byteLength(overrides.body ?? '{"users":[]}'),
    },
    timings: { firstByteMs: 10, downloadMs: 2, totalMs: 12 },
    startedAt: '2025-01-01T10:00:00.000Z',
  };
}
