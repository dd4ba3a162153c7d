import { JSONPath } from 'jsonpath-plus';
import type { Exchange } from '../model/response';

/**
 * Reading a response for tests and captures. A body Lantern holds only the start of (a large body
 * kept on disk, or one cut at the inline limit) is not read as if it were whole: a JSONPath that
 * finds nothing in half a document would be a false statement.
 */

export type BodyRead = { ok: true; text: string } | { ok: false; why: string };

export function bodyText(exchange: Exchange): BodyRead {
  const body = exchange.response.body;
  if (body.stored || body.truncated) {
    return {
      ok: false,
      why: `the body was too large to check here (${exchange.response.bodyBytes} bytes; Lantern keeps only its start in memory)`,
    };
  }
  if (body.encoding !== 'utf8') return { ok: false, why: 'the body is binary, not text' };
  return { ok: true, text: body.text };
}

export type JsonRead = { ok: true; json: unknown } | { ok: false; why: string };

export function bodyJson(exchange: Exchange): JsonRead {
  const text = bodyText(exchange);
  if (!text.ok) return text;
  try {
    return { ok: true, json: JSON.parse(text.text) as unknown };
  } catch {
    return { ok: false, why: `the body is not JSON (it starts "${bodyStart(text.text)}")` };
  }
}

/** The first characters of a body, on one line, for a message. */
export function bodyStart(text: string, length = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length)}…` : line;
}

export type PathRead = { found: true; value: unknown } | { found: false } | { error: string };

/** A JSONPath into a document: one match is its value, several are a list, none is "not found". */
export function readJsonPath(json: unknown, path: string): PathRead {
  const expression = path.trim() === '' ? '$' : path.trim();
  const full = expression.startsWith('$') ? expression : `$.${expression}`;
  try {
    const matches = JSONPath<unknown[]>({ path: full, json: json as object, eval: 'safe', wrap: true });
    if (matches.length === 0) return { found: false };
    return { found: true, value: matches.length === 1 ? matches[0] : matches };
  } catch (error) {
    return {
      error: `"${expression}" is not a JSONPath Lantern can run (${(error as Error).message}). Example: $.data[0].email`,
    };
  }
}

/** Every value of a response header (names compared without case), or undefined when absent. */
export function headerValue(exchange: Exchange, name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  const values = exchange.response.headers.filter(([n]) => n.toLowerCase() === wanted).map(([, v]) => v);
  return values.length === 0 ? undefined : values.join(', ');
}

/** The value a response's Set-Cookie headers give a cookie (the last one wins). */
export function cookieValue(exchange: Exchange, name: string): string | undefined {
  let found: string | undefined;
  for (const [header, value] of exchange.response.headers) {
    if (header.toLowerCase() !== 'set-cookie') continue;
    const pair = value.split(';')[0] ?? '';
    const equals = pair.indexOf('=');
    if (equals < 0) continue;
    if (pair.slice(0, equals).trim() === name.trim()) found = pair.slice(equals + 1).trim();
  }
  return found;
}

/** A value as text: strings as they are, everything else as JSON. */
export function asText(value: unknown): string {
  if (value === undefined) return '(nothing)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
