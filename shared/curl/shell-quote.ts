import type { CurlDialect } from './curl-request';

/** C0 and C1 controls and `!`: plain single quotes cannot carry them safely. */
function needsUnicodeEscape(c: string): boolean {
  const code = c.charCodeAt(0);
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || c === '!';
}

function escapeAnsiC(c: string): string {
  if (c === '\\') return '\\\\';
  if (c === "'") return "\\'";
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (needsUnicodeEscape(c)) return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return c;
}

/**
 * Chrome's bash quoting: `'…'`, or ANSI-C `$'…'` when the text has `'`, `!` (history
 * expansion in an interactive bash) or control characters, which plain quotes cannot carry.
 */
export function quoteBash(text: string): string {
  const characters = [...text];
  if (!characters.some((c) => c === "'" || needsUnicodeEscape(c))) return `'${text}'`;
  return `$'${characters.map(escapeAnsiC).join('')}'`;
}

/**
 * Chrome's cmd quoting, `^"…^"`: backslashes doubled and quotes as `\"` for the C runtime,
 * every other unusual character behind a caret for cmd.exe, `%` before a word character
 * broken up as `^%^` so it is never read as a variable, a newline as `^` + two newlines.
 * Unlike some Chrome versions, `&` is escaped too: unescaped, cmd.exe runs what follows it.
 */
export function quoteCmd(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[^a-zA-Z0-9\s_\-:=+~'/.,?;()*`]/g, '^$&')
    .replace(/%(?=[a-zA-Z0-9_])/g, '%^')
    .replace(/\n/g, '^\n\n');
  return `^"${escaped}^"`;
}

export const quoteFor = (dialect: CurlDialect): ((text: string) => string) =>
  dialect === 'cmd' ? quoteCmd : quoteBash;
