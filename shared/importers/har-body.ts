import { soleOperationName } from './graphql-name';
import { multipartBoundary, parseMultipartText } from '../curl/multipart-text';
import type { MultipartField, RequestBody } from '../model/request';
import type { ImportContext } from './import-context';
import { isRecord } from './json-input';
import { reportFile } from './postman-body';

export interface HarPostData {
  mimeType?: string;
  text?: string;
  params?: { name?: string; value?: string; fileName?: string; contentType?: string }[];
}

function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

const GRAPHQL_DOCUMENT = /^\s*(query|mutation|subscription|fragment)\b|^\s*\{/;

/** A JSON body that is a GraphQL request (`{ query, variables, operationName }`) becomes the graphql mode. */
export function graphqlFromJson(text: string): RequestBody | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || typeof parsed.query !== 'string' || !GRAPHQL_DOCUMENT.test(parsed.query))
    return undefined;
  const vars = parsed.variables;
  const body: RequestBody = {
    mode: 'graphql',
    query: parsed.query,
    variables: vars === undefined || vars === null ? '' : JSON.stringify(vars, null, 2),
    persisted: false,
  };
  const operationName =
    typeof parsed.operationName === 'string' && parsed.operationName !== ''
      ? parsed.operationName
      : soleOperationName(parsed.query);
  if (operationName) body.operationName = operationName;
  return body;
}

function multipart(postData: HarPostData, ctx: ImportContext, where: string): RequestBody {
  const fields: MultipartField[] = [];
  const params = postData.params ?? [];
  const fromText =
    params.length === 0
      ? parseMultipartText(postData.text ?? '', multipartBoundary(postData.mimeType ?? '') ?? '')
      : undefined;
  const source = fromText
    ? fromText.fields.map((f) => ({
        name: f.name,
        value: f.value,
        fileName: f.file,
        contentType: f.contentType,
      }))
    : params;
  for (const param of source) {
    const name = param.name ?? '';
    if (param.fileName === undefined) {
      fields.push({ kind: 'text', name, value: param.value ?? '', enabled: true });
      continue;
    }
    // A HAR names the uploaded file but holds none of its bytes.
    const field: MultipartField = { kind: 'file', name, path: param.fileName, enabled: true };
    if (param.contentType) field.contentType = param.contentType;
    fields.push(field);
    reportFile(ctx, `form field "${name}" of ${where}`, param.fileName);
  }
  return { mode: 'multipart', fields };
}

/** Reads a HAR `postData` into a body, choosing the mode by its MIME type. */
export function readHarBody(
  postData: HarPostData | undefined,
  ctx: ImportContext,
  where: string,
): RequestBody {
  if (!postData) return { mode: 'none' };
  const mimeType = postData.mimeType ?? '';
  const essence = mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  const text = postData.text ?? '';
  if (essence === 'multipart/form-data') return multipart(postData, ctx, where);
  if (essence === 'application/x-www-form-urlencoded') {
    const pairs =
      text !== ''
        ? text
            .split('&')
            .filter((pair) => pair !== '')
            .map((pair) => {
              const eq = pair.indexOf('=');
              return eq < 0
                ? { name: pair, value: '' }
                : { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
            })
        : (postData.params ?? []).map((p) => ({ name: p.name ?? '', value: p.value ?? '' }));
    return {
      mode: 'form-urlencoded',
      fields: pairs.map((p) => ({ name: formDecode(p.name), value: formDecode(p.value), enabled: true })),
    };
  }
  if (text === '' && essence === '') return { mode: 'none' };
  if (/^application\/([\w.+-]*\+)?json$/.test(essence))
    return graphqlFromJson(text) ?? { mode: 'json', text };
  return { mode: 'raw', text, contentType: mimeType || 'text/plain' };
}
