/**
 * A query written in Lantern's GraphQL body mode is diagnosed exactly as the same query sent as a
 * JSON body: every rule reads the request from one fact, whatever the body mode.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose';
import {
  AJAX_URL,
  clientSafe,
  draft,
  exchange,
  inGraphqlBodyMode,
  internalError,
  NOW,
  STATUS_QUERY,
} from './test-support';
import type { ExchangeParts } from './test-support';

type Case = { name: string; json: unknown; answer: ExchangeParts; expected: string[]; url?: string };

const USERS_EMAIL = '{ core_user_users(query: {pagination: {limit: 3}}) { items { id email } } }';

const cases: Case[] = [
  {
    name: 'a misspelt field dropped silently (scenario 14)',
    json: { query: '{ totara_webapi_status { status statsu } }' },
    answer: { body: '{"data":{"totara_webapi_status":{"status":"ok"}}}' },
    expected: ['graphql.data.field-missing'],
  },
  {
    name: 'an unknown top-level field: {"data":[]} (scenario 14)',
    json: { query: '{ core_user_userz { total } }' },
    answer: { body: '{"data":[]}' },
    expected: ['graphql.data.empty-array'],
  },
  {
    name: 'nulls without an error (scenario 16)',
    json: { query: USERS_EMAIL, variables: {} },
    answer: {
      body: '{"data":{"core_user_users":{"items":[{"id":"1","email":null},{"id":"3","email":"u3@example.com"}]}}}',
    },
    expected: ['totara.data.null-fields'],
  },
  {
    name: 'an undeclared cursor variable (scenario 15)',
    json: {
      query: '{ core_user_users(query: {pagination: {cursor: $c}}) { items { id } } }',
      variables: { c: 'eyJwYWdlIjoyLCJsaW1pdCI6MjB9' },
    },
    answer: { body: '{"data":{"core_user_users":{"items":[{"id":"1"}]}}}' },
    expected: ['graphql.variables.undeclared'],
  },
  {
    name: 'a camelCase operationName refused (scenario 8)',
    json: { query: 'query getStatus { totara_webapi_status { status } }', operationName: 'getStatus' },
    answer: { body: internalError('Invalid request, validation of operationName failed') },
    expected: ['totara.request.operation-name'],
  },
  {
    name: 'introspection switched off (scenario 11)',
    json: { query: '{ __schema { queryType { name } } }' },
    answer: { body: clientSafe('GraphQL introspection is not enabled.') },
    expected: ['totara.limits.introspection-disabled'],
  },
  {
    name: 'a schema fetch deeper than the site allows (scenario 11)',
    json: {
      query: 'query IntrospectionQuery { __schema { types { fields { type { ofType { name } } } } } }',
      operationName: 'IntrospectionQuery',
    },
    answer: { body: clientSafe('Max query depth should be 12 but got 13.') },
    expected: ['totara.limits.depth'],
  },
  {
    name: 'complexity over the maximum (scenario 12)',
    json: { query: '{ core_user_users(query: {pagination: {limit: 10}}) { items { id username email } } }' },
    answer: {
      body: JSON.stringify({
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
      }),
    },
    expected: ['totara.limits.complexity', 'graphql.data.null-propagated'],
  },
  {
    name: 'a syntax error',
    json: { query: '{ totara_webapi_status { status }', variables: '{}' },
    answer: { body: clientSafe('Syntax Error: Expected Name, found <EOF>.') },
    expected: ['graphql.syntax-error'],
  },
  {
    name: 'the AJAX API without a session (scenario 17, persisted)',
    url: AJAX_URL,
    json: { operationName: 'totara_webapi_status', variables: {} },
    answer: {
      url: AJAX_URL,
      body: JSON.stringify({
        errors: [
          {
            message: 'Course or activity not accessible. (You are not logged in)',
            extensions: { category: 'require_login' },
          },
        ],
        error: 'Course or activity not accessible. (You are not logged in)',
      }),
    },
    expected: ['totara.ajax.not-logged-in'],
  },
  {
    name: 'a working query: nothing to say',
    json: STATUS_QUERY,
    answer: { body: '{"data":{"totara_webapi_status":{"status":"ok"}}}' },
    expected: [],
  },
];

describe('the same query in a JSON body and in the GraphQL body mode', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const asJson = draft({ json: c.json, ...(c.url ? { url: c.url } : {}) });
    const asGraphql = inGraphqlBodyMode(asJson);
    expect(asGraphql?.body.mode).toBe('graphql');
    const answer = exchange(c.answer);
    const fromJson = diagnose({ nowMs: NOW, draft: asJson, exchange: answer });
    const fromGraphql = diagnose({ nowMs: NOW, draft: asGraphql, exchange: answer });
    expect(fromJson.map((f) => f.id)).toEqual(c.expected);
    expect(fromGraphql).toEqual(fromJson);
  });
});
