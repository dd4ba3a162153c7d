/**
 * A small tokenizer for the JavaScript of Postman and Insomnia test scripts: enough to recognise
 * the statement shapes `script-tests.ts` translates, never to run anything. Strings in single,
 * double and back quotes (a template with `${…}` is kept as one opaque token), comments skipped,
 * regular expression literals kept whole where an expression may start.
 */

export type TokenKind = 'name' | 'number' | 'string' | 'template' | 'regex' | 'punct';

export interface Token {
  kind: TokenKind;
  /** The token's text; for a string, its value without quotes and with escapes read. */
  text: string;
  /** 1-based line of the token's first character. */
  line: number;
  /** 1-based line of its last character (a template or a comment-free string may span lines). */
  endLine: number;
}

const PUNCTUATION = [
  '===',
  '!==',
  '...',
  '=>',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '??',
  '?.',
  '++',
  '--',
  '+=',
  '-=',
];
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };
/** After these, a `/` starts a regular expression rather than a division. */
const EXPRESSION_START = new Set([
  '(',
  ',',
  '=',
  ':',
  '[',
  '!',
  '&&',
  '||',
  '?',
  '{',
  '}',
  ';',
  '=>',
  'return',
]);

function readString(
  source: string,
  start: number,
  quote: string,
): { value: string; end: number } | undefined {
  let value = '';
  let i = start + 1;
  while (i < source.length) {
    const c = source[i] ?? '';
    if (c === quote) return { value, end: i + 1 };
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      value += ESCAPES[next] ?? (next === '\n' ? '' : next);
      i += 2;
      continue;
    }
    if (c === '\n' && quote !== '`') return undefined;
    value += c;
    i += 1;
  }
  return undefined;
}

function readRegex(source: string, start: number): number | undefined {
  let i = start + 1;
  let inClass = false;
  while (i < source.length) {
    const c = source[i];
    if (c === '\n') return undefined;
    if (c === '\\') i += 1;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) {
      i += 1;
      while (/[a-z]/i.test(source[i] ?? '')) i += 1;
      return i;
    }
    i += 1;
  }
  return undefined;
}

/** The tokens of a script, or the line where it stops being readable (an unclosed string). */
export function tokenize(source: string): { tokens: Token[]; unreadableFrom?: number } {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  const lineAt = (from: number, to: number) => line + (source.slice(from, to).match(/\n/g)?.length ?? 0);
  while (i < source.length) {
    const c = source[i] ?? '';
    if (c === '\n') {
      line += 1;
      i += 1;
      continue;
    }
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    if (source.startsWith('//', i)) {
      while (i < source.length && source[i] !== '\n') i += 1;
      continue;
    }
    if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      line = lineAt(i, stop);
      i = stop;
      continue;
    }
    const start = i;
    if (c === '"' || c === "'" || c === '`') {
      const read = readString(source, i, c);
      if (!read) return { tokens, unreadableFrom: line };
      const raw = source.slice(i, read.end);
      const kind = c === '`' && raw.includes('${') ? 'template' : 'string';
      const endLine = lineAt(i, read.end);
      tokens.push({ kind, text: kind === 'template' ? raw : read.value, line, endLine });
      line = endLine;
      i = read.end;
      continue;
    }
    const previous = tokens.at(-1);
    if (c === '/' && (!previous || EXPRESSION_START.has(previous.text) || previous.kind === 'punct')) {
      const end = readRegex(source, i);
      if (end !== undefined && previous?.text !== ')' && previous?.text !== ']') {
        tokens.push({ kind: 'regex', text: source.slice(i, end), line, endLine: line });
        i = end;
        continue;
      }
    }
    const word = /^[A-Za-z_$][\w$]*/.exec(source.slice(i, i + 200));
    if (word) {
      tokens.push({ kind: 'name', text: word[0], line, endLine: line });
      i += word[0].length;
      continue;
    }
    const number = /^(?:0[xX][0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+)/.exec(
      source.slice(i, i + 100),
    );
    if (number) {
      tokens.push({ kind: 'number', text: number[0], line, endLine: line });
      i += number[0].length;
      continue;
    }
    const punct = PUNCTUATION.find((p) => source.startsWith(p, i)) ?? c;
    tokens.push({ kind: 'punct', text: punct, line, endLine: line });
    i = start + punct.length;
  }
  return { tokens };
}

/** Tokens after which a line break does not end a statement: the expression goes on. */
const CONTINUES_AFTER = new Set([
  '.',
  '?.',
  ',',
  '(',
  '[',
  '{',
  '=',
  '=>',
  '&&',
  '||',
  '??',
  '+',
  '-',
  '*',
  '?',
  ':',
]);

/**
 * Splits tokens into top-level statements: at `;`, or at a line break where the expression cannot
 * go on (the next line does not start with `.`, and the line does not end in an operator).
 */
export function splitStatements(tokens: readonly Token[]): Token[][] {
  const statements: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  const close = () => {
    if (current.length > 0) statements.push(current);
    current = [];
  };
  for (const [index, token] of tokens.entries()) {
    if (depth === 0 && token.text === ';' && token.kind === 'punct') {
      close();
      continue;
    }
    const previous = current.at(-1);
    if (
      depth === 0 &&
      previous &&
      token.line > previous.endLine &&
      !CONTINUES_AFTER.has(previous.text) &&
      token.text !== '.' &&
      token.text !== '?.'
    ) {
      close();
    }
    current.push(token);
    if (token.kind === 'punct' && ['(', '[', '{'].includes(token.text)) depth += 1;
    if (token.kind === 'punct' && [')', ']', '}'].includes(token.text)) depth = Math.max(0, depth - 1);
    if (index === tokens.length - 1) close();
  }
  close();
  return statements;
}

/** The token index of the bracket that closes the one at `open`, or -1. */
export function closingIndex(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (token?.kind !== 'punct') continue;
    if (['(', '[', '{'].includes(token.text)) depth += 1;
    if ([')', ']', '}'].includes(token.text)) {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Splits a bracket's inside at its top-level commas. */
export function splitArguments(tokens: readonly Token[]): Token[][] {
  const parts: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  for (const token of tokens) {
    if (token.kind === 'punct' && ['(', '[', '{'].includes(token.text)) depth += 1;
    if (token.kind === 'punct' && [')', ']', '}'].includes(token.text)) depth -= 1;
    if (depth === 0 && token.kind === 'punct' && token.text === ',') {
      parts.push(current);
      current = [];
      continue;
    }
    current.push(token);
  }
  if (current.length > 0 || parts.length > 0) parts.push(current);
  return parts;
}
