import type { SampleRequest } from '../../../shared/model/sample';

export const SAMPLE_ENVIRONMENT_ID = 'sample-sandbox';
export const SAMPLE_CREDENTIALS = {
  totara: 'sample-totara-client',
  ajax: 'sample-totara-login',
  ihasco: 'sample-ihasco-token',
} as const;

const graphqlBody = (query: string, variables: Record<string, unknown> | string = '{}') =>
  JSON.stringify({ query, variables }, null, 2);

/** The built-in sample requests. They use `{{base}}` and named credentials like any user request. */
export const sampleRequests = (): SampleRequest[] => [
  {
    id: 'totara-status',
    group: 'Totara external API',
    name: 'Status',
    description: 'The smoke test: totara_webapi_status through an OAuth 2 client-credentials token.',
    draft: {
      method: 'POST',
      url: '{{base}}/api/graphql.php',
      headers: [],
      body: { mode: 'json', text: graphqlBody('query { totara_webapi_status { status timestamp } }') },
      auth: { type: 'oauth2', credentialId: SAMPLE_CREDENTIALS.totara },
    },
  },
  {
    id: 'totara-users',
    group: 'Totara external API',
    name: 'Users (first page)',
    description: 'core_user_users with cursor pagination. A null email is a permission, not a bug.',
    draft: {
      method: 'POST',
      url: '{{base}}/api/graphql.php',
      headers: [],
      body: {
        mode: 'json',
        text: graphqlBody(
          'query list_users($query: core_user_users_query) {\n  core_user_users(query: $query) {\n    items { id username fullname email }\n    total\n    next_cursor\n  }\n}',
          { query: { pagination: { limit: 5 } } },
        ),
      },
      auth: { type: 'oauth2', credentialId: SAMPLE_CREDENTIALS.totara },
    },
  },
  {
    id: 'ajax-status',
    group: 'Totara AJAX API',
    name: 'Status (persisted operation)',
    description: 'A persisted operation with the session cookie and the X-Totara-Sesskey header.',
    draft: {
      method: 'POST',
      url: '{{base}}/totara/webapi/ajax.php',
      headers: [],
      body: {
        mode: 'json',
        text: JSON.stringify({ operationName: 'totara_webapi_status', variables: {} }, null, 2),
      },
      auth: { type: 'session', credentialId: SAMPLE_CREDENTIALS.ajax },
    },
  },
  {
    id: 'ihasco-users',
    group: 'iHASCO REST API',
    name: 'Users',
    description: 'GET /users with a bearer token; watch x-ratelimit-remaining.',
    draft: {
      method: 'GET',
      url: '{{base}}/ihasco/users',
      headers: [],
      body: { mode: 'none' },
      auth: { type: 'bearer', credentialId: SAMPLE_CREDENTIALS.ihasco },
    },
  },
];
