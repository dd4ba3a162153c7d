import type { RequestDraft } from '../model/request';
import { TemplateResolver, type ResolveOptions, type TemplateError } from './resolve';
import { headerValueProblem } from './header-value';
import { findVariables } from './scan';
import type { TemplateScope } from './scope';

export type DraftResolution =
  | { ok: true; draft: RequestDraft; used: string[]; secretValues: string[] }
  | { ok: false; errors: TemplateError[] };

/**
 * Resolves the URL, enabled header names and values, and the body text of a draft.
 * Disabled headers are passed through untouched: they are not sent, so their undefined
 * variables must not block the request. Errors carry `where` (`url`, `headers[2].value`, `body`).
 */
export function resolveDraft(
  draft: RequestDraft,
  scope: TemplateScope,
  options: Pick<ResolveOptions, 'maxDepth'> = {},
): DraftResolution {
  const resolver = new TemplateResolver(scope, options);
  const errors: TemplateError[] = [];

  const field = (text: string, where: string, location: string): string => {
    const result = resolver.resolve(text, location);
    if ('errors' in result) {
      errors.push(...result.errors.map((error) => ({ ...error, where })));
      return text;
    }
    return result.text;
  };

  const url = field(draft.url, 'url', 'the URL');

  const headers = draft.headers.map((header, index) => {
    if (!header.enabled) return header;
    const label = header.name.trim() === '' ? `header ${index + 1}` : `header ${index + 1} (${header.name})`;
    const name = field(header.name, `headers[${index}].name`, `the name of ${label}`);
    const value = field(header.value, `headers[${index}].value`, `the value of ${label}`);
    const problem = headerValueProblem(value);
    if (problem) {
      // A line break would end the header early: undici refuses it, and a looser client would let
      // the rest be read as another header. Usually a variable pasted with a trailing newline.
      const culprits = findVariables(header.value)
        .map((reference) => reference.name)
        .filter((name, i, all) => all.indexOf(name) === i)
        .filter((name) => {
          const alone = resolver.resolve(`{{${name}}}`, 'a header value');
          return 'text' in alone && headerValueProblem(alone.text) !== undefined;
        });
      const from =
        culprits.length > 0
          ? ` It comes from ${culprits.map((c) => `{{${c}}}`).join(' and ')}: ${culprits.length > 1 ? 'their values hold' : 'its value holds'} it${problem.where === 'at the end' ? ' — a token copied with its trailing newline is the usual case' : ''}.`
          : '';
      errors.push({
        code: 'invalid-header',
        where: `headers[${index}].value`,
        start: 0,
        end: header.value.length,
        message:
          `The value of ${label} has ${problem.what} ${problem.where} once its variables are filled in, ` +
          `and a header value must be a single line of text.${from} Remove it from ${culprits.length > 0 ? 'the variable' : 'the value'}.`,
      });
    }
    return { ...header, name, value };
  });

  let body = draft.body;
  if (body.mode === 'json' || body.mode === 'raw') {
    body = { ...body, text: field(body.text, 'body', 'the body') };
  } else if (body.mode === 'form-urlencoded') {
    body = {
      ...body,
      fields: body.fields.map((f, i) =>
        f.enabled
          ? {
              ...f,
              name: field(f.name, `body.fields[${i}].name`, `the name of form field ${i + 1}`),
              value: field(f.value, `body.fields[${i}].value`, `the value of form field ${i + 1}`),
            }
          : f,
      ),
    };
  } else if (body.mode === 'multipart') {
    body = {
      ...body,
      fields: body.fields.map((f, i) => {
        if (!f.enabled) return f;
        const name = field(f.name, `body.fields[${i}].name`, `the name of form field ${i + 1}`);
        return f.kind === 'text'
          ? {
              ...f,
              name,
              value: field(f.value, `body.fields[${i}].value`, `the value of form field ${i + 1}`),
            }
          : {
              ...f,
              name,
              path: field(f.path, `body.fields[${i}].path`, `the file path of form field ${i + 1}`),
            };
      }),
    };
  } else if (body.mode === 'graphql') {
    // Only variables are templated: `{{…}}` has no meaning in GraphQL syntax, `$var` does.
    body = { ...body, variables: field(body.variables, 'body.variables', 'the GraphQL variables') };
  } else if (body.mode === 'binary') {
    body = { ...body, path: field(body.path, 'body.path', 'the file path of the body') };
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    draft: { ...draft, url, headers, body },
    used: [...resolver.used],
    secretValues: resolver.secretValues,
  };
}
