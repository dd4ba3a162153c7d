import type { Exchange } from '../model/response';
import { looksSecret } from '../redact/secret-names';
import type { Capture, CaptureResult } from './model';
import {
  asText,
  bodyJson,
  bodyStart,
  bodyText,
  cookieValue,
  headerValue,
  readJsonPath,
} from './read-response';

/** A capture that found a value: the value itself stays on the main side (the vault, the run). */
export interface CapturedValue {
  capture: Capture;
  value: string;
  secret: boolean;
}

export interface CaptureOutcome {
  results: CaptureResult[];
  values: CapturedValue[];
}

/** The last word of a JSONPath or header name: `$.data.access_token` → `access_token`. */
const lastName = (path: string) =>
  path
    .replace(/\[['"]?([^'"\]]*)['"]?\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .pop() ?? '';

/**
 * A capture is a secret when marked so, when it takes a cookie, or when its variable or the field
 * it reads is named like a credential (token, password, secret, session, api key…).
 */
export function captureIsSecret(capture: Capture): boolean {
  if (capture.secret !== undefined) return capture.secret;
  if (capture.from === 'cookie') return true;
  if (looksSecret(capture.name)) return true;
  const path = capture.path ?? '';
  if (capture.from === 'header')
    return /authorization|token|secret|session|api-?key|cookie/i.test(path) || looksSecret(path);
  if (capture.from === 'jsonPath') return looksSecret(lastName(path));
  return false;
}

type Found = { ok: true; value: string; path: string } | { ok: false; path: string; message: string };

function describe(capture: Capture): string {
  const path = capture.path?.trim() ?? '';
  switch (capture.from) {
    case 'status':
      return 'status';
    case 'header':
      return `header ${path}`;
    case 'cookie':
      return `cookie ${path}`;
    case 'regex':
      return `regex /${path}/`;
    case 'jsonPath':
      return path === '' ? '$' : path;
  }
}

function find(capture: Capture, exchange: Exchange, maskText: (text: string) => string): Found {
  const path = describe(capture);
  const where = capture.path?.trim() ?? '';
  // The start of the body says what came back instead: masked, since it may hold a secret.
  const start = () => {
    const text = bodyText(exchange);
    return text.ok ? ` The body starts "${bodyStart(maskText(text.text))}".` : ` (${text.why}.)`;
  };
  const nothing = (extra = '') => ({
    ok: false as const,
    path,
    message: `Nothing was found at ${path}.${extra}`,
  });
  switch (capture.from) {
    case 'status':
      return { ok: true, value: String(exchange.response.status), path };
    case 'header':
    case 'cookie': {
      if (where === '')
        return { ok: false, path, message: `Name the ${capture.from} to take the value from.` };
      const value = capture.from === 'header' ? headerValue(exchange, where) : cookieValue(exchange, where);
      return value === undefined
        ? nothing(` The response has no ${capture.from} "${where}".`)
        : { ok: true, value, path };
    }
    case 'jsonPath': {
      const json = bodyJson(exchange);
      if (!json.ok) return { ok: false, path, message: `Nothing was captured from ${path}: ${json.why}.` };
      const read = readJsonPath(json.json, where);
      if ('error' in read) return { ok: false, path, message: read.error };
      if (!read.found || read.value === undefined) return nothing(start());
      return { ok: true, value: asText(read.value), path };
    }
    case 'regex': {
      const text = bodyText(exchange);
      if (!text.ok) return { ok: false, path, message: `Nothing was captured with ${path}: ${text.why}.` };
      let regex: RegExp;
      try {
        regex = new RegExp(where);
      } catch (error) {
        return {
          ok: false,
          path,
          message: `"${where}" is not a regular expression: ${(error as Error).message}.`,
        };
      }
      const match = regex.exec(text.text);
      if (!match) return nothing(start());
      const group = capture.group ?? (match.length > 1 ? 1 : 0);
      const value = match[group];
      if (value === undefined)
        return nothing(` The expression matched, but it has no group ${group}.${start()}`);
      return { ok: true, value, path };
    }
  }
}

/**
 * Applies every enabled capture to a (raw) response. What the results show is masked: a secret
 * capture's value always, other values through `mask` (the send's masking list).
 */
export function runCaptures(
  captures: readonly Capture[],
  exchange: Exchange,
  mask: (text: string) => string = (text) => text,
): CaptureOutcome {
  const results: CaptureResult[] = [];
  const values: CapturedValue[] = [];
  for (const capture of captures.filter((c) => c.enabled)) {
    const found = find(capture, exchange, mask);
    const secret = captureIsSecret(capture);
    if (!found.ok) {
      results.push({
        name: capture.name,
        scope: capture.scope,
        ok: false,
        secret,
        path: found.path,
        message: mask(found.message),
      });
      continue;
    }
    values.push({ capture, value: found.value, secret });
    const shown = secret
      ? '••••'
      : mask(found.value.length > 300 ? `${found.value.slice(0, 300)}…` : found.value);
    const where = capture.scope === 'environment' ? 'saved in the active environment' : 'kept for this run';
    results.push({
      name: capture.name,
      scope: capture.scope,
      ok: true,
      secret,
      value: shown,
      path: found.path,
      message: `{{${capture.name}}} ${where}${secret ? ' as a secret' : ''}.`,
    });
  }
  return { results, values };
}
