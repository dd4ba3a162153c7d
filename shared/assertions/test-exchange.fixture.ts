import type { Exchange } from '../model/response';

/** A response as the engine gives one, for tests of assertions and captures. */
export function exchangeOf(
  body: unknown,
  {
    status = 200,
    headers = [['content-type', 'application/json']] as [string, string][],
    totalMs = 120,
    truncated = false,
  } = {},
): Exchange {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    requestId: 'r1',
    request: { method: 'GET', url: 'http://localhost/users', headers: [] },
    response: {
      status,
      statusText: 'OK',
      headers,
      body: { text, encoding: 'utf8', truncated, contentType: 'application/json' },
      bodyBytes: text.length,
    },
    timings: { firstByteMs: 10, downloadMs: 1, totalMs },
    startedAt: new Date(0).toISOString(),
  };
}
