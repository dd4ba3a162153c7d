/** A character a header value cannot carry: a control character other than a tab (RFC 9110 §5.5). */
const isForbidden = (code: number) => (code < 0x20 && code !== 0x09) || code === 0x7f;
const isLineBreak = (code: number) => code === 0x0a || code === 0x0d;

function firstForbidden(value: string): number {
  for (let i = 0; i < value.length; i++) if (isForbidden(value.charCodeAt(i))) return i;
  return -1;
}

/**
 * Why a header value cannot be sent, in words: "a line break" or "a control character (U+0000)",
 * and where, "at the end" (a token copied with its newline), "at the start" or "in the middle".
 */
export function headerValueProblem(value: string): { what: string; where: string } | undefined {
  const at = firstForbidden(value);
  if (at < 0) return undefined;
  const lineBreak = [...value].some((ch) => isLineBreak(ch.charCodeAt(0)));
  const what = lineBreak
    ? 'a line break'
    : `a control character (U+${value.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')})`;
  const trailing = value.length - value.trimEnd().length;
  const leading = value.length - value.trimStart().length;
  const where =
    firstForbidden(value.trimEnd()) < 0 && trailing > 0
      ? 'at the end'
      : firstForbidden(value.trimStart()) < 0 && leading > 0
        ? 'at the start'
        : 'in the middle';
  return { what, where };
}
