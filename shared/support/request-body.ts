import type { RequestDraft } from '../model/request';
import type { SupportRequestBody } from './types';

/** The body a draft describes, as the support bundle shows it. Files are named, never read. */
export function requestBodyOf(draft: RequestDraft): SupportRequestBody | undefined {
  const body = draft.body;
  switch (body.mode) {
    case 'none':
      return undefined;
    case 'json':
      return { mimeType: 'application/json', text: body.text };
    case 'raw':
      return { mimeType: body.contentType || 'text/plain', text: body.text };
    case 'form-urlencoded': {
      const params = body.fields
        .filter((field) => field.enabled && field.name !== '')
        .map(({ name, value }) => ({ name, value }));
      return {
        mimeType: 'application/x-www-form-urlencoded',
        params,
        text: new URLSearchParams(params.map((p): [string, string] => [p.name, p.value])).toString(),
      };
    }
    case 'multipart': {
      const fields = body.fields.filter((field) => field.enabled && field.name !== '');
      return {
        mimeType: 'multipart/form-data',
        params: fields.map((field) =>
          field.kind === 'text'
            ? { name: field.name, value: field.value }
            : { name: field.name, value: `@${fileName(field.path)}` },
        ),
        note: fields.some((field) => field.kind === 'file')
          ? 'File parts are named, not included.'
          : undefined,
      };
    }
    case 'binary':
      return {
        mimeType: body.contentType || 'application/octet-stream',
        note: `The body is the file ${fileName(body.path)}: not included.`,
      };
    case 'graphql': {
      let variables: unknown = body.variables;
      try {
        variables = body.variables.trim() === '' ? {} : (JSON.parse(body.variables) as unknown);
      } catch {
        // Keep the text as typed: the bundle shows what was sent.
      }
      const payload = body.persisted
        ? { operationName: body.operationName, variables }
        : { query: body.query, variables, operationName: body.operationName };
      return { mimeType: 'application/json', text: JSON.stringify(payload, null, 2) };
    }
  }
}

/** Only the file's name: a full path can say more about the user's machine than support needs. */
function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
