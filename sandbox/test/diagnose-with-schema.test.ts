/**
 * The diagnosis the main side attaches to every exchange uses the endpoint's schema once Lantern
 * has one (fetched, loaded or cached): what the schema declares settles what the answer alone
 * cannot, such as whether `[]` is an empty list or PHP's empty object.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/dispatch';
import { graphql, send, services, sites, startSites, stopSites } from './diagnose-harness';

beforeAll(startSites);
afterAll(stopSites);
beforeEach(() => sites.sandbox.reset());

const ALL_DROPPED = { query: '{ totara_webapi_status { statsu } }' };

describe('with the schema of the endpoint', () => {
  it('reads [] where the schema declares an object as an empty object: every field was dropped', async () => {
    const request = graphql(ALL_DROPPED);
    const before = await send(request);
    expect(before.exchange?.response.body.text).toBe('{"data":{"totara_webapi_status":[]}}');
    // Without the schema, [] may be an empty list: nothing is claimed.
    expect(before.exchange?.findings?.map((f) => f.id)).toEqual([]);

    const fetched = await dispatch(services.handlers, 'introspectSchema', {
      endpoint: { url: request.url, auth: request.auth },
    });
    expect(fetched.ok).toBe(true);
    const after = await send(request);
    const missing = after.exchange?.findings?.find((f) => f.id === 'graphql.data.field-missing');
    expect(missing?.evidence).toEqual([
      { kind: 'response-body', name: 'data.totara_webapi_status', value: '[]' },
      { kind: 'response-body', name: 'data.totara_webapi_status.statsu' },
    ]);
  });

  it('forgets the schema with the cache', async () => {
    const request = graphql(ALL_DROPPED);
    await dispatch(services.handlers, 'introspectSchema', {
      endpoint: { url: request.url, auth: request.auth },
    });
    await dispatch(services.handlers, 'forgetSchema', { url: request.url });
    expect((await send(request)).exchange?.findings?.map((f) => f.id)).toEqual([]);
  });
});
