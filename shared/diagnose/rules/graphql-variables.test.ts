import { describe, expect, it } from 'vitest';
import { clientSafe, draft, exchange, findingOf, idsOf } from '../test-support';

const pageOne = JSON.stringify({
  data: { core_user_users: { items: [{ id: '1' }], next_cursor: 'eyJwYWdlIjoyLCJsaW1pdCI6MjB9' } },
});

describe('variables that never reach the query (scenario 15)', () => {
  it('finds a $variable used but not declared', () => {
    const d = draft({
      json: {
        query: '{ core_user_users(query: {pagination: {cursor: $c}}) { items { id } next_cursor } }',
        variables: { c: 'eyJwYWdlIjoyLCJsaW1pdCI6MjB9' },
      },
    });
    expect(idsOf({ draft: d, exchange: exchange({ body: pageOne }) })).toEqual([
      'graphql.variables.undeclared',
    ]);
    expect(findingOf({ draft: d }, 'graphql.variables.undeclared').severity).toBe('warning');
  });

  it('finds variables the query never uses (a literal, or values not nested under the declared one)', () => {
    const literal = draft({
      json: {
        query: '{ core_user_users(query: {pagination: {page: 1}}) { items { id } } }',
        variables: '{"cursor":"abc"}',
      },
    });
    expect(idsOf({ draft: literal, exchange: exchange({ body: pageOne }) })).toEqual([
      'graphql.variables.unused',
    ]);
    const flat = draft({
      json: {
        query:
          'query users($query: core_user_users_query) { core_user_users(query: $query) { items { id } } }',
        variables: { pagination: { cursor: 'abc' } },
      },
    });
    expect(findingOf({ draft: flat }, 'graphql.variables.unused').explanation).toMatch(/\$query.*nested/);
  });

  it('is quiet for a correctly declared query', () => {
    const d = draft({
      json: {
        query:
          'query users($query: core_user_users_query) { core_user_users(query: $query) { items { id } next_cursor } }',
        variables: { query: { pagination: { cursor: 'abc' } } },
      },
    });
    expect(idsOf({ draft: d, exchange: exchange({ body: pageOne }) })).toEqual([]);
  });

  it('explains syntax errors and variables that were not provided', () => {
    expect(
      idsOf({ exchange: exchange({ body: clientSafe('Syntax Error: Expected Name, found <EOF>') }) }),
    ).toEqual(['graphql.syntax-error']);
    const missing = clientSafe('Variable "$p" of required type "P!" was not provided.');
    expect(idsOf({ exchange: exchange({ body: missing }) })).toEqual(['graphql.variables.not-provided']);
  });
});
