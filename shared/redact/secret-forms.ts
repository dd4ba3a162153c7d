import { maskSecret } from '../model/auth';

/** Shorter "secrets" would mask ordinary words and digits all over a text. */
const MIN_SECRET_LENGTH = 4;

/**
 * The ways a secret appears once written into a request: as typed, percent-encoded (a URL, a
 * multipart name), form-encoded (`application/x-www-form-urlencoded`: spaces as `+`, and
 * `!'()~` escaped too) and JSON-escaped. Each must be masked, or an encoded secret shows in clear.
 */
export function secretForms(secret: string): string[] {
  const percent = encodeURIComponent(secret);
  const form = new URLSearchParams([['', secret]]).toString().slice(1);
  return [
    ...new Set([secret, percent, percent.replace(/%20/g, '+'), form, JSON.stringify(secret).slice(1, -1)]),
  ];
}

/** Every form of every secret in `text` replaced by the secret's masked preview, longest first. */
export function maskSecretForms(text: string, secrets: readonly string[]): string {
  const pairs = new Map<string, string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of secretForms(secret)) if (!pairs.has(form)) pairs.set(form, maskSecret(secret));
  }
  let masked = text;
  for (const [form, mask] of [...pairs].sort(([a], [b]) => b.length - a.length))
    if (masked.includes(form)) masked = masked.split(form).join(mask);
  return masked;
}
