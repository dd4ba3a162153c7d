import { describe, expect, it } from 'vitest';
import { evaluateAssertions } from './evaluate';
import type { Assertion } from './model';
import { exchangeOf } from './test-exchange.fixture';

const users = {
  data: [
    { id: 7, email: 'ada@example.com', active: true, roles: ['admin', 'learner'], manager: null },
    { id: 8, email: 'bob@example.com', active: false, roles: [], manager: 7 },
  ],
  meta: { total: 2 },
};
const exchange = exchangeOf(users, {
  status: 201,
  totalMs: 120.4,
  headers: [
    ['Content-Type', 'application/json; charset=utf-8'],
    ['Set-Cookie', 'sid=abc123; Path=/; HttpOnly'],
    ['X-Total', '2'],
  ],
});

const row = (
  target: Assertion['target'],
  op: Assertion['op'],
  expected?: string,
  path?: string,
): Assertion => ({
  enabled: true,
  target,
  op,
  ...(expected !== undefined ? { expected } : {}),
  ...(path !== undefined ? { path } : {}),
});
const check = (assertion: Assertion) => evaluateAssertions([assertion], exchange)[0];

describe('targets', () => {
  it.each([
    ['status', row('status', 'equals', '201'), '201', 'status'],
    [
      'header (any case)',
      row('header', 'contains', 'json', 'content-type'),
      'application/json; charset=utf-8',
      'header content-type',
    ],
    ['response time', row('responseTime', 'lt', '500'), '120', 'response time (ms)'],
    ['body size', row('bodySize', 'gt', '10'), String(JSON.stringify(users).length), 'body size (bytes)'],
    ['cookie', row('cookie', 'equals', 'abc123', 'sid'), 'abc123', 'cookie sid'],
    [
      'JSONPath',
      row('jsonPath', 'equals', 'ada@example.com', '$.data[0].email'),
      'ada@example.com',
      '$.data[0].email',
    ],
    ['JSONPath without $', row('jsonPath', 'equals', '2', 'meta.total'), '2', 'meta.total'],
    ['body text', row('body', 'contains', '"email":"bob@'), JSON.stringify(users), 'body'],
  ])('%s', (_name, assertion, actual, path) => {
    const result = check(assertion);
    expect(result).toMatchObject({ passed: true, actual, path });
  });

  it('GraphQL data, errors and "no errors"', () => {
    const ok = exchangeOf({ data: { user: { email: 'a@b.c' } } });
    const bad = exchangeOf({ data: null, errors: [{ message: 'Field "x" is unknown', path: ['x'] }] });
    const rows = [
      row('graphqlData', 'equals', 'a@b.c', 'user.email'),
      row('noGraphqlErrors', 'exists'),
      row('graphqlErrors', 'notExists'),
    ];
    expect(evaluateAssertions(rows, ok).map((r) => r.passed)).toEqual([true, true, true]);
    const failed = evaluateAssertions(
      [...rows, row('graphqlErrors', 'contains', 'unknown', '$[0].message')],
      bad,
    );
    expect(failed.map((r) => r.passed)).toEqual([false, false, false, true]);
    expect(failed[1]?.message).toBe('The response has GraphQL errors: Field "x" is unknown');
    expect(failed[1]?.path).toBe('errors');
  });
});

describe('operators', () => {
  it.each<[Assertion, boolean]>([
    [row('status', 'equals', '201'), true],
    [row('status', 'equals', '200'), false],
    [row('status', 'notEquals', '200'), true],
    [row('status', 'notEquals', '201'), false],
    [row('jsonPath', 'equals', 'true', '$.data[0].active'), true],
    [row('jsonPath', 'equals', 'null', '$.data[0].manager'), true],
    [row('jsonPath', 'equals', '["admin","learner"]', '$.data[0].roles'), true],
    [row('jsonPath', 'equals', '7', '$.data[0].id'), true],
    [row('status', 'gt', '200'), true],
    [row('status', 'gt', '201'), false],
    [row('status', 'lt', '300'), true],
    [row('status', 'lt', '201'), false],
    [row('jsonPath', 'contains', 'admin', '$.data[0].roles'), true],
    [row('jsonPath', 'contains', 'example.com', '$.data[1].email'), true],
    [row('jsonPath', 'contains', 'total', '$.meta'), true],
    [row('jsonPath', 'contains', 'owner', '$.data[0].roles'), false],
    [row('jsonPath', 'notContains', 'owner', '$.data[0].roles'), true],
    [row('jsonPath', 'notContains', 'admin', '$.data[0].roles'), false],
    [row('jsonPath', 'matches', '^[a-z]+@example\\.com$', '$.data[0].email'), true],
    [row('jsonPath', 'matches', '/^ADA@/i', '$.data[0].email'), true],
    [row('jsonPath', 'matches', '^bob', '$.data[0].email'), false],
    [row('jsonPath', 'exists', undefined, '$.data[0].id'), true],
    [row('jsonPath', 'exists', undefined, '$.data[0].missing'), false],
    [row('jsonPath', 'notExists', undefined, '$.data[0].missing'), true],
    [row('jsonPath', 'notExists', undefined, '$.data[0].id'), false],
    [row('header', 'exists', undefined, 'x-total'), true],
    [row('header', 'notExists', undefined, 'x-missing'), true],
    [row('jsonPath', 'isType', 'array', '$.data'), true],
    [row('jsonPath', 'isType', 'integer', '$.data[0].id'), true],
    [row('jsonPath', 'isType', 'string', '$.data[0].id'), false],
    [row('jsonPath', 'isType', 'null', '$.data[0].manager'), true],
    [row('jsonPath', 'isType', 'boolean', '$.data[0].active'), true],
    [row('jsonPath', 'isType', 'object', '$.meta'), true],
    [row('jsonPath', 'length', '2', '$.data'), true],
    [row('jsonPath', 'length', '>0', '$.data'), true],
    [row('jsonPath', 'length', '>=3', '$.data'), false],
    [row('jsonPath', 'length', '<=15', '$.data[0].email'), true],
    [row('jsonPath', 'length', '0', '$.data[1].roles'), true],
    [row('status', 'oneOf', '200, 201, 204'), true],
    [row('status', 'oneOf', '2xx'), true],
    [row('status', 'oneOf', '200-299'), true],
    [row('status', 'oneOf', '4xx,5xx'), false],
    [row('jsonPath', 'oneOf', '["ada@example.com","x@y.z"]', '$.data[0].email'), true],
    [
      row(
        'jsonPath',
        'matchesSchema',
        '{"type":"object","required":["id","email"],"properties":{"email":{"type":"string","format":"email"}}}',
        '$.data[0]',
      ),
      true,
    ],
  ])('%j → %s', (assertion, passed) => {
    expect(check(assertion)?.passed).toBe(passed);
  });

  it('explains a failure with expected and actual', () => {
    expect(check(row('jsonPath', 'equals', 'eve@example.com', '$.data[0].email'))).toMatchObject({
      passed: false,
      actual: 'ada@example.com',
      expected: 'eve@example.com',
      path: '$.data[0].email',
      message: 'ada@example.com is not eve@example.com.',
    });
    expect(check(row('jsonPath', 'equals', '1', '$.nope'))?.message).toBe('Nothing is at $.nope.');
  });

  it('says in plain words why a JSON Schema did not match', () => {
    const schema = '{"type":"object","required":["phone"],"properties":{"id":{"type":"string"}}}';
    expect(check(row('jsonPath', 'matchesSchema', schema, '$.data[0]'))?.message).toBe(
      'It does not match the JSON Schema: the value has no "phone"; id is not of type string.',
    );
    expect(check(row('jsonPath', 'matchesSchema', '{nope', '$.data[0]'))?.message).toMatch(
      /^The expected value is not a JSON Schema Lantern can use/,
    );
  });

  it('names bad input instead of comparing it', () => {
    expect(check(row('jsonPath', 'gt', '1', '$.data[0].email'))?.message).toBe(
      'ada@example.com is not a number, so it cannot be compared.',
    );
    expect(check(row('status', 'isType', 'thing'))?.message).toMatch(/is not a type/);
    expect(check(row('jsonPath', 'matches', '(', '$.data[0].email'))?.message).toMatch(
      /is not a regular expression/,
    );
    expect(check(row('jsonPath', 'length', 'lots', '$.data'))?.message).toMatch(/is not a length/);
    expect(check(row('jsonPath', 'exists', undefined, '$[?(@.x'))?.message).toMatch(/is not a JSONPath/);
  });
});

describe('evaluation', () => {
  it('skips disabled rows and keeps the folder a row is inherited from', () => {
    const results = evaluateAssertions(
      [
        { ...row('status', 'equals', '500'), enabled: false },
        { ...row('status', 'equals', '201'), from: 'Users' },
      ],
      exchange,
    );
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ passed: true, from: 'Users' });
  });

  it('resolves {{variables}} in expected values and reports an undefined one', () => {
    const resolve = (text: string) =>
      text.includes('{{missing}}')
        ? { ok: false as const, message: '{{missing}} is not defined.' }
        : { ok: true as const, text: text.replace('{{email}}', 'ada@example.com') };
    const [good, bad] = evaluateAssertions(
      [row('jsonPath', 'equals', '{{email}}', '$.data[0].email'), row('status', 'equals', '{{missing}}')],
      exchange,
      { resolve },
    );
    expect(good).toMatchObject({ passed: true, expected: 'ada@example.com' });
    expect(bad).toMatchObject({ passed: false, message: '{{missing}} is not defined.' });
  });

  it('masks secrets in what a result shows', () => {
    const mask = (text: string) => text.replaceAll('abc123', '••••');
    const [result] = evaluateAssertions([row('cookie', 'equals', 'other', 'sid')], exchange, { mask });
    expect(result?.actual).toBe('••••');
    expect(JSON.stringify(result)).not.toContain('abc123');
  });

  it('does not check a body it holds only the start of, and says so', () => {
    const cut = exchangeOf('{"data":[{"id":1', { truncated: true });
    const [result] = evaluateAssertions([row('jsonPath', 'notExists', undefined, '$.data[5]')], cut);
    expect(result).toMatchObject({ passed: false, unchecked: true });
    expect(result?.message).toMatch(/^Not checked: the body was too large to check here/);
    // Targets that do not read the body are still checked.
    expect(evaluateAssertions([row('status', 'equals', '200')], cut)[0]?.passed).toBe(true);
  });

  it('says when the body is not JSON', () => {
    const [result] = evaluateAssertions(
      [row('jsonPath', 'exists', undefined, '$.a')],
      exchangeOf('<html>oops</html>'),
    );
    expect(result?.message).toBe('Not checked: the body is not JSON (it starts "<html>oops</html>").');
  });
});
