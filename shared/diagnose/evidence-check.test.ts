import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose';
import { contradictions } from './evidence-check';
import {
  draft,
  exchange,
  GRAPHQL_URL,
  internalError,
  NOW,
  OAUTH_APPLIED,
  REST_URL,
  STATUS_QUERY,
} from './test-support';
import type { DiagnoseInput, Finding } from './types';

const restHeaders: [string, string][] = [
  ['content-type', 'application/json'],
  ['x-ratelimit-limit', '200'],
  ['x-ratelimit-remaining', '0'],
  ['retry-after', '42'],
  ['www-authenticate', 'Bearer realm="api"'],
];

/** Captured answers that give warnings and errors from many rules. */
const inputs: [string, DiagnoseInput][] = [
  [
    'a stripped Authorization header',
    {
      nowMs: NOW,
      draft: draft({ json: STATUS_QUERY }),
      exchange: exchange({
        body: internalError(
          'The request did not contain the required Authorization header. Ensure you set the header in your request and that it is not being stripped by your server or proxy configuration.',
        ),
        auth: OAUTH_APPLIED,
      }),
    },
  ],
  [
    'a dropped field and a camelCase operationName',
    {
      nowMs: NOW,
      draft: draft({
        json: {
          query: 'query getStatus { totara_webapi_status { status statsu } }',
          operationName: 'getStatus',
        },
      }),
      exchange: exchange({ body: '{"data":{"totara_webapi_status":{"status":"ok"}}}' }),
    },
  ],
  [
    '{"data":[]}',
    {
      nowMs: NOW,
      draft: draft({ json: { query: '{ core_user_userz { total } }' } }),
      exchange: exchange({ body: '{"data":[]}' }),
    },
  ],
  [
    'a REST 401 and a 429',
    {
      nowMs: NOW,
      exchange: exchange({
        method: 'GET',
        url: `${REST_URL}/users`,
        status: 401,
        headers: restHeaders,
        body: '{"message":"Unauthenticated."}',
      }),
    },
  ],
  [
    'a REST 429 with its headers',
    {
      nowMs: NOW,
      exchange: exchange({
        method: 'GET',
        url: `${REST_URL}/users`,
        status: 429,
        headers: restHeaders,
        body: '{"message":"Too Many Attempts."}',
      }),
    },
  ],
  [
    'REST validation with a dotted field',
    {
      nowMs: NOW,
      exchange: exchange({
        method: 'PATCH',
        url: `${REST_URL}/users/1`,
        status: 422,
        headers: restHeaders,
        body: '{"message":"x","errors":{"user.email":["The user.email must be a valid email address."]}}',
      }),
    },
  ],
  [
    'a POST turned into a GET',
    {
      nowMs: NOW,
      exchange: exchange({
        method: 'POST',
        url: 'http://learn.example.com/api/graphql.php',
        status: 400,
        body: '{"errors":[{"message":"Invalid webapi request, only POST method is allowed"}],"error":"Invalid webapi request, only POST method is allowed"}',
        redirects: [
          {
            status: 302,
            method: 'POST',
            url: 'http://learn.example.com/api/graphql.php',
            location: GRAPHQL_URL,
          },
        ],
      }),
    },
  ],
];

describe('findings hold to the evidence they quote', () => {
  it.each(inputs)('%s', (_name, input) => {
    const findings = diagnose(input);
    expect(findings.filter((f) => f.severity !== 'info').length).toBeGreaterThan(0);
    expect(findings.flatMap((finding) => contradictions(finding, input))).toEqual([]);
  });

  const [, stripped] = inputs[0] ?? ['', { nowMs: NOW }];
  const made = (evidence: Finding['evidence'], title = 'A finding'): Finding => ({
    id: 'test.made-up',
    severity: 'error',
    title,
    explanation: '',
    fix: '',
    evidence,
  });
  it.each([
    [
      'a status the answer did not have',
      made([{ kind: 'status', value: '401' }]),
      /quotes status 401, the answer was 200/,
    ],
    [
      'a header the answer did not have',
      made([{ kind: 'response-header', name: 'Retry-After', value: '60' }]),
      /did not have/,
    ],
    [
      'a header with another value',
      made([{ kind: 'response-header', name: 'Pragma', value: 'cache' }]),
      /the answer had no-cache/,
    ],
    [
      'a body path that is not there',
      made([{ kind: 'response-body', name: 'errors[3].message', value: 'x' }]),
      /does not have/,
    ],
    [
      'a field called missing that is there',
      made([{ kind: 'response-body', name: 'errors[0].message' }]),
      /calls errors\[0\]\.message missing/,
    ],
    [
      'a body value that differs',
      made([{ kind: 'response-body', name: 'errors[0].message', value: 'Forbidden' }]),
      /the answer has Internal server error/,
    ],
    [
      'a request header that was not sent',
      made([{ kind: 'request-header', name: 'Cookie', value: 'x' }]),
      /was not sent/,
    ],
    [
      'a status claimed in words',
      made([], 'The API refused the token (401)'),
      /claims HTTP 401, the answer was 200/,
    ],
  ])('catches %s', (_name, finding, problem) => {
    expect(contradictions(finding, stripped).join('\n')).toMatch(problem);
  });
});
