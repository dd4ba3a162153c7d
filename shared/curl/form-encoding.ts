import type { CurlFormField } from './curl-request';

/** curl_easy_escape: everything but `A-Za-z0-9-._~` as `%XX` of its UTF-8 bytes. */
export function curlEscape(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * One `--data-urlencode` argument as curl turns it into body text: `name=value` encodes the
 * value, `=value` and a bare `value` encode all of it, `name@file` / `@file` read a file.
 */
export function encodeDataUrlencode(argument: string): { text: string; file?: string } {
  let separator = argument.indexOf('=');
  if (separator < 0) separator = argument.indexOf('@');
  if (separator < 0) return { text: curlEscape(argument) };
  const name = argument.slice(0, separator);
  const content = argument.slice(separator + 1);
  const prefix = name === '' ? '' : `${name}=`;
  if (argument.charAt(separator) === '@') return { text: `${prefix}@${content}`, file: content };
  return { text: prefix + curlEscape(content) };
}

const PAIR = /^[^&=\s"{}<>\\]+=[^&\s"{}<>\\]*$/;

function decodeFormComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * The fields of a well-formed `a=b&c=d` body, or undefined when the text is anything else
 * (JSON, free text, a bad `%` escape) and must stay raw to be sent exactly as written.
 */
export function parseFormUrlencoded(text: string): CurlFormField[] | undefined {
  if (text === '') return undefined;
  const fields: CurlFormField[] = [];
  for (const pair of text.split('&')) {
    if (!PAIR.test(pair)) return undefined;
    const separator = pair.indexOf('=');
    const name = decodeFormComponent(pair.slice(0, separator));
    const value = decodeFormComponent(pair.slice(separator + 1));
    if (name === undefined || value === undefined) return undefined;
    fields.push({ name, value });
  }
  return fields;
}

/** The body a browser would send for these fields (`URLSearchParams` rules, space as `+`). */
export function serializeFormUrlencoded(fields: readonly CurlFormField[]): string {
  return new URLSearchParams(fields.map((field): [string, string] => [field.name, field.value])).toString();
}
