import { describe, expect, it } from 'vitest';
import { analyzeResult } from './result';

const usersQuery = 'query q { core_user_users { items { id email description } total } }';

describe('analyzeResult', () => {
  it('reads Totara’s masked error with its debugMessage at the top level (17.x) or in extensions', () => {
    const masked = {
      errors: [
        {
          debugMessage: 'API user is invalid.',
          message: 'Internal server error',
          extensions: { category: 'internal' },
        },
      ],
      error: 'Internal server error',
    };
    expect(analyzeResult(JSON.stringify(masked)).errors).toEqual([
      { message: 'Internal server error', category: 'internal', debugMessage: 'API user is invalid.' },
    ]);
    const later = {
      errors: [{ message: 'Internal server error', extensions: { category: 'internal', debugMessage: 'x' } }],
    };
    expect(analyzeResult(later).errors[0]?.debugMessage).toBe('x');
  });

  it('keeps path and locations, and sees partial data', () => {
    const body = {
      data: { totara_webapi_status: { status: 'ok' }, core_user_users: null },
      errors: [
        {
          message: 'Query complexity exceeded maximum allowed complexity of 10.',
          extensions: { category: 'query_complexity' },
          locations: [{ line: 1, column: 40 }],
          path: ['core_user_users'],
        },
      ],
    };
    const analysis = analyzeResult(body, '{ totara_webapi_status { status } core_user_users { total } }');
    expect(analysis.errors[0]).toMatchObject({
      category: 'query_complexity',
      path: ['core_user_users'],
      locations: [{ line: 1, column: 40 }],
    });
    expect(analysis.partialData).toBe(true);
    expect(analysis.nullFields).toEqual([]);
  });

  it('lists fields that came back null without an error (permissions)', () => {
    const body = {
      data: {
        core_user_users: {
          items: [
            { id: 1, email: null, description: 'x' },
            { id: 2, email: null, description: null },
          ],
          total: 2,
        },
      },
    };
    expect(analyzeResult(body, usersQuery).nullFields).toEqual([
      'core_user_users.items[].email',
      'core_user_users.items[].description',
    ]);
  });

  it('does not blame permissions for a null explained by an error below or at it', () => {
    const body = {
      data: { core_user_users: { items: [null], total: 1 } },
      errors: [
        {
          message: 'Cannot return null for non-nullable field core_user.id.',
          path: ['core_user_users', 'items', 0, 'id'],
        },
      ],
    };
    expect(analyzeResult(body, usersQuery).nullFields).toEqual([]);
  });

  it('lists fields Totara 17 dropped silently', () => {
    const typo = { data: { core_user_users: { items: [{ id: 1 }], total: 1 } } };
    expect(
      analyzeResult(typo, 'query q { core_user_users { items { id emial } total } }').missingFields,
    ).toEqual(['core_user_users.items[].emial']);
    expect(analyzeResult('{"data":[]}', '{ core_user_userz { total } }').missingFields).toEqual([
      'core_user_userz',
    ]);
  });

  it('does not count fields of typed fragments as missing', () => {
    const body = { data: { node: { id: 1 } } };
    expect(analyzeResult(body, '{ node { id ... on User { name } } }').missingFields).toEqual([]);
  });

  it('splits a batch into one analysis per operation', () => {
    const body = [{ data: { a: { b: null } } }, { errors: [{ message: 'Query parameter is missing' }] }];
    const analysis = analyzeResult(body, 'query one { a { b } }', ['one', undefined]);
    expect(analysis.batch).toHaveLength(2);
    expect(analysis.batch?.[0]?.nullFields).toEqual(['a.b']);
    expect(analysis.batch?.[1]?.errors[0]?.message).toBe('Query parameter is missing');
    expect(analysis.errors).toHaveLength(1);
  });

  it.each([
    ['<html><body>Please log in</body></html>', /HTML, not JSON/],
    ['', /empty body/],
    ['Fatal error: out of memory', /did not answer with JSON. It begins: "Fatal error/],
    ['{"status":"ok"}', /not a GraphQL response/],
  ])('explains a body that is not a GraphQL response: %j', (text, problem) => {
    expect(analyzeResult(text).problem).toMatch(problem);
  });
});
