import { closingIndex, splitArguments, type Token } from './script-tokens';

/**
 * The expressions of a test script that Lantern can read: what a value is taken from (the status,
 * a header, a place in the JSON body…) and literal expected values. Anything else is unknown.
 */

/** What part of the response an expression reads. */
export type Subject =
  | { kind: 'response' }
  | { kind: 'status' }
  | { kind: 'responseTime' }
  | { kind: 'body' }
  | { kind: 'header'; name: string }
  /** A JSONPath into the body; `length` when the expression ends in `.length`. */
  | { kind: 'json'; path: string; length?: boolean };

/** One step of a member chain: `.name`, `[index]` or a call `(…)`. */
export type Step = { name: string } | { index: string | number } | { call: Token[][] };

export interface Dialect {
  /** `pm` or `insomnia`. */
  root: string;
  /** Whether a bare `expect(…)` is chai's (Insomnia unit tests), as `pm.expect(…)` is. */
  bareExpect: boolean;
}

/** A variable the script declared (`const body = pm.response.json()`), by name. */
export type Aliases = Map<string, Subject>;

/** A member chain: its first name and the steps after it; undefined for anything else. */
export function readChain(tokens: readonly Token[]): { base: string; steps: Step[] } | undefined {
  let rest = tokens;
  if (rest[0]?.text === 'await' && rest[0].kind === 'name') rest = rest.slice(1);
  const first = rest[0];
  if (first?.kind !== 'name') return undefined;
  const steps: Step[] = [];
  let i = 1;
  while (i < rest.length) {
    const token = rest[i];
    if (token?.kind === 'punct' && (token.text === '.' || token.text === '?.')) {
      const name = rest[i + 1];
      if (name?.kind !== 'name') return undefined;
      steps.push({ name: name.text });
      i += 2;
      continue;
    }
    if (token?.kind === 'punct' && (token.text === '(' || token.text === '[')) {
      const end = closingIndex(rest, i);
      if (end === -1) return undefined;
      const inside = rest.slice(i + 1, end);
      if (token.text === '(') steps.push({ call: inside.length === 0 ? [] : splitArguments(inside) });
      else {
        const [only, extra] = [inside[0], inside[1]];
        if (!only || extra || (only.kind !== 'string' && only.kind !== 'number')) return undefined;
        steps.push({ index: only.kind === 'number' ? Number(only.text) : only.text });
      }
      i = end + 1;
      continue;
    }
    return undefined;
  }
  return { base: first.text, steps };
}

const isName = (step: Step | undefined, name: string) =>
  step !== undefined && 'name' in step && step.name === name;
const isCall = (step: Step | undefined): step is { call: Token[][] } => step !== undefined && 'call' in step;

/** `a`, `['a b']`, `[0]` appended to a JSONPath. */
function extendPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}['${key.replace(/'/g, "\\'")}']`;
}

/** Follows property and index steps from a subject (a JSON body deeper, `.length`, a response's parts). */
function follow(
  subject: Subject,
  steps: readonly Step[],
  dialect: Dialect,
  aliases: Aliases,
): Subject | undefined {
  let current: Subject = subject;
  for (const [i, step] of steps.entries()) {
    const next = steps[i + 1];
    if (current.kind === 'response') {
      if (isName(step, 'code') || isName(step, 'status')) current = { kind: 'status' };
      else if (isName(step, 'responseTime')) current = { kind: 'responseTime' };
      else if (isName(step, 'json') && isCall(next) && next.call.length === 0) {
        return follow({ kind: 'json', path: '$' }, steps.slice(i + 2), dialect, aliases);
      } else if ((isName(step, 'text') && isCall(next) && next.call.length === 0) || isName(step, 'data')) {
        return follow({ kind: 'body' }, steps.slice(isName(step, 'data') ? i + 1 : i + 2), dialect, aliases);
      } else if (isName(step, 'headers') && isName(next, 'get') && isCall(steps[i + 2])) {
        const name = literalString((steps[i + 2] as { call: Token[][] }).call[0]);
        if (name === undefined || steps.length > i + 3) return undefined;
        return { kind: 'header', name };
      } else return undefined;
      continue;
    }
    if (current.kind !== 'json' || current.length) return undefined;
    if ('call' in step) return undefined;
    if ('name' in step && step.name === 'length' && i === steps.length - 1) {
      current = { ...current, length: true };
      continue;
    }
    current = { kind: 'json', path: extendPath(current.path, 'name' in step ? step.name : step.index) };
  }
  return current;
}

/** What an expression reads from the response, or undefined when it is something else. */
export function subjectOf(tokens: readonly Token[], dialect: Dialect, aliases: Aliases): Subject | undefined {
  const chain = readChain(tokens);
  if (!chain) return undefined;
  const { base, steps } = chain;
  if (base === dialect.root && isName(steps[0], 'response'))
    return follow({ kind: 'response' }, steps.slice(1), dialect, aliases);
  // `JSON.parse(response.data)` or `JSON.parse(pm.response.text())`: the body as JSON.
  if (base === 'JSON' && isName(steps[0], 'parse') && isCall(steps[1]) && steps[1].call.length === 1) {
    const inner = subjectOf(steps[1].call[0] ?? [], dialect, aliases);
    return inner?.kind === 'body'
      ? follow({ kind: 'json', path: '$' }, steps.slice(2), dialect, aliases)
      : undefined;
  }
  // `await insomnia.send()`: the response of the request under test (Insomnia unit tests).
  if (base === dialect.root && isName(steps[0], 'send') && isCall(steps[1]) && steps[1].call.length === 0)
    return follow({ kind: 'response' }, steps.slice(2), dialect, aliases);
  const alias = aliases.get(base);
  return alias && follow(alias, steps, dialect, aliases);
}

/** A string literal's value (a template without `${…}` is one). */
export function literalString(tokens: readonly Token[] | undefined): string | undefined {
  return tokens?.length === 1 && tokens[0]?.kind === 'string' ? tokens[0].text : undefined;
}

/** A JSON value written as a JavaScript literal, or undefined. */
function literalValue(tokens: readonly Token[]): unknown {
  const [first] = tokens;
  if (!first) return undefined;
  if (tokens.length === 1) {
    if (first.kind === 'string') return first.text;
    if (first.kind === 'number') return Number(first.text);
    if (first.kind === 'name' && first.text === 'true') return true;
    if (first.kind === 'name' && first.text === 'false') return false;
    if (first.kind === 'name' && first.text === 'null') return null;
    return undefined;
  }
  if (tokens.length === 2 && first.text === '-' && tokens[1]?.kind === 'number')
    return -Number(tokens[1].text);
  if (first.text !== '[' && first.text !== '{') return undefined;
  if (closingIndex(tokens, 0) !== tokens.length - 1) return undefined;
  const parts = splitArguments(tokens.slice(1, -1)).filter((part) => part.length > 0);
  if (first.text === '[') {
    const items = parts.map(literalValue);
    return items.includes(undefined) ? undefined : items;
  }
  const entries: [string, unknown][] = [];
  for (const part of parts) {
    const [key, colon, ...value] = part;
    if (!key || colon?.text !== ':' || (key.kind !== 'name' && key.kind !== 'string')) return undefined;
    const read = literalValue(value);
    if (read === undefined) return undefined;
    entries.push([key.text, read]);
  }
  return Object.fromEntries(entries);
}

const VARIABLE_STORES = new Set([
  'environment',
  'variables',
  'collectionVariables',
  'globals',
  'iterationData',
  'baseEnvironment',
]);

/**
 * An expected value as Lantern's test rows write it: text, or JSON for arrays and objects; a
 * variable read (`pm.environment.get('id')`) becomes `{{id}}`. Undefined when not a literal.
 */
export function expectedText(tokens: readonly Token[], dialect: Dialect): string | undefined {
  const chain = readChain(tokens);
  if (chain && chain.base === dialect.root && chain.steps.length === 3) {
    const [store, get, call] = chain.steps;
    if (store && 'name' in store && VARIABLE_STORES.has(store.name) && isName(get, 'get') && isCall(call)) {
      const name = literalString(call.call[0]);
      return name !== undefined && call.call.length === 1 && /^[\w.-]+$/.test(name)
        ? `{{${name}}}`
        : undefined;
    }
  }
  const value = literalValue(tokens);
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The expected value is text (a string literal), not a number or JSON. */
export const isStringLiteral = (tokens: readonly Token[]): boolean => literalString(tokens) !== undefined;
