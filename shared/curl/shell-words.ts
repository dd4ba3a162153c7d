import { splitBashWords } from './bash-words';
import { splitCmdWords } from './cmd-words';
import type { CurlDialect } from './curl-request';

/** Where the command stopped before the end of the text, and what came after. */
export interface StoppedAt {
  /** The control operator (`|`, `&`, `;`, `>`, `<`) or `newline`. */
  operator: string;
  /** The text after the operator, trimmed. */
  rest: string;
}

export type ShellWordsResult =
  { ok: true; words: string[]; stoppedAt?: StoppedAt; notes: string[] } | { ok: false; error: string };

/** Splits one command into words the way the dialect's shell would hand them to curl. */
export function splitShellWords(text: string, dialect: CurlDialect): ShellWordsResult {
  return dialect === 'cmd' ? splitCmdWords(text) : splitBashWords(text);
}

const CMD_QUOTED_WORD = /(^|\s)\^"/;
const CMD_CONTINUATION = /\s\^\r?\n/;
const BASH_QUOTED_WORD = /(^|\s)\$?'/;
const BASH_CONTINUATION = /\s\\\r?\n/;

/**
 * Guesses which shell's quoting the text uses. Chrome's "Copy as cURL (cmd)" wraps every
 * argument in `^"…^"` and ends lines with ` ^`; everything else browsers write is bash.
 */
export function detectDialect(text: string): CurlDialect {
  const firstArgument = /^\s*\S+\s+(\S)(\S)?/.exec(text);
  // The first argument is the strongest sign when a value happens to contain the other style.
  if (firstArgument?.[1] === '^' && firstArgument[2] === '"') return 'cmd';
  if (firstArgument?.[1] === "'" || (firstArgument?.[1] === '$' && firstArgument[2] === "'")) return 'bash';
  if (CMD_QUOTED_WORD.test(text) || CMD_CONTINUATION.test(text)) return 'cmd';
  if (
    /^\s*(\S*[\\/])?curl\.exe\s/i.test(text) &&
    !BASH_QUOTED_WORD.test(text) &&
    !BASH_CONTINUATION.test(text)
  ) {
    return 'cmd';
  }
  return 'bash';
}

/**
 * The §6.19 hint: a paste that fails in one dialect but carries the other's quoting was
 * most likely copied for the other shell. Empty when nothing points that way.
 */
export function dialectMismatchHint(text: string, readAs: CurlDialect): string {
  if (readAs === 'cmd' && (BASH_QUOTED_WORD.test(text) || BASH_CONTINUATION.test(text))) {
    return (
      " The text uses bash quoting ('…' values, lines ending in \\), so it was probably copied with" +
      ' "Copy as cURL (bash)" but read as Windows cmd: read it as bash, or copy it again with "Copy as cURL (cmd)".'
    );
  }
  if (readAs === 'bash' && (CMD_QUOTED_WORD.test(text) || CMD_CONTINUATION.test(text))) {
    return (
      ' The text uses Windows cmd quoting (^"…^" values, lines ending in ^), so it was probably copied with' +
      ' "Copy as cURL (cmd)" but read as bash: read it as cmd, or copy it again with "Copy as cURL (bash)".'
    );
  }
  return '';
}

/** "line 3, column 12" for an index into the text, for error messages. */
export function describePosition(text: string, index: number): string {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}
