/**
 * Variable names that usually hold a secret. Matched on word parts, so `api_key`, `apiKey`,
 * `client-secret` and `AUTH_TOKEN` count, but `author`, `token_url` and `session_timeout` do not.
 */
const SECRET_WORDS = new Set([
  'token',
  'secret',
  'password',
  'passwd',
  'pwd',
  'passphrase',
  'apikey',
  'credential',
  'credentials',
  'cookie',
  'sessionid',
  'sesskey',
  'privatekey',
  'accesskey',
  'jwt',
]);

/** A word after a secret word that makes the name describe the secret, not hold it. */
const DESCRIBES = new Set(['url', 'uri', 'endpoint', 'type', 'name', 'prefix', 'header', 'path', 'expiry']);

/** `apiKey` → ["api", "key"]; `CLIENT_SECRET` → ["client", "secret"]. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** `webhook_key`, `signing_key` hold secrets; these keys only name or order things. */
const PLAIN_KEYS = new Set([
  'sort',
  'cache',
  'primary',
  'foreign',
  'idempotency',
  'partition',
  'public',
  'lookup',
  'object',
  'route',
  'storage',
]);

export function looksSecret(name: string): boolean {
  const parts = words(name);
  const last = parts.length - 1;
  if (last > 0 && parts[last] === 'key' && !PLAIN_KEYS.has(parts[last - 1] ?? '')) return true;
  return parts.some((word, index) => {
    // Two-word secrets written apart: api_key, private-key, session id, sess_key.
    const joined = `${parts[index - 1] ?? ''}${word}`;
    const secretWord = SECRET_WORDS.has(word) || SECRET_WORDS.has(joined);
    return secretWord && !DESCRIBES.has(parts[index + 1] ?? '');
  });
}

/** Header names whose value is a credential: the same rule the timeline's masking uses, plus CSRF tokens. */
const SECRET_HEADER = /token|secret|sesskey|csrf|xsrf|session|api-?key|password|cookie|authorization/i;

/** `X-Totara-Sesskey`, `X-Api-Key`, `X-Auth-Token`, `Cookie`…: a header whose value is a credential. */
export const isSecretHeaderName = (name: string): boolean => SECRET_HEADER.test(name) || looksSecret(name);
