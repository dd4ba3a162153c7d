import { describe, expect, it } from 'vitest';
import { looksSecret } from './secret-names';

describe('looksSecret', () => {
  it.each([
    ['token', true],
    ['access_token', true],
    ['AUTH_TOKEN', true],
    ['apiKey', true],
    ['api_key', true],
    ['x-api-key', true],
    ['client_secret', true],
    ['clientSecret', true],
    ['password', true],
    ['db_passwd', true],
    ['webhook_key', true],
    ['session_id', true],
    ['MoodleSession', false],
    ['token_url', false],
    ['api_key_header', false],
    ['author', false],
    ['base_url', false],
    ['sort_key', false],
    ['session_timeout', false],
    ['page_size', false],
  ])('%s → %s', (name, secret) => {
    expect(looksSecret(name)).toBe(secret);
  });
});
