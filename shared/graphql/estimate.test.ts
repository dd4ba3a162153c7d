import { buildSchema, getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { estimateCost } from './estimate';
import { checkLimits, effectiveLimits, limitsStated } from './limits';
import type { CostEstimate } from './estimate';
import { totaraSdl } from './fixtures/totara-schema';

const schema = buildSchema(totaraSdl);

const estimate = (query: string, options = {}) => {
  const result = estimateCost(query, { schema, ...options });
  if ('problem' in result) throw new Error(result.problem);
  return result;
};

describe('estimateCost with Totara’s rules', () => {
  it.each([
    ['status: query base only', '{ totara_webapi_status { status timestamp } }', 0, 5],
    [
      'the documented example: limit 10, 3 fields',
      'query { core_user_users(query: { pagination: { limit: 10 } }) { items { id username email } total } }',
      1,
      35,
    ],
    ['default page size 20', '{ core_user_users { items { id } } }', 1, 25],
    [
      'nested lists count per record',
      '{ core_user_users(query: { pagination: { limit: 5 } }) { items { id job_assignments { id fullname } } } }',
      2,
      5 + 5 * (2 + 2),
    ],
    [
      'mutation base 10',
      'mutation { core_user_create_user(input: { username: "a", email: "a@b", firstname: "A", lastname: "B" }) { user { id } } }',
      1,
      10,
    ],
    [
      'two top-level fields',
      '{ totara_webapi_status { status } core_user_users(query: { pagination: { limit: 2 } }) { items { id } } }',
      1,
      7,
    ],
    [
      'aliases and duplicates both count',
      '{ core_user_users(query: { pagination: { limit: 3 } }) { items { id a: id id } } }',
      1,
      14,
    ],
    [
      'fragments are expanded',
      'query q { core_user_users(query: { pagination: { limit: 4 } }) { ...page } } fragment page on core_user_users_result { items { ...user } } fragment user on core_user { id email }',
      1,
      13,
    ],
    [
      'a misspelt field still counts per record',
      '{ core_user_users(query: { pagination: { limit: 2 } }) { items { id usernmae } } }',
      1,
      9,
    ],
    ['a misspelt top-level field costs nothing', '{ core_user_userz { items { id } } }', 1, 5],
    ['skipped top-level field', '{ core_user_users @skip(if: true) { items { id } } }', 1, 5],
    ['introspection is not charged', '{ __schema { types { name } } }', 1, 5],
  ])('%s', (_name, query, depth, complexity) => {
    expect(estimate(query)).toMatchObject({ depth, complexity });
  });

  it('reads limits from variables, as objects or JSON text, and variable defaults', () => {
    const query =
      'query q($query: core_user_users_query) { core_user_users(query: $query) { items { id email } } }';
    expect(estimate(query, { variables: { query: { pagination: { limit: 7 } } } }).complexity).toBe(19);
    expect(estimate(query, { variables: '{"query":{"pagination":{"limit":"3"}}}' }).complexity).toBe(11);
    const withDefault =
      'query q($n: param_integer = 4) { core_user_users(query: { pagination: { limit: $n } }) { items { id } } }';
    expect(estimate(withDefault).complexity).toBe(9);
    expect(estimate(withDefault, { variables: '{not json' }).complexity).toBe(9);
  });

  it('explains where each list size came from', () => {
    const result = estimate('{ core_user_users { items { id job_assignments { id } } } }');
    expect(result.details).toEqual([
      {
        path: 'core_user_users.items',
        records: 20,
        fieldsPerRecord: 2,
        points: 40,
        sizeFrom: 'default page size 20',
      },
      {
        path: 'core_user_users.items.job_assignments',
        records: 20,
        fieldsPerRecord: 1,
        points: 20,
        sizeFrom: 'assumed 1 (no limit argument)',
      },
    ]);
  });

  it('works without a schema, from field names', () => {
    const result = estimateCost(
      '{ core_user_users(query: { pagination: { limit: 10 } }) { items { id username email } } }',
    );
    expect(result).toMatchObject({ complexity: 35, depth: 1 });
    expect(estimateCost('{ core_user_users { items { id } } }')).toMatchObject({ complexity: 25 });
  });

  it('uses first/last on connections (GitHub style)', () => {
    expect(estimateCost('{ viewer { repositories(first: 50) { nodes { name } } } }')).toMatchObject({
      complexity: 55,
    });
  });

  it('gives depth 13 for graphql-js 16’s standard introspection query', () => {
    expect(estimate(getIntrospectionQuery()).depth).toBe(13);
  });

  it.each([
    ['query {', /not valid GraphQL: Syntax Error/],
    ['query a { x } query b { y }', /several operations/],
  ])('explains %j', (query, message) => {
    expect(estimateCost(query)).toEqual({ problem: expect.stringMatching(message) });
  });

  it('asks for the right operation by name', () => {
    expect(estimateCost('query a { x } mutation b { y }', { operationName: 'b' })).toMatchObject({
      complexity: 10,
    });
    expect(estimateCost('query a { x }', { operationName: 'c' })).toEqual({
      problem: expect.stringMatching(/no operation named "c"/),
    });
  });

  it('survives a 1 MB query', () => {
    const fields = Array.from({ length: 100_000 }, (_, i) => `a${i}: id`).join(' ');
    const query = `{ core_user_users(query: { pagination: { limit: 10 } }) { items { ${fields} } } }`;
    expect(query.length).toBeGreaterThan(1_000_000);
    expect(estimate(query).complexity).toBe(5 + 10 * 100_000);
  });
});

describe('checkLimits', () => {
  const at = (depth: number, complexity: number): CostEstimate => ({ depth, complexity, details: [] });
  it.each([
    [at(15, 6000), {}, 0],
    [at(16, 6000), {}, 1],
    [at(16, 6001), {}, 2],
    [at(13, 10), { maxDepth: 12 }, 1],
    [at(1, 101), { maxComplexity: 100 }, 1],
  ])('%j with %j → %i warnings', (estimate, limits, count) => {
    expect(checkLimits(estimate, limits)).toHaveLength(count);
  });

  it('quotes the server’s own message and says where each limit came from', () => {
    expect(checkLimits(at(16, 1))[0]).toMatch('Max query depth should be 15 but got 16.');
    expect(checkLimits(at(1, 7000))[0]).toMatch(
      'Query complexity exceeded maximum allowed complexity of 6000.',
    );
    expect(checkLimits(at(16, 1))[0]).toMatch("the server allows 15 (Totara's default)");
    expect(checkLimits(at(16, 1), { maxDepth: 12 })[0]).toMatch(
      'the server allows 12 (from the environment variable graphql_max_depth)',
    );
  });
});

describe('limits the server stated', () => {
  const at = '2025-03-04T10:00:00.000Z';
  it.each([
    ['Max query depth should be 12 but got 13.', { maxDepth: 12 }],
    ['Query complexity exceeded maximum allowed complexity of 34.', { maxComplexity: 34 }],
    ['Max query depth should be 15 but got 16.', { maxDepth: 15 }],
    ['Syntax Error: Expected Name, found <EOF>', {}],
  ])('reads %j', (message, values) => {
    const stated = limitsStated([message], at);
    expect(Object.fromEntries(Object.entries(stated).map(([name, limit]) => [name, limit.value]))).toEqual(
      values,
    );
  });

  it('wins over the environment and the default, and says so with its own words', () => {
    const stated = limitsStated(['Max query depth should be 12 but got 13.'], at);
    const limits = effectiveLimits({ maxDepth: 20, maxComplexity: 9000 }, stated);
    expect(limits).toMatchObject({ maxDepth: 12, maxComplexity: 9000 });
    expect(limits.sources.maxDepth).toEqual({
      kind: 'server',
      at,
      message: 'Max query depth should be 12 but got 13.',
    });
    expect(limits.sources.maxComplexity).toEqual({ kind: 'environment', variable: 'graphql_max_complexity' });
    expect(effectiveLimits({}).sources).toEqual({
      maxDepth: { kind: 'default' },
      maxComplexity: { kind: 'default' },
    });
    const warning = checkLimits({ depth: 13, complexity: 1 }, limits)[0];
    expect(warning).toMatch(/the server allows 12 \(the server said so on .*2025.*\) and will answer/);
  });
});
