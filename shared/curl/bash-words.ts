import { readAnsiC } from './ansi-c';
import { describePosition, type ShellWordsResult } from './shell-words';

const BLANK = new Set([' ', '\t', '\r']);
const OPERATORS = new Set(['|', '&', ';', '<', '>']);
/** Escapes that a backslash inside double quotes removes; before anything else it stays. */
const DOUBLE_QUOTE_ESCAPES = new Set(['$', '`', '"', '\\']);
const VARIABLE = /^\$(\{[^}]*\}?|\(|[A-Za-z_][A-Za-z0-9_]*)/;

/**
 * A bash word splitter: quotes, escapes and continuations, no expansion. It stops at the
 * first unquoted newline or control operator, so `curl … | jq .` yields curl's words only.
 */
export function splitBashWords(text: string): ShellWordsResult {
  const words: string[] = [];
  const notes: string[] = [];
  let word = '';
  let inWord = false;
  const endWord = (): void => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const unterminated = (quote: string, at: number): ShellWordsResult => ({
    ok: false,
    error:
      `The command ends inside a quoted value: the ${quote} opened at ${describePosition(text, at)} is never closed.` +
      ' The command was probably cut short when it was copied: copy it again in full.',
  });
  const noteVariable = (at: number): void => {
    const match = VARIABLE.exec(text.slice(at));
    if (!match) return;
    const shown = match[0] === '$(' ? '$(…)' : match[0];
    notes.push(
      `${shown} is shell syntax (a variable or command): Lantern does not run a shell, so it was kept as the` +
        ' literal text. Replace it with the real value.',
    );
  };

  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    const next = text.charAt(i + 1);
    if (BLANK.has(c)) {
      endWord();
      i += 1;
    } else if (c === '\n' || OPERATORS.has(c)) {
      endWord();
      if (c === '\n' && words.length === 0) {
        i += 1; // blank lines before the command
        continue;
      }
      const rest = text.slice(i + 1).trim();
      if (c === '\n' && rest === '') break;
      return { ok: true, words, notes, stoppedAt: { operator: c === '\n' ? 'newline' : c, rest } };
    } else if (c === '#' && !inWord) {
      while (i < text.length && text.charAt(i) !== '\n') i += 1;
    } else if (c === '\\') {
      if (next === '\n') i += 2;
      else if (next === '\r' && text.charAt(i + 2) === '\n') i += 3;
      else {
        word += next;
        inWord = true;
        i += 2;
      }
    } else if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) return unterminated("'", i);
      word += text.slice(i + 1, close);
      inWord = true;
      i = close + 1;
    } else if (c === '$' && next === "'") {
      const read = readAnsiC(text, i + 2);
      if (!read.ok) return unterminated("$'", i);
      word += read.value;
      inWord = true;
      i = read.end;
    } else if (c === '"' || (c === '$' && next === '"')) {
      const open = i;
      i += c === '$' ? 2 : 1;
      for (;;) {
        if (i >= text.length) return unterminated('"', open);
        const q = text.charAt(i);
        if (q === '"') break;
        if (q === '\\' && text.charAt(i + 1) === '\n') {
          i += 2;
        } else if (q === '\\' && DOUBLE_QUOTE_ESCAPES.has(text.charAt(i + 1))) {
          word += text.charAt(i + 1);
          i += 2;
        } else {
          if (q === '$') noteVariable(i);
          word += q;
          i += 1;
        }
      }
      inWord = true;
      i += 1;
    } else {
      if (c === '$') noteVariable(i);
      word += c;
      inWord = true;
      i += 1;
    }
  }
  endWord();
  return { ok: true, words, notes };
}
