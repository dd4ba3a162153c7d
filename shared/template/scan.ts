/**
 * Splits a template into literal text and `{{variable}}` references.
 *
 * Syntax decisions (kept in one place so the editor and the resolver agree):
 * - Whitespace inside the braces is allowed: `{{ token }}` is `{{token}}`.
 * - A name is letters, digits, `_`, `-` and `.` (`api.v2-base_url`).
 * - `\{{` is a literal `{{`: the backslash is dropped and nothing inside is resolved,
 *   so `\{{name}}` sends `{{name}}`. A backslash anywhere else is kept as typed. There is
 *   no escape for "a backslash, then a variable"; define a variable holding the backslash.
 * - In a run of braces such as `{{{id}}}` the last two open braces start the reference,
 *   so JSON bodies like `{"a":{{{id}}}}` keep their own braces.
 * - A `}}` with no opening `{{` is ordinary text (JSON bodies end with `}}` all the time).
 */

export type VariableReference = {
  name: string;
  /** Offset of the first `{`. */
  start: number;
  /** Offset just past the last `}`. */
  end: number;
};

export type TemplateSyntaxProblem = {
  code: 'unclosed' | 'empty' | 'invalid-name';
  start: number;
  end: number;
  /** What was between the braces, trimmed (empty for `unclosed` and `empty`). */
  content: string;
};

export type TemplatePart = { kind: 'text'; text: string } | ({ kind: 'variable' } & VariableReference);

export type ScannedTemplate = { parts: TemplatePart[]; problems: TemplateSyntaxProblem[] };

const VARIABLE_NAME = /^[A-Za-z0-9_.-]+$/;

export function isValidVariableName(name: string): boolean {
  return VARIABLE_NAME.test(name);
}

export function scanTemplate(text: string): ScannedTemplate {
  const parts: TemplatePart[] = [];
  const problems: TemplateSyntaxProblem[] = [];
  let literal = '';
  let cursor = 0;

  const flushLiteral = () => {
    if (literal !== '') parts.push({ kind: 'text', text: literal });
    literal = '';
  };

  while (cursor < text.length) {
    let open = text.indexOf('{{', cursor);
    if (open === -1) break;
    if (open > 0 && text[open - 1] === '\\') {
      literal += text.slice(cursor, open - 1) + '{{';
      cursor = open + 2;
      continue;
    }
    while (text[open + 2] === '{') open += 1;
    literal += text.slice(cursor, open);

    const close = text.indexOf('}}', open + 2);
    const nextOpen = text.indexOf('{{', open + 2);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      // Report the stray `{{`, keep it as text and carry on scanning after it.
      problems.push({ code: 'unclosed', start: open, end: open + 2, content: '' });
      literal += '{{';
      cursor = open + 2;
      continue;
    }

    const end = close + 2;
    const content = text.slice(open + 2, close).trim();
    if (content === '') {
      problems.push({ code: 'empty', start: open, end, content });
      literal += text.slice(open, end);
    } else if (!isValidVariableName(content)) {
      problems.push({ code: 'invalid-name', start: open, end, content });
      literal += text.slice(open, end);
    } else {
      flushLiteral();
      parts.push({ kind: 'variable', name: content, start: open, end });
    }
    cursor = end;
  }
  literal += text.slice(cursor);
  flushLiteral();
  return { parts, problems };
}

/** Every well-formed reference, in order, for editor highlighting. */
export function findVariables(text: string): VariableReference[] {
  return scanTemplate(text).parts.flatMap((part) =>
    part.kind === 'variable' ? [{ name: part.name, start: part.start, end: part.end }] : [],
  );
}
