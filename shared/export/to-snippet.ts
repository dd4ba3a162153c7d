import type { RequestDraft } from '../model/request';
import { curlSnippet } from './snippets/curl';
import { fetchSnippet } from './snippets/fetch';
import { httpieSnippet } from './snippets/httpie';
import { prepare, type SnippetOptions } from './snippets/prepare';
import { pythonSnippet } from './snippets/python';

export type { SnippetOptions, SnippetSecret } from './snippets/prepare';

export const SNIPPET_LANGUAGES = ['curl-bash', 'curl-cmd', 'fetch', 'python-requests', 'httpie'] as const;
export type SnippetLanguage = (typeof SNIPPET_LANGUAGES)[number];

export interface Snippet {
  code: string;
  /** The `{{names}}` left in the code for the user to fill in: variables and secrets. */
  placeholders: string[];
}

const REFERENCE = /\{\{\s*([A-Za-z0-9_.$-]+)\s*\}\}/g;

/**
 * Writes a request as code. Auth becomes `{{placeholders}}` (`Authorization: Bearer
 * {{access_token}}`) unless the caller sets `includeSecrets` and passes the `secrets`;
 * form files are referenced by path. Disabled headers, params and fields are left out.
 */
export function toSnippet(
  draft: RequestDraft,
  language: SnippetLanguage,
  options: SnippetOptions = {},
): Snippet {
  const prepared = prepare(draft, options);
  const code =
    language === 'curl-bash'
      ? curlSnippet(prepared, 'bash')
      : language === 'curl-cmd'
        ? curlSnippet(prepared, 'cmd')
        : language === 'fetch'
          ? fetchSnippet(prepared)
          : language === 'python-requests'
            ? pythonSnippet(prepared)
            : httpieSnippet(prepared);
  const placeholders = new Set(prepared.secretPlaceholders);
  if (!options.resolved) {
    const { body } = draft;
    const texts = [draft.url, ...draft.headers.filter((h) => h.enabled).flatMap((h) => [h.name, h.value])];
    if (body.mode === 'json' || body.mode === 'raw') texts.push(body.text);
    if (body.mode === 'graphql') texts.push(body.query, body.variables);
    if (body.mode === 'form-urlencoded' || body.mode === 'multipart') {
      for (const f of body.fields) if (f.enabled) texts.push(f.name, 'value' in f ? f.value : f.path);
    }
    for (const text of texts) for (const m of text.matchAll(REFERENCE)) placeholders.add(m[1] ?? '');
  }
  return { code, placeholders: [...placeholders] };
}
