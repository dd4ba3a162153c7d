import { describe, expect, it } from 'vitest';
import { checkOperationName, listOperations, operationAt } from './operations';

const document = `query totara_webapi_status { totara_webapi_status { status } }

query users($query: core_user_users_query, $limit: Int! = 10, $id: core_id!) {
  core_user_users(query: $query) { total }
}

mutation { core_user_create_user(input: {}) { user { id } } }
`;

describe('listOperations', () => {
  it('lists names, types, offsets and variables', () => {
    const operations = listOperations(document);
    expect(Array.isArray(operations)).toBe(true);
    if (!Array.isArray(operations)) return;
    expect(operations.map((operation) => [operation.name, operation.type])).toEqual([
      ['totara_webapi_status', 'query'],
      ['users', 'query'],
      [undefined, 'mutation'],
    ]);
    expect(document.slice(operations[0]!.start, operations[0]!.end)).toBe(
      'query totara_webapi_status { totara_webapi_status { status } }',
    );
    expect(operations[1]!.variables).toEqual([
      { name: 'query', type: 'core_user_users_query', required: false },
      { name: 'limit', type: 'Int!', required: false, defaultValue: '10' },
      { name: 'id', type: 'core_id!', required: true },
    ]);
  });

  it.each([
    ['query { a', 'Syntax Error: Expected Name, found <EOF>.', 1, 10],
    ['query {\n  a(x: ) }', 'Syntax Error: Unexpected ")".', 2, 8],
  ])('reports a syntax error in %j', (text, message, line, column) => {
    expect(listOperations(text)).toEqual({ message, line, column });
  });

  it('copes with a 1 MB document', () => {
    const big = `query big { ${Array.from({ length: 80_000 }, (_, i) => `f${i}`).join(' ')} }`;
    const text = big.replace('query big {', 'query other {') + big;
    expect(text.length).toBeGreaterThan(1_000_000);
    const operations = listOperations(text);
    expect(Array.isArray(operations) && operations.length).toBe(2);
  });
});

describe('operationAt', () => {
  it.each([
    [0, 'totara_webapi_status'],
    [document.indexOf('core_user_users('), 'users'],
    [document.indexOf('mutation') - 1, 'users'],
    [document.length, undefined],
  ])('offset %i → %s', (offset, name) => {
    const found = operationAt(document, offset);
    expect(found?.name).toBe(name);
    if (name === undefined) expect(found?.type).toBe('mutation');
  });

  it('is undefined for a document that does not parse', () => {
    expect(operationAt('query {', 3)).toBeUndefined();
  });
});

describe('checkOperationName', () => {
  it.each([
    ['core_user_users', false],
    ['IntrospectionQuery', false],
    [undefined, false],
    ['getUsers', true],
    ['a', true],
    ['1users', true],
    ['user-list', true],
  ])('%s → warning %s', (name, warns) => {
    expect(checkOperationName(name) !== undefined).toBe(warns);
  });

  it('suggests a name Totara accepts', () => {
    expect(checkOperationName('getUsers')).toMatch(
      /Invalid request, validation of operationName failed.*"get_users"/,
    );
  });
});
