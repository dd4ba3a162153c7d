import { getIntrospectionQuery, parse } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fragmentsOf, queryDepth, SlidingWindowBudget } from '../totara/limits';
import { startTestSandbox, totaraHeaders } from './harness';
import type { TestSandbox } from './harness';

/** A query whose depth (top-level field = 0) is exactly `depth`; the unknown fields are dropped at run time. */
function nested(depth: number): string {
  return `{ totara_webapi_status { ${'a { '.repeat(depth)}b${' }'.repeat(depth)} } }`;
}

function depthOf(query: string): number {
  const document = parse(query);
  return queryDepth(document.definitions[0] as OperationDefinitionNode, fragmentsOf(document));
}

// An introspection query with fewer ofType levels, as light clients send.
const shallowIntrospection = `query IntrospectionQuery { __schema { types { name fields { name type { name kind ofType { name kind ofType { name kind } } } } } } }`;

describe('depth counting (pure)', () => {
  it.each([
    ['{ totara_webapi_status { status } }', 0],
    ['{ core_user_users { items { id } } }', 1],
    ['{ core_user_users { items { job_assignments { id } } } }', 2],
    ['query { ...F } fragment F on Query { core_user_users { items { id } } }', 1],
    [getIntrospectionQuery(), 13],
    [shallowIntrospection, 5],
  ])('%s → %i', (query, depth) => {
    expect(depthOf(query)).toBe(depth);
  });

  it('nested() builds the depth it says', () => {
    expect(depthOf(nested(16))).toBe(16);
  });
});

describe('sliding-window budget (pure)', () => {
  it('weights the previous window by the time left in the current one', () => {
    const budget = new SlidingWindowBudget();
    budget.spend(100, 60_000, 60_000);
    expect(budget.used(60_000 + 59_999, 60_000)).toBeCloseTo(100, 0);
    expect(budget.used(120_000 + 15_000, 60_000)).toBeCloseTo(75, 5);
    expect(budget.used(120_000 + 45_000, 60_000)).toBeCloseTo(25, 5);
    expect(budget.used(240_000, 60_000)).toBe(0);
  });
});

let t: TestSandbox;
let auth: string;
beforeAll(async () => {
  t = await startTestSandbox();
});
beforeEach(async () => {
  t.sandbox.reset();
  auth = `Bearer ${await t.token()}`;
});
afterAll(() => t.sandbox.close());

describe('max depth and introspection (§6 11)', () => {
  it('default 15: depth 16 is refused with the exact message and no data', async () => {
    const reply = await t.graphql({ query: nested(16) }, auth);
    expect(reply.json).toEqual({
      errors: [{ message: 'Max query depth should be 15 but got 16.', extensions: { category: 'graphql' } }],
      error: 'Max query depth should be 15 but got 16.',
    });
  });

  it('depth 15 passes', async () => {
    const reply = (await t.graphql({ query: nested(15) }, auth)).json as { errors?: unknown };
    expect(reply.errors).toBeUndefined();
  });

  it('the standard introspection query works by default (introspection on in the sandbox)', async () => {
    const reply = (
      await t.graphql({ query: getIntrospectionQuery(), operationName: 'IntrospectionQuery' }, auth)
    ).json as {
      data: { __schema: { queryType: { name: string } } };
    };
    expect(reply.data.__schema.queryType.name).toBe('Query');
  });

  it('max depth 12 breaks the standard introspection query but not a shallower one', async () => {
    t.sandbox.configure({ maxDepth: 12 });
    const standard = await t.graphql(
      { query: getIntrospectionQuery(), operationName: 'IntrospectionQuery' },
      auth,
    );
    expect(standard.json).toEqual({
      errors: [{ message: 'Max query depth should be 12 but got 13.', extensions: { category: 'graphql' } }],
      error: 'Max query depth should be 12 but got 13.',
    });
    const shallow = (await t.graphql({ query: shallowIntrospection }, auth)).json as { data?: unknown };
    expect(shallow.data).toBeDefined();
  });

  it('introspection switched off', async () => {
    t.sandbox.configure({ introspection: false });
    const reply = await t.graphql({ query: '{ __type(name: "core_user") { name } }' }, auth);
    expect(reply.json).toEqual({
      errors: [{ message: 'GraphQL introspection is not enabled.', extensions: { category: 'graphql' } }],
      error: 'GraphQL introspection is not enabled.',
    });
    const typename = await t.graphql({ query: '{ __typename totara_webapi_status { status } }' }, auth);
    expect(typename.json).toEqual({ data: { __typename: 'Query', totara_webapi_status: { status: 'ok' } } });
  });
});

const users = (limit: number) =>
  `{ core_user_users(query: { pagination: { limit: ${limit} } }) { items { id username email } total } }`;

describe('complexity (§6 12)', () => {
  it('query 5 + 1 per field per record: limit 10 × 3 fields = 35 is over a max of 34', async () => {
    t.sandbox.configure({ maxComplexity: 34 });
    const reply = await t.graphql({ query: users(10) }, auth);
    expect(reply.json).toEqual({
      errors: [
        {
          message: 'Query complexity exceeded maximum allowed complexity of 34.',
          extensions: { category: 'query_complexity' },
          locations: [{ line: 1, column: 3 }],
          path: ['core_user_users'],
        },
      ],
      data: null,
      error: 'Query complexity exceeded maximum allowed complexity of 34.',
    });
  });

  it('exactly 35 passes a max of 35', async () => {
    t.sandbox.configure({ maxComplexity: 35 });
    const reply = (await t.graphql({ query: users(10) }, auth)).json as { errors?: unknown };
    expect(reply.errors).toBeUndefined();
  });

  it('core_user_users is non-null, so its complexity error nulls the whole data', async () => {
    t.sandbox.configure({ maxComplexity: 20 });
    const reply = (
      await t.graphql({ query: `{ totara_webapi_status { status } ${users(10).slice(1)}` }, auth)
    ).json as {
      data: unknown;
    };
    expect(reply.data).toBeNull();
  });
});

describe('per-client budget (§6 13)', () => {
  it('429 without Retry-After or rate-limit headers once the window budget is spent, back after the window', async () => {
    t.sandbox.configure({ clientRateLimit: 10, rateWindowMs: 300 });
    const status = { query: '{ totara_webapi_status { status } }' };
    // Real time: the sandbox is a real server counting its own windows. Start at the beginning of
    // a window so both calls land in it.
    await new Promise((resolve) => setTimeout(resolve, 300 - (Date.now() % 300)));
    expect((await t.graphql(status, auth)).status).toBe(200);
    expect((await t.graphql(status, auth)).status).toBe(200);
    const limited = await t.graphql(status, auth);
    expect(limited.status).toBe(429);
    expect(limited.text).toBe('{"errors":[{"message":"Too many requests"}],"error":"Too many requests"}');
    for (const name of [
      'retry-after',
      'x-ratelimit-limit',
      'x-ratelimit-remaining',
      'ratelimit',
      'ratelimit-policy',
    ]) {
      expect(limited.headers.get(name)).toBeNull();
    }
    expect(limited.headers.get('content-type')).toBe(totaraHeaders['content-type']);
    await new Promise((resolve) => setTimeout(resolve, 650));
    expect((await t.graphql(status, auth)).status).toBe(200);
  });

  it('the site-wide budget also gives the bare 429', async () => {
    t.sandbox.configure({ siteRateLimit: 5, rateWindowMs: 60_000 });
    const status = { query: '{ totara_webapi_status { status } }' };
    expect((await t.graphql(status, auth)).status).toBe(200);
    const limited = await t.graphql(status, auth);
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({ errors: [{ message: 'Too many requests' }], error: 'Too many requests' });
  });
});
