import { describePosition, type ShellWordsResult } from './shell-words';

const OPERATORS = new Set(['&', '|', '<', '>']);
const ENVIRONMENT_VARIABLE = /^%[A-Za-z_][A-Za-z0-9_]*%/;

interface CmdLine {
  /** The line as cmd.exe hands it to the program, carets removed. */
  text: string;
  /** For each character of `text`, its index in the pasted text (for error positions). */
  sources: number[];
  stoppedAt?: { operator: string; rest: string };
  notes: string[];
}

/**
 * cmd.exe's pass: `^` escapes the next character outside cmd's own quotes, `^` + newline
 * continues the line (and escapes the first character of the next, so `^` + two newlines
 * is a literal newline), unescaped `&|<>` end the command.
 */
function readCmdLine(text: string): CmdLine {
  let out = '';
  const sources: number[] = [];
  const notes: string[] = [];
  const emit = (c: string, at: number): void => {
    out += c;
    sources.push(at);
  };
  let cmdQuoted = false;
  // Whether the program's own parser is inside quotes: Chrome never leaves `&` unescaped
  // there, but some versions did, and the user meant it as part of the value.
  let argumentQuoted = false;
  let backslashes = 0;
  const track = (c: string): void => {
    if (c === '"' && backslashes % 2 === 0) argumentQuoted = !argumentQuoted;
    backslashes = c === '\\' ? backslashes + 1 : 0;
  };

  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    const isNewline = c === '\n' || (c === '\r' && text.charAt(i + 1) === '\n');
    if (c === '^' && !cmdQuoted) {
      let j = i + 1;
      if (text.charAt(j) === '\r' && text.charAt(j + 1) === '\n') j += 2;
      else if (text.charAt(j) === '\n') j += 1;
      else {
        if (j < text.length) {
          emit(text.charAt(j), j);
          track(text.charAt(j));
        }
        i = j + 1;
        continue;
      }
      // A continuation: the first character of the next line is taken literally.
      if (text.charAt(j) === '\r' && text.charAt(j + 1) === '\n') {
        emit('\n', j);
        j += 2;
      } else if (j < text.length) {
        emit(text.charAt(j), j);
        track(text.charAt(j));
        j += 1;
      }
      i = j;
      continue;
    }
    if (isNewline) {
      if (out.trim() === '') {
        i += c === '\r' ? 2 : 1;
        continue;
      }
      const rest = text.slice(i).trim();
      if (rest !== '') return { text: out, sources, notes, stoppedAt: { operator: 'newline', rest } };
      break;
    }
    if (OPERATORS.has(c) && !cmdQuoted && !argumentQuoted) {
      return { text: out, sources, notes, stoppedAt: { operator: c, rest: text.slice(i + 1).trim() } };
    }
    if (c === '%') {
      const variable = ENVIRONMENT_VARIABLE.exec(text.slice(i));
      if (variable) {
        notes.push(
          `${variable[0]} is a cmd environment variable: Lantern does not run a shell, so it was kept as the` +
            ' literal text. Replace it with the real value.',
        );
      }
    }
    if (c === '"') cmdQuoted = !cmdQuoted;
    emit(c, i);
    track(c);
    i += 1;
  }
  return { text: out, sources, notes };
}

/**
 * Windows cmd word splitter for Chrome's "Copy as cURL (cmd)": cmd.exe's caret pass, then the
 * C runtime's argument rules (`"` quotes, `\"` a literal quote, `""` inside quotes a quote).
 * Inside quotes `\\` is read as one backslash: Chrome doubles every backslash it writes.
 */
export function splitCmdWords(text: string): ShellWordsResult {
  const line = readCmdLine(text);
  const input = line.text;
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quoted = false;
  let quoteOpenedAt = 0;

  let i = 0;
  while (i < input.length) {
    const c = input.charAt(i);
    if (c === '\\') {
      let run = 0;
      while (input.charAt(i + run) === '\\') run += 1;
      if (input.charAt(i + run) === '"') {
        word += '\\'.repeat(Math.floor(run / 2)) + (run % 2 === 1 ? '"' : '');
        i += run % 2 === 1 ? run + 1 : run;
      } else {
        word += '\\'.repeat(quoted ? Math.ceil(run / 2) : run);
        i += run;
      }
      inWord = true;
    } else if (c === '"') {
      if (quoted && input.charAt(i + 1) === '"') {
        word += '"';
        i += 2;
        continue;
      }
      quoted = !quoted;
      if (quoted) quoteOpenedAt = line.sources[i] ?? 0;
      inWord = true;
      i += 1;
    } else if (!quoted && (c === ' ' || c === '\t' || c === '\n' || c === '\r')) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i += 1;
    } else {
      word += c;
      inWord = true;
      i += 1;
    }
  }
  if (quoted) {
    return {
      ok: false,
      error:
        `The command ends inside a quoted value: the " opened at ${describePosition(text, quoteOpenedAt)}` +
        ' is never closed. The command was probably cut short when it was copied: copy it again in full.',
    };
  }
  if (inWord) words.push(word);
  return { ok: true, words, notes: line.notes, ...(line.stoppedAt ? { stoppedAt: line.stoppedAt } : {}) };
}
