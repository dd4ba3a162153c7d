import { describe, expect, it } from 'vitest';
import {
  looksLikeSessionValue,
  sessionValues,
  setCookieSessionValues,
  setCookieValue,
} from './session-value';

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

describe('looksLikeSessionValue', () => {
  it.each([
    ['a hex session id', '4f3a9c1e8b7d6a5f'],
    ['a MoodleSession value (PHP session id)', 'q2b5r7t9v1x3z5a7c9e1g3i5k7'],
    ['a PHPSESSID', 'ST4mjqd7b0pk8n3v2u1lh9e6c5'],
    ['a JWT', JWT],
    ['an express-session signed value', 's%3AgB1y9jKx2bqZ7wPq.3kJd8Hx0QfN2l9Vb7Yt1'],
    ['a UUID', '3f2504e0-4f89-11d3-9a0c-0305e82c3301'],
    ['a base64 token', 'dGhpcyBpcyBhIHNlY3JldA8x=='],
    ['a test canary', 'canary-a-51f0e2'],
  ])('is true for %s', (_what, value) => {
    expect(looksLikeSessionValue(value)).toBe(true);
  });

  it.each([
    ['a boolean', 'true'],
    ['a theme', 'dark'],
    ['a locale', 'en-US'],
    ['a time zone', 'Europe/London'],
    ['a Unix time', '1700000000'],
    ['a Unix time in ms', '1700000000123'],
    ['a Google Analytics id', 'GA1.2.1234567890.1700000000'],
    ['a short GA id', 'GA1.2.123.456'],
    ['an ISO date', '2026-11-22T12:00:00Z'],
    ['a consent flag', 'cookie_consent_accepted'],
    ['a version flag', 'cookie_consent_v2'],
    ['URL-encoded JSON preferences', '%7B%22theme%22%3A%22dark%22%7D'],
    ['an empty value', ''],
    ['a short random value', 'a1b2c3d4e5'],
  ])('is false for %s', (_what, value) => {
    expect(looksLikeSessionValue(value)).toBe(false);
  });
});

describe('sessionValues', () => {
  it('keeps the session-like values once each', () => {
    expect(sessionValues(['true', '4f3a9c1e8b7d6a5f', 'dark', '4f3a9c1e8b7d6a5f'])).toEqual([
      '4f3a9c1e8b7d6a5f',
    ]);
  });
});

describe('setCookieValue', () => {
  it.each([
    ['MoodleSession=q2b5r7t9v1x3; path=/; HttpOnly', 'q2b5r7t9v1x3'],
    ['theme="dark"; Path=/', 'dark'],
    ['flag=', ''],
    ['a=b=c; Secure', 'b=c'],
    ['no-equals-sign; Path=/', undefined],
  ])('reads %s', (header, value) => {
    expect(setCookieValue(header)).toBe(value);
  });
});

describe('setCookieSessionValues', () => {
  it('takes the session-like values of Set-Cookie headers only, whatever their case', () => {
    const headers: [string, string][] = [
      ['Set-Cookie', 'MoodleSession=q2b5r7t9v1x3z5a7; Path=/; HttpOnly'],
      ['set-cookie', 'theme=dark; Path=/'],
      ['x-request-id', '9f8e7d6c5b4a3210'],
    ];
    expect(setCookieSessionValues(headers)).toEqual(['q2b5r7t9v1x3z5a7']);
  });
});
