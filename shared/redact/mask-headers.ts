import { maskSecret } from '../model/auth';

const SENSITIVE = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-totara-sesskey',
  'x-api-key',
]);

/**
 * Masks header values that carry secrets: any header named as sensitive, and any value
 * containing one of the known secret strings. Keeps the scheme (`Bearer ••••3f9a`) so the
 * user can still see what kind of credential went out.
 */
export function maskHeaders(
  headers: readonly [string, string][],
  secrets: readonly string[],
): [string, string][] {
  return headers.map(([name, value]) => [name, maskValue(name, value, secrets)]);
}

export function maskValue(name: string, value: string, secrets: readonly string[]): string {
  const lower = name.toLowerCase();
  // Every cookie value is masked here by name, secret-looking or not: only long session-like
  // values are searched for elsewhere (shared/redact/session-value.ts).
  if (lower === 'cookie') return replaceSecrets(value.replace(/=([^;]*)/g, maskedCookie), secrets);
  // Set-Cookie: only the cookie's own value is secret, not Path, Expires and the rest.
  if (lower === 'set-cookie') return replaceSecrets(value.replace(/=([^;]*)/, maskedCookie), secrets);
  const masked = replaceSecrets(value, secrets);
  if (masked !== value || !SENSITIVE.has(lower)) return masked;
  const scheme = /^(Bearer|Basic|Digest|Token)\s+(.+)$/i.exec(value);
  if (scheme?.[1] && scheme[2]) return `${scheme[1]} ${maskSecret(scheme[2])}`;
  return maskSecret(value);
}

const maskedCookie = (_: string, cookieValue: string) => `=${maskSecret(cookieValue)}`;

function replaceSecrets(value: string, secrets: readonly string[]): string {
  let masked = value;
  for (const secret of secrets) {
    if (secret.length >= 4 && masked.includes(secret)) masked = masked.split(secret).join(maskSecret(secret));
  }
  return masked;
}
