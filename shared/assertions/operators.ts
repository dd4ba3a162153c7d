import type { AssertionOperator } from './model';
import { checkSchema } from './json-schema';
import { asText } from './read-response';

/**
 * The operators of a test row. `expected` is text as typed: compared as a number when the actual
 * value is one, as JSON when it looks like JSON (objects, arrays, true, null), else as text.
 */

export type Verdict = { passed: boolean; message: string };

const TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'] as const;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** The expected text as the same kind of value as `actual`, where that makes sense. */
function expectedLike(actual: unknown, expected: string): unknown {
  const text = expected.trim();
  if (typeof actual === 'string') return expected;
  if (typeof actual === 'number' && text !== '' && Number.isFinite(Number(text))) return Number(text);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return expected;
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) =>
    deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

const equalsExpected = (actual: unknown, expected: string) =>
  deepEqual(actual, expectedLike(actual, expected));

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

/** "2xx", "200-299" or one value: for status codes and other numbers in a `oneOf` list. */
function matchesItem(actual: unknown, item: string): boolean {
  const number = asNumber(actual);
  const klass = /^([1-5])xx$/i.exec(item);
  if (klass && number !== undefined) return Math.floor(number / 100) === Number(klass[1]);
  const range = /^(-?\d+(?:\.\d+)?)\s*-\s*(-?\d+(?:\.\d+)?)$/.exec(item);
  if (range && number !== undefined) return number >= Number(range[1]) && number <= Number(range[2]);
  return equalsExpected(actual, item);
}

function listOf(expected: string): string[] {
  const text = expected.trim();
  if (text.startsWith('[')) {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (Array.isArray(parsed)) return parsed.map((item) => asText(item));
    } catch {
      // Not JSON: read it as a comma-separated list.
    }
  }
  return text.split(',').map((item) => item.trim());
}

function regexOf(expected: string): RegExp | string {
  const literal = /^\/(.*)\/([dgimsuy]*)$/s.exec(expected.trim());
  try {
    return literal ? new RegExp(literal[1] ?? '', literal[2]) : new RegExp(expected);
  } catch (error) {
    return `"${expected}" is not a regular expression: ${(error as Error).message}.`;
  }
}

/** "3", ">0", ">=2", "<10", "<=5" against a length. */
function lengthMatches(length: number, expected: string): boolean | string {
  const match = /^(>=|<=|>|<|=|==)?\s*(\d+)$/.exec(expected.trim());
  if (!match) return `"${expected}" is not a length: write a number, or >N, >=N, <N, <=N.`;
  const n = Number(match[2]);
  switch (match[1]) {
    case '>':
      return length > n;
    case '>=':
      return length >= n;
    case '<':
      return length < n;
    case '<=':
      return length <= n;
    default:
      return length === n;
  }
}

const verdict = (passed: boolean, yes: string, no: string): Verdict => ({
  passed,
  message: passed ? yes : no,
});

/** Applies one operator to a value that was found (`exists`/`notExists` are decided by the caller). */
export function applyOperator(op: AssertionOperator, actual: unknown, expected: string): Verdict {
  const shown = asText(actual);
  switch (op) {
    case 'exists':
      return { passed: true, message: 'It exists.' };
    case 'notExists':
      return { passed: false, message: `It exists (${shown}), and it should not.` };
    case 'equals':
      return verdict(equalsExpected(actual, expected), 'Equal.', `${shown} is not ${expected}.`);
    case 'notEquals':
      return verdict(
        !equalsExpected(actual, expected),
        `Not ${expected}.`,
        `It is ${expected}, and it should not be.`,
      );
    case 'gt':
    case 'lt': {
      const a = asNumber(actual);
      const b = asNumber(expected);
      if (a === undefined)
        return { passed: false, message: `${shown} is not a number, so it cannot be compared.` };
      if (b === undefined)
        return { passed: false, message: `The expected value "${expected}" is not a number.` };
      return op === 'gt'
        ? verdict(a > b, `${a} > ${b}.`, `${a} is not greater than ${b}.`)
        : verdict(a < b, `${a} < ${b}.`, `${a} is not less than ${b}.`);
    }
    case 'contains':
    case 'notContains': {
      let has: boolean;
      if (typeof actual === 'string') has = actual.includes(expected);
      else if (Array.isArray(actual)) has = actual.some((item) => equalsExpected(item, expected));
      else if (typeof actual === 'object' && actual !== null) has = Object.hasOwn(actual, expected);
      else has = asText(actual).includes(expected);
      return op === 'contains'
        ? verdict(has, `It contains ${expected}.`, `${shown} does not contain ${expected}.`)
        : verdict(
            !has,
            `It does not contain ${expected}.`,
            `${shown} contains ${expected}, and it should not.`,
          );
    }
    case 'matches': {
      const regex = regexOf(expected);
      if (typeof regex === 'string') return { passed: false, message: regex };
      return verdict(regex.test(asText(actual)), `It matches ${regex}.`, `${shown} does not match ${regex}.`);
    }
    case 'isType': {
      const wanted = expected.trim().toLowerCase();
      if (!(TYPES as readonly string[]).includes(wanted))
        return { passed: false, message: `"${expected}" is not a type: use one of ${TYPES.join(', ')}.` };
      const actualType = typeOf(actual);
      const passed = wanted === 'integer' ? Number.isInteger(actual) : actualType === wanted;
      return verdict(
        passed,
        `It is ${wanted === 'integer' ? 'an integer' : `of type ${wanted}`}.`,
        `It is of type ${actualType}, not ${wanted}.`,
      );
    }
    case 'length': {
      const length =
        typeof actual === 'string' || Array.isArray(actual)
          ? actual.length
          : typeof actual === 'object' && actual !== null
            ? Object.keys(actual).length
            : undefined;
      if (length === undefined)
        return { passed: false, message: `${shown} has no length (it is of type ${typeOf(actual)}).` };
      const matches = lengthMatches(length, expected);
      if (typeof matches === 'string') return { passed: false, message: matches };
      return verdict(matches, `Its length is ${length}.`, `Its length is ${length}, not ${expected.trim()}.`);
    }
    case 'oneOf': {
      const items = listOf(expected);
      return verdict(
        items.some((item) => matchesItem(actual, item)),
        `It is one of ${items.join(', ')}.`,
        `${shown} is not one of ${items.join(', ')}.`,
      );
    }
    case 'matchesSchema': {
      const check = checkSchema(actual, expected);
      if ('error' in check) return { passed: false, message: check.error };
      return check.ok
        ? { passed: true, message: 'It matches the JSON Schema.' }
        : { passed: false, message: `It does not match the JSON Schema: ${check.problems.join('; ')}.` };
    }
  }
}
