import { describe, expect, it } from 'vitest';
import {
  bareInternalError,
  draft,
  exchange,
  findingOf,
  idsOf,
  internalError,
  JSON_SENT,
  STATUS_QUERY,
  transportError,
} from '../test-support';

describe('Totara request shape (scenarios 7–10)', () => {
  it('explains a bare "Internal server error" as the None error level (scenario 7)', () => {
    const input = { draft: draft({ json: STATUS_QUERY }), exchange: exchange({ body: bareInternalError }) };
    expect(idsOf(input)).toEqual(['totara.error-level-none']);
    expect(findingOf(input, 'totara.error-level-none').fix).toMatch(/Normal/);
  });

  it('adds what the request shows, without claiming it is the cause', () => {
    const input = {
      draft: draft({ json: STATUS_QUERY, auth: { type: 'none' } }),
      exchange: exchange({ requestHeaders: [JSON_SENT], body: bareInternalError }),
      context: { totaraErrorLevel: 'none' as const },
    };
    expect(idsOf(input)).toEqual(['totara.error-level-none']);
    expect(findingOf(input, 'totara.error-level-none').explanation).toMatch(
      /told Lantern.*no Authorization header was sent/s,
    );
  });

  it('checks operationName before and after sending (scenario 8)', () => {
    const named = draft({
      json: { query: 'query getStatus { totara_webapi_status { status } }', operationName: 'getStatus' },
    });
    const before = findingOf({ draft: named }, 'totara.request.operation-name');
    expect(before.severity).toBe('warning');
    expect(before.fix).toMatch(/"get_status"/);
    const refused = exchange({ body: internalError('Invalid request, validation of operationName failed') });
    expect(idsOf({ draft: named, exchange: refused })).toEqual(['totara.request.operation-name']);
    expect(findingOf({ draft: named, exchange: refused }, 'totara.request.operation-name').severity).toBe(
      'error',
    );
  });

  it('lets IntrospectionQuery and snake_case names through, and ignores other GraphQL servers', () => {
    const ok = (operationName: string, url?: string) =>
      idsOf({
        draft: draft({
          json: { query: `query ${operationName} { a }`, operationName },
          ...(url ? { url } : {}),
        }),
      });
    expect(ok('IntrospectionQuery')).toEqual([]);
    expect(ok('list_users2')).toEqual([]);
    expect(ok('getUsers', 'https://api.github.com/graphql')).toEqual([]);
  });

  it('says why the body was not JSON (scenario 9)', () => {
    const refused = exchange({ body: internalError('Invalid request, request cannot be empty') });
    const pasted = draft({ text: 'query { totara_webapi_status { status } }' });
    expect(idsOf({ draft: pasted, exchange: refused })).toEqual(['totara.request.not-json']);
    expect(findingOf({ draft: pasted, exchange: refused }, 'totara.request.not-json').explanation).toMatch(
      /not valid JSON/,
    );
    const form = draft({ body: { mode: 'form-urlencoded', fields: [] } });
    expect(findingOf({ draft: form, exchange: refused }, 'totara.request.not-json').explanation).toMatch(
      /form/,
    );
  });

  it('names a missing query and a persisted-query id', () => {
    expect(idsOf({ exchange: exchange({ body: internalError('Query parameter is missing') }) })).toEqual([
      'totara.request.query-missing',
    ]);
    const persisted = internalError('Invalid request, we do not support standard persistent queries');
    expect(idsOf({ exchange: exchange({ body: persisted }) })).toEqual(['totara.request.persisted-query']);
  });

  it('explains "only POST" for a GET and for a POST redirected into a GET (scenario 10)', () => {
    const body = transportError('Invalid webapi request, only POST method is allowed');
    expect(idsOf({ exchange: exchange({ method: 'GET', status: 400, body }) })).toEqual([
      'totara.request.post-only',
    ]);
    const redirects = [
      {
        status: 301,
        method: 'POST',
        url: 'http://learn.example.com/api/graphql.php',
        location: 'https://learn.example.com/api/graphql.php',
      },
    ];
    const input = {
      exchange: exchange({ url: 'http://learn.example.com/api/graphql.php', status: 400, body, redirects }),
    };
    expect(idsOf(input)).toEqual(['totara.request.post-only', 'http.redirect-post-to-get']);
    expect(findingOf(input, 'totara.request.post-only').explanation).toMatch(/301 redirect/);
  });

  it('explains "Feature api is not available." (scenario 10)', () => {
    const body = transportError('Feature api is not available.');
    expect(
      idsOf({ draft: draft({ json: STATUS_QUERY }), exchange: exchange({ status: 400, body }) }),
    ).toEqual(['totara.api-disabled']);
  });
});
