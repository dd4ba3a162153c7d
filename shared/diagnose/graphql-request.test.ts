import { describe, expect, it } from 'vitest';
import type { RequestDraft } from '../model/request';
import { graphqlRequestOf, sentBodyText } from './graphql-request';
import { draft } from './test-support';

const QUERY = 'query status { totara_webapi_status { status } }';
const graphqlBody = (patch: Partial<Extract<RequestDraft['body'], { mode: 'graphql' }>> = {}) =>
  draft({
    body: {
      mode: 'graphql',
      query: QUERY,
      variables: '{"a":1}',
      operationName: 'status',
      persisted: false,
      ...patch,
    },
  });
const REGISTRY = { core_lang_strings_nosession: 'query core_lang_strings_nosession($lang: String!) { x }' };

describe('the GraphQL request of every body mode', () => {
  it.each([
    [
      'a JSON body',
      draft({ json: { query: QUERY, variables: { a: 1 }, operationName: 'status' } }),
      { query: QUERY, queryFrom: 'body', variables: { a: 1 }, operationName: 'status', persisted: false },
    ],
    [
      'a JSON body with variables as a string (Totara accepts both)',
      draft({ json: { query: QUERY, variables: '{}' } }),
      { query: QUERY, queryFrom: 'body', variables: '{}', operationName: undefined, persisted: false },
    ],
    [
      'a raw body holding JSON',
      draft({
        body: { mode: 'raw', text: JSON.stringify({ query: QUERY }), contentType: 'application/json' },
      }),
      { query: QUERY, queryFrom: 'body', variables: undefined, operationName: undefined, persisted: false },
    ],
    [
      'a batch: its first operation',
      draft({ json: [{ query: QUERY }, { query: '{ other }' }] }),
      { query: QUERY, queryFrom: 'body', variables: undefined, operationName: undefined, persisted: false },
    ],
    [
      'the GraphQL body mode',
      graphqlBody(),
      { query: QUERY, queryFrom: 'body', variables: { a: 1 }, operationName: 'status', persisted: false },
    ],
    [
      'the GraphQL body mode, variables with an unresolved {{variable}} kept as text',
      graphqlBody({ variables: '{"id": {{userId}}}', operationName: undefined }),
      {
        query: QUERY,
        queryFrom: 'body',
        variables: '{"id": {{userId}}}',
        operationName: undefined,
        persisted: false,
      },
    ],
    [
      'the persisted mode, an operation the registry knows',
      graphqlBody({ persisted: true, operationName: 'core_lang_strings_nosession', variables: '' }),
      {
        query: REGISTRY.core_lang_strings_nosession,
        queryFrom: 'registry',
        variables: {},
        operationName: 'core_lang_strings_nosession',
        persisted: true,
      },
    ],
    [
      'the persisted mode, an operation the registry does not know: no query',
      graphqlBody({ persisted: true, operationName: 'totara_webapi_status' }),
      { variables: { a: 1 }, operationName: 'totara_webapi_status', persisted: true },
    ],
    [
      "a JSON body in the AJAX API's shape is persisted too",
      draft({ json: { operationName: 'core_lang_strings_nosession', variables: { lang: 'en' } } }),
      {
        query: REGISTRY.core_lang_strings_nosession,
        queryFrom: 'registry',
        variables: { lang: 'en' },
        operationName: 'core_lang_strings_nosession',
        persisted: true,
      },
    ],
    ['a form body', draft({ body: { mode: 'form-urlencoded', fields: [] } }), undefined],
    ['JSON that is not GraphQL', draft({ json: { grant_type: 'client_credentials' } }), undefined],
  ])('%s', (_name, request, expected) => {
    expect(graphqlRequestOf(request, REGISTRY)).toEqual(expected);
  });

  it('sends the GraphQL body mode as the JSON Lantern puts on the wire', () => {
    expect(JSON.parse(sentBodyText(graphqlBody()) ?? '')).toEqual({
      query: QUERY,
      variables: { a: 1 },
      operationName: 'status',
    });
    expect(JSON.parse(sentBodyText(graphqlBody({ persisted: true })) ?? '')).toEqual({
      operationName: 'status',
      variables: { a: 1 },
    });
  });
});
