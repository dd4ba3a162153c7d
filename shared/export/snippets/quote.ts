/** A single-quoted string literal for JavaScript or Python (both read these escapes the same way). */
export function singleQuoted(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  return `'${escaped}'`;
}

/** JSON text re-indented by `indent` (for nesting in code), or undefined when it is not JSON. */
export function prettyJson(text: string, indent: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(text), null, 2).replace(/\n/g, `\n${indent}`);
  } catch {
    return undefined;
  }
}
