import { buildSchema, introspectionFromSchema, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { analyze, buildEditorSchema, prettify } from './analysis-core';
import { operationAtOffset } from './operation-at';
import { describeType, searchTypes, typeAt } from './schema-docs';

const schema = buildSchema(`
  "Root"
  type Query {
    status: status!
    users(query: users_query): users_result!
  }
  type status { status: String, old: String @deprecated(reason: "Use status.") }
  input users_query { pagination: pagination }
  input pagination { limit: Int }
  type users_result { items: [user!]!, total: Int! }
  type user { id: ID!, email: String }
`);

describe('buildEditorSchema', () => {
  it('builds the same schema from the introspection result and from the SDL', () => {
    const sdl = printSchema(schema);
    const fromIntrospection = buildEditorSchema({
      introspection: JSON.stringify(introspectionFromSchema(schema)),
    });
    expect(printSchema(fromIntrospection)).toBe(sdl);
    expect(printSchema(buildEditorSchema({ sdl }))).toBe(sdl);
    const query = 'query get_status { status { statsu } }';
    expect(analyze({ query, variables: '{}', limits: {} }, fromIntrospection).diagnostics).toEqual(
      analyze({ query, variables: '{}', limits: {} }, schema).diagnostics,
    );
  });
});

describe('analyze', () => {
  it('marks unknown fields, estimates and checks the operation name', () => {
    const result = analyze(
      { query: 'query GetStatus { status { status statsu } }', variables: '{}', limits: {} },
      schema,
    );
    expect(result.diagnostics.map((item) => item.message)).toEqual([
      'Cannot query field "statsu" on type "status". Did you mean "status"?',
    ]);
    expect(result.estimate?.complexity).toBe(5);
    expect(result.operationNameWarning).toContain('get_status');
  });

  it('flags a missing required variable and warns above the limits', () => {
    const query = 'query q($n: Int!) { users(query: {pagination: {limit: $n}}) { items { id email } } }';
    expect(analyze({ query, variables: '{}', limits: {} }, schema).variableProblems[0]?.message).toContain(
      '$n',
    );
    const over = analyze({ query, variables: '{"n": 100}', limits: { maxComplexity: 100 } }, schema);
    expect(over.estimate?.complexity).toBe(205);
    expect(over.limitWarnings[0]).toContain('205 complexity points');
  });

  it('does not call an empty editor a syntax error', () => {
    expect(analyze({ query: '  ', variables: '', limits: {} }, undefined).syntax).toBeUndefined();
  });

  it('checks persisted variables against the registry without a schema', () => {
    const persisted = {
      name: 'strings_nosession',
      query: 'query strings_nosession($lang: String!) { status { status } }',
      type: 'query' as const,
      variables: [{ name: 'lang', type: 'String!', required: true }],
      noSession: true,
    };
    const result = analyze({ query: '', variables: '{"x": 1}', persisted, limits: {} }, undefined);
    expect(result.variableProblems.map((item) => item.variable)).toEqual(['lang', 'x']);
  });
});

describe('docs and go to the type', () => {
  it('finds the type under the cursor', () => {
    const query = '{ users { items { email } } }';
    expect(typeAt(schema, query, query.indexOf('users') + 2)).toBe('users_result');
    expect(typeAt(schema, query, query.indexOf('items') + 1)).toBe('user');
  });

  it('searches types and fields, and describes deprecations', () => {
    expect(searchTypes(schema, '', 2).types.map((type) => type.name)).toEqual(['Query', 'Boolean']);
    expect(searchTypes(schema, 'email', 10).types).toEqual([{ name: 'user', kind: 'type', field: 'email' }]);
    const status = describeType(schema, 'status');
    expect(status?.fields.find((field) => field.name === 'old')?.deprecationReason).toBe('Use status.');
  });

  it('prettifies and picks the operation under the cursor', () => {
    expect(prettify('{status{status}}').query).toBe('{\n  status {\n    status\n  }\n}');
    expect(prettify('{').problem).toContain('not valid GraphQL');
    const operations = [
      { type: 'query' as const, name: 'a', start: 0, end: 10, variables: [] },
      { type: 'query' as const, name: 'b', start: 12, end: 20, variables: [] },
    ];
    expect(operationAtOffset(operations, 11)?.name).toBe('a');
    expect(operationAtOffset(operations, 15)?.name).toBe('b');
  });
});
