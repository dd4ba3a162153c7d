import type { Exchange } from '../model/response';
import type { Assertion, AssertionResult } from './model';
import { OPERATORS_WITHOUT_EXPECTED } from './model';
import { applyOperator } from './operators';
import { asText, bodyJson, bodyText, cookieValue, headerValue, readJsonPath } from './read-response';

/** What a target gives: a value, nothing, or a reason it could not be read. */
type Read = { found: true; value: unknown } | { found: false } | { error: string; unchecked?: boolean };

/** `{{variables}}` in an expected value, resolved by the caller's scope (shared/template). */
export type ResolveText = (text: string) => { ok: true; text: string } | { ok: false; message: string };

export interface EvaluateOptions {
  resolve?: ResolveText;
  /** Masks secrets in what a result shows (the send's masking list). */
  mask?: (text: string) => string;
}

const MAX_SHOWN = 300;
const cut = (text: string) => (text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text);

/** How a result names what it evaluated. */
export function describeTarget(assertion: Pick<Assertion, 'target' | 'path'>): string {
  const path = assertion.path?.trim() ?? '';
  switch (assertion.target) {
    case 'status':
      return 'status';
    case 'header':
      return `header ${path}`;
    case 'responseTime':
      return 'response time (ms)';
    case 'bodySize':
      return 'body size (bytes)';
    case 'body':
      return 'body';
    case 'cookie':
      return `cookie ${path}`;
    case 'jsonPath':
      return path === '' ? '$' : path;
    case 'graphqlData':
      return `data${path === '' || path === '$' ? '' : `.${path.replace(/^\$\.?/, '')}`}`;
    case 'graphqlErrors':
      return `errors${path === '' || path === '$' ? '' : `.${path.replace(/^\$\.?/, '')}`}`;
    case 'noGraphqlErrors':
      return 'errors';
  }
}

function readTarget(assertion: Assertion, exchange: Exchange): Read {
  const path = assertion.path?.trim() ?? '';
  switch (assertion.target) {
    case 'status':
      return { found: true, value: exchange.response.status };
    case 'responseTime':
      return { found: true, value: Math.round(exchange.timings.totalMs) };
    case 'bodySize':
      return { found: true, value: exchange.response.bodyBytes };
    case 'body': {
      const text = bodyText(exchange);
      return text.ok
        ? { found: true, value: text.text }
        : { error: `Not checked: ${text.why}.`, unchecked: true };
    }
    case 'header':
    case 'cookie': {
      if (path === '') return { error: `Name the ${assertion.target} to check.` };
      const value = assertion.target === 'header' ? headerValue(exchange, path) : cookieValue(exchange, path);
      return value === undefined ? { found: false } : { found: true, value };
    }
    case 'jsonPath':
    case 'graphqlData':
    case 'graphqlErrors':
    case 'noGraphqlErrors': {
      const json = bodyJson(exchange);
      if (!json.ok) return { error: `Not checked: ${json.why}.`, unchecked: true };
      if (assertion.target === 'jsonPath') return readJsonPath(json.json, path);
      const document = (json.json ?? {}) as Record<string, unknown>;
      const part = assertion.target === 'graphqlData' ? document.data : document.errors;
      if (assertion.target === 'noGraphqlErrors')
        return part === undefined || (Array.isArray(part) && part.length === 0)
          ? { found: false }
          : { found: true, value: part };
      if (part === undefined || part === null) return { found: false };
      return readJsonPath(part, path);
    }
  }
}

function evaluateOne(assertion: Assertion, exchange: Exchange, options: EvaluateOptions): AssertionResult {
  const mask = options.mask ?? ((text: string) => text);
  const path = describeTarget(assertion);
  const base = { assertion, path, ...(assertion.from ? { from: assertion.from } : {}) };
  let expected = assertion.expected ?? '';
  if (options.resolve && !OPERATORS_WITHOUT_EXPECTED.has(assertion.op)) {
    const resolved = options.resolve(expected);
    if (!resolved.ok)
      return { ...base, passed: false, actual: '', expected: mask(expected), message: resolved.message };
    expected = resolved.text;
  }
  const fail = (message: string, actual = '', unchecked = false) => ({
    ...base,
    passed: false,
    ...(unchecked ? { unchecked: true } : {}),
    actual: mask(cut(actual)),
    expected: mask(cut(expected)),
    message: mask(message),
  });
  const read = readTarget(assertion, exchange);
  if ('error' in read) return fail(read.error, '', read.unchecked);
  if (assertion.target === 'noGraphqlErrors') {
    if (!read.found)
      return {
        ...base,
        passed: true,
        actual: 'no errors',
        expected: 'no errors',
        message: 'The response has no GraphQL errors.',
      };
    const messages = (Array.isArray(read.value) ? read.value : [read.value])
      .map((e) => (typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : asText(e)))
      .join('; ');
    return {
      ...fail(`The response has GraphQL errors: ${messages}`, asText(read.value)),
      expected: 'no errors',
    };
  }
  if (!read.found) {
    if (assertion.op === 'notExists')
      return { ...base, passed: true, actual: '(nothing)', expected: '', message: `Nothing is at ${path}.` };
    return fail(`Nothing is at ${path}.`, '(nothing)');
  }
  const verdict = applyOperator(assertion.op, read.value, expected);
  const actual = asText(read.value);
  if (!verdict.passed) return fail(verdict.message, actual);
  return {
    ...base,
    passed: true,
    actual: mask(cut(actual)),
    expected: mask(cut(expected)),
    message: mask(verdict.message),
  };
}

/** Every enabled row, in order, against one exchange (the raw one: the caller masks through `mask`). */
export function evaluateAssertions(
  assertions: readonly Assertion[],
  exchange: Exchange,
  options: EvaluateOptions = {},
): AssertionResult[] {
  return assertions.filter((a) => a.enabled).map((a) => evaluateOne(a, exchange, options));
}
