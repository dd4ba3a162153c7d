import { schema as github } from '@octokit/graphql-schema';
import { buildClientSchema, buildSchema, getIntrospectionQuery, graphqlSync } from 'graphql';
import type { IntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { totaraSdl } from './fixtures/totara-schema';
import { checkIntrospection } from './introspection-check';

const introspectionOf = (sdl: string) =>
  graphqlSync({ schema: buildSchema(sdl), source: getIntrospectionQuery() })
    .data as unknown as IntrospectionQuery;

const SDL = `
  interface Node { id: ID! }
  type User implements Node { id: ID! name(upper: Boolean): String role: Role }
  enum Role { ADMIN USER }
  input Filter { role: Role }
  union Found = User
  type Query { users(filter: Filter): [User!]! found: Found }
`;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const typeNamed = (result: Json, name: string): Json =>
  (result.__schema.types as Json[]).find((type) => type.name === name)!;

/** Broken variants of SDL's result, each with what the check must say about it. */
const broken: [string, (result: Json) => void, RegExp][] = [
  [
    'a field of an unknown type',
    (r) => (typeNamed(r, 'User').fields[1].type = { kind: 'SCALAR', name: 'Nope' }),
    /User\.name refers to the type "Nope"/,
  ],
  ['a missing field list', (r) => delete typeNamed(r, 'User').fields, /"User" has no "fields" list/],
  [
    'missing arguments',
    (r) => delete typeNamed(r, 'User').fields[1].args,
    /User\.name has no list of arguments/,
  ],
  [
    'an argument of an output type',
    (r) => (typeNamed(r, 'Query').fields[0].args[0].type = { kind: 'OBJECT', name: 'User' }),
    /must be an input type, but "User" is OBJECT/,
  ],
  [
    'a field of an input type',
    (r) => (typeNamed(r, 'User').fields[2].type = { kind: 'INPUT_OBJECT', name: 'Filter' }),
    /must be an output type/,
  ],
  [
    'an interface that is an object',
    (r) => (typeNamed(r, 'User').interfaces = [{ kind: 'OBJECT', name: 'User' }]),
    /must be an interface/,
  ],
  [
    'a union member that is not an object',
    (r) => (typeNamed(r, 'Found').possibleTypes = [{ kind: 'ENUM', name: 'Role' }]),
    /must be an object type/,
  ],
  [
    'a missing enum value list',
    (r) => delete typeNamed(r, 'Role').enumValues,
    /"Role" has no "enumValues" list/,
  ],
  [
    'a missing input field list',
    (r) => delete typeNamed(r, 'Filter').inputFields,
    /"Filter" has no "inputFields" list/,
  ],
  [
    'a query type that is not an object',
    (r) => (r.__schema.queryType = { name: 'Role' }),
    /queryType must be an object type/,
  ],
  [
    'an unknown query type',
    (r) => (r.__schema.queryType = { name: 'Gone' }),
    /queryType refers to the type "Gone"/,
  ],
  ['a type of an unknown kind', (r) => (typeNamed(r, 'Role').kind = 'TABLE'), /unknown kind/],
  [
    'an argument default value that is not GraphQL',
    (r) => (typeNamed(r, 'Query').fields[0].args[0].defaultValue = '{ role: '),
    /Query\.users\(filter\) has a default value that cannot be read/,
  ],
  [
    'an input field default value that is not GraphQL',
    (r) => (typeNamed(r, 'Filter').inputFields[0].defaultValue = '"open'),
    /Filter\.role has a default value that cannot be read/,
  ],
  [
    'a directive without locations',
    (r) => delete r.__schema.directives[0].locations,
    /has no "locations" list/,
  ],
];

describe('checkIntrospection', () => {
  it('passes what buildClientSchema builds, and counts the same types', () => {
    for (const result of [
      introspectionOf(SDL),
      introspectionOf(totaraSdl),
      github.json as unknown as IntrospectionQuery,
    ]) {
      const built = buildClientSchema(result);
      const count = Object.keys(built.getTypeMap()).filter((name) => !name.startsWith('__')).length;
      expect(checkIntrospection(result)).toBe(count);
    }
  });

  it.each(broken)('finds %s, which buildClientSchema refuses too', (_what, breakIt, message) => {
    const result = structuredClone(introspectionOf(SDL)) as Json;
    breakIt(result);
    expect(() => checkIntrospection(result as IntrospectionQuery)).toThrow(message);
    expect(() => {
      const schema = buildClientSchema(result as IntrospectionQuery);
      // Fields are built lazily: ask for all of them, as any use of the schema does.
      for (const type of Object.values(schema.getTypeMap())) if ('getFields' in type) type.getFields();
      for (const directive of schema.getDirectives()) void directive.args;
    }).toThrow();
  });
});
