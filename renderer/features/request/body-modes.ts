import type { RequestBody } from '../../../shared/model/request';

/**
 * Switching body modes keeps what can be kept: text between JSON and raw, fields between
 * the two form modes, so a misclick never loses the user's work.
 */
export function switchBodyMode(body: RequestBody, mode: RequestBody['mode']): RequestBody {
  if (body.mode === mode) return body;
  const text = body.mode === 'json' || body.mode === 'raw' ? body.text : '';
  const formFields =
    body.mode === 'form-urlencoded'
      ? body.fields
      : body.mode === 'multipart'
        ? body.fields.flatMap((f) =>
            f.kind === 'text' ? [{ name: f.name, value: f.value, enabled: f.enabled }] : [],
          )
        : [];
  switch (mode) {
    case 'none':
      return { mode };
    case 'json':
      return { mode, text };
    case 'raw':
      return { mode, text, contentType: 'text/plain' };
    case 'form-urlencoded':
      return { mode, fields: formFields };
    case 'multipart':
      return { mode, fields: formFields.map((f) => ({ kind: 'text' as const, ...f })) };
    case 'binary':
      return { mode, path: '' };
    case 'graphql':
      return {
        mode,
        query: body.mode === 'json' ? graphqlQueryFrom(body.text) : '',
        variables: '{}',
        persisted: false,
      };
  }
}

/** Switching a JSON body like {"query": "..."} to GraphQL keeps its query text. */
function graphqlQueryFrom(text: string): string {
  try {
    const parsed = JSON.parse(text) as { query?: unknown };
    return typeof parsed.query === 'string' ? parsed.query : '';
  } catch {
    return '';
  }
}
