import { describe, expect, it } from 'vitest';
import { isNoSession, parseRegistry, registryFromSandboxOperations } from './persisted';

describe('parseRegistry', () => {
  it('reads a JSON object of name → query', () => {
    const { registry, problems } = parseRegistry(
      JSON.stringify({
        totara_webapi_status: 'query totara_webapi_status { totara_webapi_status { status } }',
        core_lang_strings_nosession:
          'query q($lang: param_lang!, $ids: [String!]!) { core_lang_strings(lang: $lang, ids: $ids) { string } }',
      }),
    );
    expect(problems).toEqual([]);
    expect(registry.core_lang_strings_nosession).toMatchObject({
      type: 'query',
      noSession: true,
      variables: [
        { name: 'lang', type: 'param_lang!', required: true },
        { name: 'ids', type: '[String!]!', required: true },
      ],
    });
    expect(registry.totara_webapi_status?.noSession).toBe(false);
  });

  it('reads several .graphql documents, each operation by its name, with the fragments it uses', () => {
    const { registry, problems } = parseRegistry([
      {
        fileName: 'webapi/ajax/users.graphql',
        text: 'query core_user_users { core_user_users { items { ...user } } }\nfragment user on core_user { id ...more }\nfragment more on core_user { email }\nfragment unused on core_user { id }\nmutation core_user_delete($id: core_id!) { core_user_delete_user(target_user: { id: $id }) { user_id } }',
      },
      { fileName: 'totara_webapi_status.graphql', text: 'query { totara_webapi_status { status } }' },
    ]);
    expect(problems).toEqual([]);
    expect(Object.keys(registry)).toEqual(['core_user_users', 'core_user_delete', 'totara_webapi_status']);
    expect(registry.core_user_users?.query).toBe(
      'query core_user_users { core_user_users { items { ...user } } }\n\nfragment user on core_user { id ...more }\n\nfragment more on core_user { email }',
    );
    expect(registry.core_user_delete?.type).toBe('mutation');
  });

  it.each([
    ['{"a": ', /not valid JSON/],
    ['{"a": 1}', /"a": the value should be the operation's query text/],
    ['{"a": "query {"}', /"a": not valid GraphQL/],
    ['query { a } query b { c }', /has no name/],
    ['fragment f on T { a }', /has no operation/],
    ['query a { x', /not valid GraphQL at line 1, column 12/],
  ])('explains %j', (text, problem) => {
    expect(parseRegistry(text).problems).toEqual([expect.stringMatching(problem)]);
  });

  it('keeps the good entries beside a bad one', () => {
    const result = parseRegistry('{"good": "query good { a }", "bad": "query {"}');
    expect(Object.keys(result.registry)).toEqual(['good']);
    expect(result.problems).toHaveLength(1);
  });
});

describe('registryFromSandboxOperations', () => {
  it('reads {"operations": {...}}', () => {
    const result = registryFromSandboxOperations({
      operations: { totara_webapi_status: 'query totara_webapi_status { a }' },
    });
    expect(Object.keys(result.registry)).toEqual(['totara_webapi_status']);
    expect(
      parseRegistry('{"operations": {"x_nosession": "query { a }"}}').registry.x_nosession?.noSession,
    ).toBe(true);
  });

  it.each(['<html>', '{"ops": {}}'])('explains %j', (text) => {
    expect(registryFromSandboxOperations(text).problems).toHaveLength(1);
  });
});

describe('isNoSession', () => {
  it.each([
    ['core_lang_strings_nosession', true],
    ['core_user_users', false],
    ['nosession_core', false],
  ])('%s → %s', (name, expected) => expect(isNoSession(name)).toBe(expected));
});
