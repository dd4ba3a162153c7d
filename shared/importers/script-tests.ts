import type { Assertion, AssertionOperator, Capture } from '../assertions/model';
import {
  expectedText,
  literalString,
  readChain,
  subjectOf,
  type Aliases,
  type Dialect,
  type Step,
  type Subject,
} from './script-expressions';
import { closingIndex, splitStatements, tokenize, type Token } from './script-tokens';

/**
 * Postman and Insomnia test scripts read as Lantern test rows and captures (issue 15 §5). Nothing
 * is run: statements of the shapes below are recognised token by token, every other line is
 * returned as untranslated so the import report can name it.
 */

export interface ScriptTranslation {
  tests: Assertion[];
  captures: Capture[];
  /** Where each capture was set, in the same order: its first line and that line's text. */
  captureLines: { line: number; text: string }[];
  /** Lines (1-based) that became nothing, with their text; blank and comment-only lines excluded. */
  untranslated: { line: number; text: string }[];
}

export const POSTMAN: Dialect = { root: 'pm', bareExpect: false };
export const INSOMNIA: Dialect = { root: 'insomnia', bareExpect: true };

/** Words of a chai chain that only read well. */
const LANGUAGE_CHAINS = new Set([
  'to',
  'be',
  'been',
  'is',
  'that',
  'which',
  'and',
  'has',
  'have',
  'with',
  'at',
  'of',
  'same',
  'does',
  'still',
  'deep',
]);
/** chai terminal words → Lantern operators (with and without `.not`). */
const CALLS: Record<string, [AssertionOperator, AssertionOperator | undefined]> = {
  eql: ['equals', 'notEquals'],
  eqls: ['equals', 'notEquals'],
  equal: ['equals', 'notEquals'],
  equals: ['equals', 'notEquals'],
  eq: ['equals', 'notEquals'],
  include: ['contains', 'notContains'],
  includes: ['contains', 'notContains'],
  contain: ['contains', 'notContains'],
  contains: ['contains', 'notContains'],
  above: ['gt', undefined],
  gt: ['gt', undefined],
  greaterThan: ['gt', undefined],
  below: ['lt', undefined],
  lt: ['lt', undefined],
  lessThan: ['lt', undefined],
  match: ['matches', undefined],
  matches: ['matches', undefined],
  oneOf: ['oneOf', undefined],
  a: ['isType', undefined],
  an: ['isType', undefined],
  lengthOf: ['length', undefined],
  length: ['length', undefined],
};
/** chai properties that end a chain: `.to.be.true`, `.to.exist`, `.to.be.empty`. */
const PROPERTIES: Record<string, { op: AssertionOperator; expected?: string; not?: AssertionOperator }> = {
  true: { op: 'equals', expected: 'true', not: 'notEquals' },
  false: { op: 'equals', expected: 'false', not: 'notEquals' },
  null: { op: 'equals', expected: 'null', not: 'notEquals' },
  exist: { op: 'exists', not: 'notExists' },
  undefined: { op: 'notExists', not: 'exists' },
  empty: { op: 'length', expected: '0' },
};
/** chai-postman's status names on `pm.response.to.be.…`. */
const STATUS_NAMES: Record<string, string> = {
  ok: '200',
  accepted: '202',
  withoutContent: '204',
  badRequest: '400',
  unauthorized: '401',
  unauthorised: '401',
  forbidden: '403',
  notFound: '404',
  rateLimited: '429',
  info: '1xx',
  success: '2xx',
  redirection: '3xx',
  clientError: '4xx',
  serverError: '5xx',
  error: '4xx,5xx',
};
const isName = (step: Step | undefined, name: string): boolean =>
  step !== undefined && 'name' in step && step.name === name;
const TYPES = new Set(['string', 'number', 'boolean', 'object', 'array', 'null']);

type Row = Omit<Assertion, 'enabled' | 'name'>;

/** A subject and an operator as one test row; undefined where Lantern has no such row. */
function rowFor(subject: Subject, op: AssertionOperator, expected: string | undefined): Row | undefined {
  if (subject.kind === 'response') return undefined;
  if (op === 'isType') {
    if (expected === 'undefined') return rowFor(subject, 'notExists', undefined);
    if (!TYPES.has(expected ?? '') || subject.kind !== 'json' || subject.length) return undefined;
  }
  const withExpected = expected === undefined ? {} : { expected };
  if (subject.kind === 'json' && subject.length) {
    const length = { equals: '', gt: '>', lt: '<', length: '' }[op as string];
    if (length === undefined || expected === undefined || !/^\d+$/.test(expected)) return undefined;
    return { target: 'jsonPath', path: subject.path, op: 'length', expected: `${length}${expected}` };
  }
  if (subject.kind === 'json') return { target: 'jsonPath', path: subject.path, op, ...withExpected };
  if (subject.kind === 'header') return { target: 'header', path: subject.name, op, ...withExpected };
  if (op === 'length' || op === 'isType') return undefined;
  return { target: subject.kind, op, ...withExpected };
}

/** `.to.not.have.property('id')` and friends after `pm.expect(subject)`. */
function chaiRow(subject: Subject, steps: readonly Step[], dialect: Dialect): Row | undefined {
  let negated = false;
  for (const [i, step] of steps.entries()) {
    if (!('name' in step)) return undefined;
    const next = steps[i + 1];
    const call = next && 'call' in next ? next.call : undefined;
    const afterCall = steps.slice(i + (call ? 2 : 1));
    // A chain may go on only with language words (`.to.be.a('object').and.…` is two assertions).
    if (afterCall.length > 0) {
      if (LANGUAGE_CHAINS.has(step.name) || step.name === 'not') {
        if (step.name === 'not') negated = !negated;
        continue;
      }
      return undefined;
    }
    if (step.name === 'not') return undefined;
    const property = PROPERTIES[step.name];
    if (property && !call) {
      const op = negated ? property.not : property.op;
      return op && rowFor(subject, op, property.expected);
    }
    if (step.name === 'property' && call && subject.kind === 'json' && !subject.length) {
      const key = literalString(call[0]);
      if (key === undefined || call.length > 2) return undefined;
      const path = /^[A-Za-z_$][\w$]*$/.test(key) ? `${subject.path}.${key}` : `${subject.path}['${key}']`;
      const inner: Subject = { kind: 'json', path };
      if (call.length === 1) return rowFor(inner, negated ? 'notExists' : 'exists', undefined);
      const expected = expectedText(call[1] ?? [], dialect);
      return expected === undefined ? undefined : rowFor(inner, negated ? 'notEquals' : 'equals', expected);
    }
    const ops = CALLS[step.name];
    if (!ops || !call || call.length !== 1) return undefined;
    const op = negated ? ops[1] : ops[0];
    const argument = call[0] ?? [];
    const regex = argument.length === 1 && argument[0]?.kind === 'regex' ? argument[0].text : undefined;
    const expected = op === 'matches' ? regex : expectedText(argument, dialect);
    // chai's include of an object is a subset match, which no Lantern operator is.
    if (!op || expected === undefined || (op.endsWith('ontains') && expected.startsWith('{')))
      return undefined;
    if (op === 'oneOf' && !expected.startsWith('[')) return undefined;
    return rowFor(subject, op, expected);
  }
  return undefined;
}

/** `pm.response.to.have.status(200)`, `.to.have.header('X', 'v')`, `.to.be.ok`. */
function responseRow(steps: readonly Step[], dialect: Dialect): Row | undefined {
  const last = steps.at(-1);
  const call = last && 'call' in last ? last.call : undefined;
  const verbStep = steps.at(call ? -2 : -1);
  if (!verbStep || !('name' in verbStep) || !isName(steps[0], 'to')) return undefined;
  let negated = false;
  for (const step of steps.slice(0, call ? -2 : -1)) {
    if (!('name' in step) || (step.name !== 'not' && !LANGUAGE_CHAINS.has(step.name))) return undefined;
    if (step.name === 'not') negated = !negated;
  }
  const verb = verbStep.name;
  if (!call) {
    const status = STATUS_NAMES[verb];
    if (negated && verb === 'serverError') return { target: 'status', op: 'lt', expected: '500' };
    // "Not 2xx" has no row; "not 404" is notEquals.
    if (status === undefined || (negated && !/^\d+$/.test(status))) return undefined;
    const op = negated ? 'notEquals' : /^\d+$/.test(status) ? 'equals' : 'oneOf';
    return { target: 'status', op, expected: status };
  }
  if (verb === 'status' && call.length === 1) {
    const code = call[0];
    if (code?.length !== 1 || code[0]?.kind !== 'number') return undefined;
    return { target: 'status', op: negated ? 'notEquals' : 'equals', expected: code[0].text };
  }
  if (verb === 'header' && (call.length === 1 || call.length === 2)) {
    const name = literalString(call[0]);
    if (name === undefined) return undefined;
    if (call.length === 1) return { target: 'header', path: name, op: negated ? 'notExists' : 'exists' };
    const expected = expectedText(call[1] ?? [], dialect);
    if (expected === undefined) return undefined;
    return { target: 'header', path: name, op: negated ? 'notEquals' : 'equals', expected };
  }
  return undefined;
}

const CAPTURE_SCOPES: Record<string, Capture['scope']> = {
  environment: 'environment',
  baseEnvironment: 'environment',
  collectionVariables: 'run',
  variables: 'run',
};

/** `pm.environment.set('token', pm.response.json().access_token)` → a capture. */
function captureOf(store: string, call: Token[][], dialect: Dialect, aliases: Aliases): Capture | undefined {
  const scope = CAPTURE_SCOPES[store];
  const name = literalString(call[0]);
  if (!scope || call.length !== 2 || name === undefined || !/^[A-Za-z0-9_.-]+$/.test(name)) return undefined;
  const subject = subjectOf(call[1] ?? [], dialect, aliases);
  const base = { enabled: true, name, scope };
  if (subject?.kind === 'json' && !subject.length) return { ...base, from: 'jsonPath', path: subject.path };
  if (subject?.kind === 'header') return { ...base, from: 'header', path: subject.name };
  if (subject?.kind === 'status') return { ...base, from: 'status' };
  return undefined;
}

/** The tokens of a callback's body: `function () { … }`, `() => { … }` or `() => expression`. */
function callbackBody(tokens: readonly Token[]): Token[] | undefined {
  let i = tokens[0]?.text === 'async' ? 1 : 0;
  if (tokens[i]?.text === 'function') {
    i += tokens[i + 1]?.kind === 'name' ? 2 : 1;
  }
  if (tokens[i]?.text !== '(') return undefined;
  const close = closingIndex(tokens, i);
  if (close === -1) return undefined;
  let start = close + 1;
  if (tokens[start]?.text === '=>') start += 1;
  if (tokens[start]?.text !== '{') return tokens[close + 1]?.text === '=>' ? tokens.slice(start) : undefined;
  const end = closingIndex(tokens, start);
  return end === tokens.length - 1 ? tokens.slice(start + 1, end) : undefined;
}

class Translator {
  readonly tests: Assertion[] = [];
  readonly captures: Capture[] = [];
  readonly captureLines: number[] = [];
  readonly untranslatedStatements: Token[][] = [];
  private readonly aliases: Aliases = new Map();

  constructor(private readonly dialect: Dialect) {}

  statements(tokens: readonly Token[], testName?: string): void {
    for (const statement of splitStatements(tokens))
      if (!this.statement(statement, testName)) this.untranslatedStatements.push(statement);
  }

  /** Whether the statement was translated (a test's statements report their own lines). */
  private statement(tokens: Token[], testName?: string): boolean {
    const { root } = this.dialect;
    const [first, second, third] = tokens;
    if (first?.kind === 'name' && ['const', 'let', 'var'].includes(first.text) && second?.kind === 'name') {
      if (third?.text !== '=') return false;
      const subject = subjectOf(tokens.slice(3), this.dialect, this.aliases);
      if (subject) this.aliases.set(second.text, subject);
      return subject !== undefined;
    }
    const chain = readChain(tokens);
    if (!chain) return false;
    const { base, steps } = chain;
    const [head, call] = steps;
    const callArgs = call && 'call' in call ? call.call : undefined;
    if (base === root && head && 'name' in head && head.name === 'test' && callArgs?.length === 2) {
      const name = literalString(callArgs[0]);
      const body = callbackBody(callArgs[1] ?? []);
      if (name === undefined || body === undefined || steps.length !== 2) return false;
      const before = this.tests.length + this.captures.length;
      this.statements(body, name);
      return this.tests.length + this.captures.length > before;
    }
    if (base === root && head && 'name' in head && CAPTURE_SCOPES[head.name] !== undefined) {
      const set = steps[1];
      const args = steps[2];
      if (steps.length !== 3 || !set || !('name' in set) || set.name !== 'set' || !args || !('call' in args))
        return false;
      const capture = captureOf(head.name, args.call, this.dialect, this.aliases);
      if (capture) {
        this.captures.push(capture);
        this.captureLines.push(tokens[0]?.line ?? 1);
      }
      return capture !== undefined;
    }
    let row: Row | undefined;
    const isExpect =
      (base === root && head && 'name' in head && head.name === 'expect') ||
      (base === 'expect' && this.dialect.bareExpect);
    const expectCall = base === 'expect' ? head : call;
    if (isExpect && expectCall && 'call' in expectCall && expectCall.call.length === 1) {
      const subject = subjectOf(expectCall.call[0] ?? [], this.dialect, this.aliases);
      row = subject && chaiRow(subject, steps.slice(base === 'expect' ? 1 : 2), this.dialect);
    } else if (base === root && head && 'name' in head && head.name === 'response') {
      row = responseRow(steps.slice(1), this.dialect);
    }
    if (row)
      this.tests.push({ ...(testName !== undefined ? { name: testName } : {}), enabled: true, ...row });
    return row !== undefined;
  }
}

const isCommentOrBlank = (line: string) => /^\s*(\/\/.*|\/\*.*\*\/\s*)?$/.test(line);

/** Translates one test script; `dialect` says whose API it calls (`pm.…` or `insomnia.…`). */
export function translateTestScript(code: string, dialect: Dialect = POSTMAN): ScriptTranslation {
  const lines = code.split(/\r?\n/);
  const { tokens, unreadableFrom } = tokenize(code);
  const translator = new Translator(dialect);
  translator.statements(tokens);
  const reported = new Set<number>();
  for (const statement of translator.untranslatedStatements) {
    const from = statement[0]?.line ?? 1;
    const to = statement.at(-1)?.endLine ?? from;
    for (let line = from; line <= to; line += 1) reported.add(line);
  }
  if (unreadableFrom !== undefined)
    for (let line = unreadableFrom; line <= lines.length; line += 1) reported.add(line);
  const untranslated = [...reported]
    .sort((a, b) => a - b)
    .map((line) => ({ line, text: (lines[line - 1] ?? '').trim() }))
    .filter((entry) => !isCommentOrBlank(entry.text));
  const captureLines = translator.captureLines.map((line) => ({
    line,
    text: (lines[line - 1] ?? '').trim(),
  }));
  return { tests: translator.tests, captures: translator.captures, captureLines, untranslated };
}
