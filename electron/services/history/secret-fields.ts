/**
 * Secrets that are not in the known-secrets list but are recognisable by their name: a token
 * endpoint's `access_token`, a login form's `password`, a `?api_key=` in a URL.
 */
import { maskSecret } from '../../../shared/model/auth';

const SECRET_NAMES = new Set([
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  'password',
  'token',
  'sesskey',
  'api_key',
  'apikey',
]);

/** A key longer than this (even fully \u-escaped) cannot be one of the names: skip decoding it. */
const LONGEST_NAME = Math.max(...[...SECRET_NAMES].map((name) => name.length));

export const isSecretName = (name: string): boolean => SECRET_NAMES.has(name.toLowerCase());

export interface MaskedJson {
  text: string;
  /** The values that were masked, so they can be masked wherever else they appear too. */
  values: string[];
}

/**
 * Masks the scalar values of secret-named fields in a JSON text, keeping its formatting byte for
 * byte elsewhere (the raw view of a reopened response should look as it did). Returns null when
 * the text is not JSON.
 */
export function maskJsonFields(text: string): MaskedJson | null {
  if (!/^\s*[[{]/.test(text)) return null;
  try {
    JSON.parse(text);
  } catch {
    return null;
  }
  const values: string[] = [];
  const parts: string[] = [];
  let copied = 0;
  let i = 0;
  // The text is valid JSON, so a string token always starts at a quote found outside another string.
  while (i < text.length) {
    i = text.indexOf('"', i);
    if (i < 0) break;
    const keyEnd = endOfString(text, i);
    let j = skipSpace(text, keyEnd);
    if (text[j] !== ':') {
      i = keyEnd;
      continue;
    }
    j = skipSpace(text, j + 1);
    const valueEnd = text[j] === '"' ? endOfString(text, j) : endOfScalar(text, j);
    const rawKey = text.slice(i + 1, keyEnd - 1);
    const key =
      rawKey.length > LONGEST_NAME * 6
        ? ''
        : rawKey.includes('\\')
          ? (JSON.parse(`"${rawKey}"`) as string)
          : rawKey;
    if (isSecretName(key) && valueEnd > j && text[j] !== '{' && text[j] !== '[') {
      const raw = text.slice(j, valueEnd);
      const value = text[j] === '"' ? (JSON.parse(raw) as string) : raw;
      if (raw !== 'null' && !value.includes('••••')) {
        values.push(value);
        parts.push(text.slice(copied, j), JSON.stringify(maskSecret(value)));
        copied = valueEnd;
      }
    }
    i = text[j] === '"' ? valueEnd : j;
  }
  parts.push(text.slice(copied));
  return { text: parts.join(''), values };
}

function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

function endOfScalar(text: string, start: number): number {
  let i = start;
  while (i < text.length && /[^\s,}\]]/.test(text[i] ?? '')) i++;
  return i;
}

function skipSpace(text: string, start: number): number {
  let i = start;
  while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  return i;
}

/**
 * Masks `?token=…`-style query values in a URL. A value that is a `{{variable}}` reference is
 * kept: it holds no secret, and re-sending the request needs it.
 */
export function maskSecretQueryParams(url: string): string {
  return url.replace(/([?&;])([^=&#;]+)=([^&#;]*)/g, (match, sep: string, name: string, value: string) => {
    let decoded = name;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      // a malformed escape: judge the name as written
    }
    if (!isSecretName(decoded) || value === '' || value.includes('{{') || value.includes('••••'))
      return match;
    return `${sep}${name}=${maskSecret(value)}`;
  });
}
