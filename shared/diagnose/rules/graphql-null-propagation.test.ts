import { buildSchema, graphqlSync } from 'graphql';
import { describe, expect, it } from 'vitest';
import { totaraSdl } from '../../graphql/fixtures/totara-schema';
import { draft, exchange, findingOf, idsOf, internalError } from '../test-support';

const query = (text: string) => draft({ json: { query: text } });
const USERS = '{ core_user_users(query: {pagination: {limit: 10}}) { items { id username email } } }';
/** The sandbox's answer: core_user_users is non-null, so its complexity error nulls all of data. */
const COMPLEXITY = JSON.stringify({
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

/** graphql-js's own answer when a resolver gives null for a non-null field under a nullable one. */
const schema = buildSchema(`
  type Query { team: Team }
  type Team { name: String, members: [Member!]! }
  type Member { id: ID!, name: String! }
`);
const TEAM = '{ team { name members { id name } } }';
const violation = graphqlSync({
  schema,
  source: TEAM,
  rootValue: {
    team: {
      name: 'HR',
      members: [
        { id: '1', name: 'Ann' },
        { id: '2', name: null },
      ],
    },
  },
});

describe('data nulled by an error on a non-null field (item 6)', () => {
  it('explains data: null after the complexity error on core_user_users', () => {
    const input = { draft: query(USERS), exchange: exchange({ body: COMPLEXITY }) };
    const finding = findingOf(input, 'graphql.data.null-propagated');
    expect(finding.severity).toBe('info');
    expect(finding.title).toBe('"data" is null because of the error on data.core_user_users');
    expect(finding.explanation).toMatch(/the answer shows it: only a non-null field passes its error up/);
    expect(finding.evidence).toContainEqual({ kind: 'response-body', name: 'data', value: 'null' });
  });

  it('names the declared types when it has the schema', () => {
    const input = {
      draft: query(USERS),
      exchange: exchange({ body: COMPLEXITY }),
      schema: buildSchema(totaraSdl),
    };
    expect(findingOf(input, 'graphql.data.null-propagated').explanation).toMatch(
      /the schema declares core_user_users: core_user_users_result!/,
    );
  });

  it("explains a non-null violation up to the nearest nullable parent, from graphql-js's answer", () => {
    expect(violation.data).toEqual({ team: null });
    const input = { draft: query(TEAM), exchange: exchange({ body: JSON.stringify(violation) }), schema };
    const finding = findingOf(input, 'graphql.data.null-propagated');
    expect(finding.severity).toBe('error');
    expect(finding.title).toBe('"data.team" is null because of the error on data.team.members[1].name');
    expect(finding.explanation).toMatch(/members: \[Member!\]!, name: String!/);
    expect(finding.explanation).toMatch(/no value for Member\.name, which its schema promises is never null/);
  });

  it("reads Totara's masked form of it (debugMessage)", () => {
    const body = JSON.parse(
      internalError('Cannot return null for non-nullable field core_user.fullname.'),
    ) as {
      errors: Record<string, unknown>[];
    };
    body.errors[0] = { ...body.errors[0], path: ['core_user_users', 'items', 0, 'fullname'] };
    const input = {
      draft: query('{ core_user_users { items { id fullname } } }'),
      exchange: exchange({ body: JSON.stringify({ ...body, data: null }) }),
    };
    expect(findingOf(input, 'graphql.data.null-propagated').severity).toBe('error');
  });

  it.each([
    [
      'a nullable field holding its own error',
      '{ broken }',
      '{"errors":[{"message":"Internal server error","path":["broken"]}],"data":{"broken":null}}',
    ],
    [
      'an error without a path',
      USERS,
      '{"errors":[{"message":"Syntax Error: Unexpected Name"}],"data":null}',
    ],
    [
      'no data key at all (the query never ran)',
      USERS,
      '{"errors":[{"message":"x","path":["core_user_users"]}]}',
    ],
  ])('says nothing of %s', (_name, text, body) => {
    expect(idsOf({ draft: query(text), exchange: exchange({ body }) })).not.toContain(
      'graphql.data.null-propagated',
    );
  });

  it('says nothing when the schema declares the field nullable (its reading would be wrong)', () => {
    const nullable = buildSchema('type Query { core_user_users: Users } type Users { items: [String] }');
    const input = { draft: query(USERS), exchange: exchange({ body: COMPLEXITY }), schema: nullable };
    expect(idsOf(input)).not.toContain('graphql.data.null-propagated');
  });
});
