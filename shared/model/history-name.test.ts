import { describe, expect, it } from 'vitest';
import { graphqlOperationName, historyName } from './history-name';

const graphql = (query: string, operationName?: string) => ({
  mode: 'graphql' as const,
  query,
  variables: '{}',
  persisted: false,
  ...(operationName !== undefined ? { operationName } : {}),
});
const json = (value: unknown) => ({ mode: 'json' as const, text: JSON.stringify(value) });

describe('graphqlOperationName', () => {
  it.each([
    ['the picked operation', graphql('query a { x } query b { y }', 'b'), 'b'],
    ['the first named operation', graphql('# list\nquery list_users($q: Q) { users }'), 'list_users'],
    ['a mutation', graphql('mutation core_user_create_user { id }'), 'core_user_create_user'],
    ['none for an anonymous query', graphql('query { totara_webapi_status { status } }'), undefined],
    ['none for shorthand', graphql('{ me { id } }'), undefined],
    [
      'a JSON body with a query',
      json({ query: 'query list_users { users { id } }', variables: {} }),
      'list_users',
    ],
    [
      'a JSON persisted operation',
      json({ operationName: 'totara_webapi_status', variables: {} }),
      'totara_webapi_status',
    ],
    ['none for other JSON', json({ name: 'query x' }), undefined],
    ['none for JSON that does not parse', { mode: 'json' as const, text: '{"query": "query a' }, undefined],
    ['none for a form', { mode: 'form-urlencoded' as const, fields: [] }, undefined],
  ])('%s', (_, body, expected) => {
    expect(graphqlOperationName(body)).toBe(expected);
  });
});

describe('historyName', () => {
  it('prefers the request name, then the operation', () => {
    expect(historyName('Users (first page)', graphql('query list_users { a }'))).toBe('Users (first page)');
    expect(historyName('  ', graphql('query list_users { a }'))).toBe('list_users');
    expect(historyName(undefined, { mode: 'none' })).toBeUndefined();
  });
});
