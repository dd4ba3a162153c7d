import type { TemplateSyntaxProblem } from './scan';

/** "character 13", or "line 3, column 5" once the text has several lines. Offsets are 0-based. */
export function describePosition(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const lineBreaks = before.split('\n').length - 1;
  if (lineBreaks === 0 && !text.includes('\n')) return `character ${offset + 1}`;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${lineBreaks + 1}, column ${column}`;
}

/** `place` is a phrase such as "The URL" or "The value of {{base}} (used in the URL)". */
export function syntaxMessage(place: string, problem: TemplateSyntaxProblem, text: string): string {
  const at = describePosition(text, problem.start);
  switch (problem.code) {
    case 'unclosed':
      return `${place} has an unclosed {{ at ${at}. Close it with }}, or write \\{{ for a literal {{.`;
    case 'empty':
      return `${place} has an empty {{}} at ${at}. Put a variable name between the braces, or remove them.`;
    case 'invalid-name':
      return (
        `${place} has {{${problem.content}}} at ${at}, but a variable name may contain only ` +
        `letters, digits, _, - and . — rename it, or write \\{{ if the braces are meant literally.`
      );
  }
}

export function capitalise(phrase: string): string {
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}
