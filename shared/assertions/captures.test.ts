import { describe, expect, it } from 'vitest';
import { captureIsSecret, runCaptures } from './captures';
import { captureSchema, type Capture } from './model';
import { exchangeOf } from './test-exchange.fixture';

const capture = (fields: Partial<Capture> & Pick<Capture, 'name' | 'from'>): Capture =>
  captureSchema.parse(fields);
const exchange = exchangeOf(
  { data: [{ id: 42, email: 'ada@example.com' }], access_token: 'tok-SECRET-123456' },
  {
    headers: [
      ['Location', '/users/42'],
      ['Set-Cookie', 'MoodleSession=s3ss10nvalue1234; Path=/'],
    ],
  },
);

describe('captures', () => {
  it('takes values from a JSONPath, a header, a cookie, the status and a regex group', () => {
    const { results, values } = runCaptures(
      [
        capture({ name: 'userId', from: 'jsonPath', path: '$.data[0].id' }),
        capture({ name: 'email', from: 'jsonPath', path: 'data[0].email', scope: 'environment' }),
        capture({ name: 'where', from: 'header', path: 'location' }),
        capture({ name: 'session', from: 'cookie', path: 'MoodleSession' }),
        capture({ name: 'code', from: 'status' }),
        capture({ name: 'domain', from: 'regex', path: '@([a-z.]+)"' }),
      ],
      exchange,
    );
    expect(values.map((v) => [v.capture.name, v.value, v.secret])).toEqual([
      ['userId', '42', false],
      ['email', 'ada@example.com', false],
      ['where', '/users/42', false],
      ['session', 's3ss10nvalue1234', true],
      ['code', '200', false],
      ['domain', 'example.com', false],
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results[1]).toMatchObject({
      scope: 'environment',
      message: '{{email}} saved in the active environment.',
    });
    expect(results[3]).toMatchObject({ value: '••••', secret: true });
  });

  it('a capture that finds nothing is a failure naming the path and the start of the body', () => {
    const { results, values } = runCaptures(
      [capture({ name: 'id', from: 'jsonPath', path: '$.users[0].id' })],
      exchange,
      (t) => t.replaceAll('tok-SECRET-123456', '••••'),
    );
    expect(values).toEqual([]);
    expect(results[0]).toMatchObject({ ok: false, path: '$.users[0].id' });
    expect(results[0]?.message).toBe(
      'Nothing was found at $.users[0].id. The body starts "{"data":[{"id":42,"email":"ada@example.com"}],"access_token":"••••"}".',
    );
    const header = runCaptures([capture({ name: 'x', from: 'header', path: 'X-Id' })], exchange).results[0];
    expect(header?.message).toBe('Nothing was found at header X-Id. The response has no header "X-Id".');
    const regex = runCaptures([capture({ name: 'x', from: 'regex', path: 'id=(\\d+)' })], exchange)
      .results[0];
    expect(regex?.ok).toBe(false);
  });

  it('a token, password or cookie is a secret, detected or marked', () => {
    expect(captureIsSecret(capture({ name: 'token', from: 'jsonPath', path: '$.access_token' }))).toBe(true);
    expect(captureIsSecret(capture({ name: 'value', from: 'jsonPath', path: '$.access_token' }))).toBe(true);
    expect(captureIsSecret(capture({ name: 'password', from: 'regex', path: 'x' }))).toBe(true);
    expect(captureIsSecret(capture({ name: 'c', from: 'cookie', path: 'sid' }))).toBe(true);
    expect(captureIsSecret(capture({ name: 'auth', from: 'header', path: 'Authorization' }))).toBe(true);
    expect(captureIsSecret(capture({ name: 'userId', from: 'jsonPath', path: '$.data[0].id' }))).toBe(false);
    expect(captureIsSecret(capture({ name: 'userId', from: 'jsonPath', path: '$.id', secret: true }))).toBe(
      true,
    );
    const { results } = runCaptures(
      [capture({ name: 'token', from: 'jsonPath', path: '$.access_token' })],
      exchange,
    );
    expect(JSON.stringify(results)).not.toContain('tok-SECRET');
  });

  it('rejects a variable name {{…}} cannot use', () => {
    expect(captureSchema.safeParse({ name: 'user id', from: 'status' }).success).toBe(false);
  });
});
