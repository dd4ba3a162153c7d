import { maskSecret } from '../model/auth';
import { maskValue } from '../redact/mask-headers';

/** Field and parameter names whose values are secrets wherever they appear (bodies, queries, forms). */
const SECRET_NAMES = [
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  'password',
  'passwd',
  'secret',
  'token',
  'sesskey',
  'api_key',
  'apikey',
  'authorization',
];
const NAMES = SECRET_NAMES.join('|');
const JSON_FIELD = new RegExp(`("(?:${NAMES})"\\s*:\\s*)"((?:[^"\\\\]|\\\\.)*)"`, 'gi');
const FORM_FIELD = new RegExp(`(^|[?&;\\s])(${NAMES})=([^&\\s#;"']*)`, 'gi');
/** Header names that carry a secret even though no list names them (X-Auth-Token, X-Session-Id…). */
const SECRET_HEADER = /token|secret|sesskey|session|api-?key|password|cookie|authorization/i;

export const MASK = '••••';
const MIN_SECRET_LENGTH = 4;

export const isSecretName = (name: string): boolean => SECRET_NAMES.includes(name.toLowerCase());

/** A secret as it may appear: as is, URL-encoded, form-encoded, JSON-escaped (PHP style too). */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  forms.add(encodeURIComponent(secret));
  forms.add(encodeURIComponent(secret).replace(/%20/g, '+'));
  forms.add(JSON.stringify(secret).slice(1, -1));
  // PHP's json_encode escapes slashes: Totara echoes `a\/b`.
  forms.add(JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/'));
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

/** Replaces every known secret, in every form, by its masked preview. Longest first, so no part survives. */
export function maskKnownSecrets(text: string, secrets: readonly string[]): string {
  const pairs = secrets
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .flatMap((secret) => secretForms(secret).map((form) => [form, maskSecret(secret)] as const))
    .sort((a, b) => b[0].length - a[0].length);
  let masked = text;
  for (const [form, replacement] of pairs) {
    if (masked.includes(form)) masked = masked.split(form).join(replacement);
  }
  return masked;
}

/** Secret-named fields in JSON, form or query text (a token response's access_token, a login's password). */
export function maskSecretFields(text: string): string {
  return text
    .replace(JSON_FIELD, (_, key: string, value: string) =>
      value.includes(MASK) ? `${key}"${value}"` : `${key}"${maskSecret(value)}"`,
    )
    .replace(FORM_FIELD, (match, lead: string, name: string, value: string) =>
      value === '' || value.includes(encodeURIComponent(MASK)) || value.includes(MASK)
        ? match
        : `${lead}${name}=${maskSecret(value)}`,
    );
}

/** Everything a body or a URL needs: known secrets first, then secret-named fields. */
export function maskText(text: string, secrets: readonly string[]): string {
  return maskSecretFields(maskKnownSecrets(text, secrets));
}

/** Masks a URL's password (user:pass@) and secret query values. */
export function maskUrl(url: string, secrets: readonly string[]): string {
  const text = maskText(url, secrets);
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:]*:)([^/@]+)@/i, (_, lead: string) => `${lead}${MASK}@`);
}

/** Header values: credential headers always, any header whose name says secret, and known secrets anywhere. */
export function maskHeaderList(headers: readonly [string, string][], secrets: readonly string[]) {
  const usable = secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH);
  return headers.map(([name, value]): [string, string] => {
    // Already masked by the send pipeline (`Bearer ••••3f9a`): keep its preview as it is.
    if (value.includes(MASK)) return [name, maskKnownSecrets(value, usable)];
    const masked = maskKnownSecrets(maskValue(name, value, usable), usable);
    if (masked !== value || !SECRET_HEADER.test(name)) return [name, masked];
    return [name, maskSecret(value)];
  });
}

/** True when a text still holds one of the secrets in any form: the bundle must never be shared then. */
export function leaksSecret(text: string, secrets: readonly string[]): boolean {
  return secrets
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .some((secret) => secretForms(secret).some((form) => text.includes(form)));
}
