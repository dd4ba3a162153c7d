import { schema as github } from '@octokit/graphql-schema';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { totaraSdl } from './fixtures/totara-schema';
import { schemaFromIntrospection } from './introspection';
import { validateDocument, validateVariables } from './validate';

const schema = buildSchema(totaraSdl);

describe('validateDocument', () => {
  it('accepts a valid query', () => {
    expect(validateDocument(schema, '{ totara_webapi_status { status } }')).toEqual([]);
  });

  it('marks a misspelt field with its exact range', () => {
    expect(validateDocument(schema, '{\n  totara_webapi_status { statuss }\n}')).toEqual([
      {
        message: 'Cannot query field "statuss" on type "totara_webapi_status". Did you mean "status"?',
        severity: 'error',
        line: 2,
        column: 26,
        endLine: 2,
        endColumn: 33,
      },
    ]);
  });

  it.each([
    [
      'an unknown argument',
      '{ core_user_users(input: {}) { total } }',
      'error',
      /Unknown argument "input" on field "Query.core_user_users"/,
    ],
    [
      'an unknown top-level field',
      '{ core_user_userz { total } }',
      'error',
      /Cannot query field "core_user_userz" on type "Query". Did you mean "core_user_users"/,
    ],
    [
      'an undeclared variable',
      'query q { core_user_users(query: $query) { total } }',
      'error',
      /Variable "\$query" is not defined by operation "q"/,
    ],
    [
      'an unused variable',
      'query q($limit: Int) { totara_webapi_status { status } }',
      'warning',
      /Variable "\$limit" is never used in operation "q"/,
    ],
    [
      'a deprecated field',
      '{ core_user_users { items { oldfield } } }',
      'warning',
      /oldfield is deprecated. Use fullname/,
    ],
    [
      'a syntax error',
      '{ totara_webapi_status { status }',
      'error',
      /Syntax Error: Expected Name, found <EOF>/,
    ],
  ])('flags %s', (_name, query, severity, message) => {
    const diagnostics = validateDocument(schema, query);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity, message: expect.stringMatching(message) });
  });

  it('validates a 1 MB query against GitHub’s schema without crashing, capping the list', () => {
    const githubSchema = schemaFromIntrospection(github.json).schema;
    const fields = Array.from({ length: 50_000 }, (_, i) => `f${i}: login nope${i}`).join(' ');
    const query = `{ viewer { ${fields} } }`;
    expect(query.length).toBeGreaterThan(1_000_000);
    const diagnostics = validateDocument(githubSchema, query);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.length).toBeLessThanOrEqual(100);
    expect(diagnostics[0]?.message).toMatch(/Cannot query field "nope0" on type "User"/);
  });
});

describe('validateVariables', () => {
  const query =
    'query q($query: core_user_users_query, $id: core_id!, $n: Int = 3) { core_user_users(query: $query) { total } }';
  const check = (json: string) => validateVariables(schema, query, 'q', json);

  it('accepts good variables', () => {
    expect(check('{"id": 4, "query": {"pagination": {"limit": 10}}}')).toEqual([]);
  });

  it.each([
    ['{"id": ', /not valid JSON/],
    ['[1]', /must be a JSON object/],
    ['{}', /Variable "\$id" of required type "core_id!" was not provided/],
    [
      '{"id": 1, "n": "three"}',
      /Variable "\$n" got invalid value "three"; Int cannot represent non-integer value/,
    ],
    [
      '{"id": 1, "query": {"pagination": {"limt": 1}}}',
      /Field "limt" is not defined by type "core_pagination_input"/,
    ],
    [
      '{"id": 1, "query": {"sort": [{"direction": "UP"}]}}',
      /Field "column" of required type "String!" was not provided/,
    ],
  ])('explains %s', (json, message) => {
    expect(check(json)).toContainEqual(
      expect.objectContaining({ message: expect.stringMatching(message), severity: 'error' }),
    );
  });

  it('warns about variables the operation does not declare', () => {
    expect(check('{"id": 1, "limit": 5}')).toEqual([
      {
        message: expect.stringMatching(/"limit" is not a variable of this operation/),
        variable: 'limit',
        severity: 'warning',
      },
    ]);
  });

  it('treats an empty editor as no variables', () => {
    expect(validateVariables(schema, '{ totara_webapi_status { status } }', undefined, '  ')).toEqual([]);
  });
});
