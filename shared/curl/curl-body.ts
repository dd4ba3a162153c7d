import {
  CURL_DEFAULT_DATA_TYPE,
  type CurlBody,
  type CurlHeader,
  type CurlMultipartField,
} from './curl-request';
import { parseFormUrlencoded } from './form-encoding';
import { multipartBoundary, parseMultipartText } from './multipart-text';

/** One `--data*`/`--json` argument after curl's own processing (`@file` left as written). */
export interface DataPart {
  text: string;
  json: boolean;
}

const isNamed = (name: string) => (header: CurlHeader) => header.name.toLowerCase() === name;

/** curl joins `--data*` pieces with `&`; `--json` pieces are appended as they are. */
export function joinDataParts(parts: readonly DataPart[]): string {
  return parts
    .map((part, index) => (index > 0 && !(part.json && parts[index - 1]?.json) ? '&' : '') + part.text)
    .join('');
}

/**
 * Decides the body from what the options collected. A form-typed body that is a well-formed
 * `a=b&c=d` becomes fields and a copied multipart body becomes parts, so the user can edit
 * them; anything else stays raw text, sent exactly as written.
 */
export function buildBody(
  data: readonly DataPart[],
  formFields: readonly CurlMultipartField[],
  headers: CurlHeader[],
): { body: CurlBody; headers: CurlHeader[]; warnings: string[] } {
  const warnings: string[] = [];
  if (data.some((part) => part.json)) {
    // --json adds these only when the command does not set them itself.
    if (!headers.some(isNamed('content-type')))
      headers.push({ name: 'Content-Type', value: 'application/json' });
    if (!headers.some(isNamed('accept'))) headers.push({ name: 'Accept', value: 'application/json' });
  }
  const contentTypeHeader = headers.filter(isNamed('content-type')).pop();
  // The boundary is made anew when the request is sent, so a copied one must not stay.
  const withoutMultipartType = (): CurlHeader[] =>
    headers.filter((header) => !(isNamed('content-type')(header) && /^\s*multipart\//i.test(header.value)));

  if (formFields.length > 0) {
    return {
      body: { mode: 'multipart', fields: [...formFields] },
      headers: withoutMultipartType(),
      warnings,
    };
  }
  if (data.length === 0) return { body: { mode: 'none' }, headers, warnings };

  const text = joinDataParts(data);
  const contentType = contentTypeHeader?.value ?? CURL_DEFAULT_DATA_TYPE;
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase();
  if (mediaType === CURL_DEFAULT_DATA_TYPE) {
    const fields = parseFormUrlencoded(text);
    if (fields) return { body: { mode: 'form-urlencoded', fields }, headers, warnings };
  }
  const boundary = multipartBoundary(contentType);
  const multipart = boundary === undefined ? undefined : parseMultipartText(text, boundary);
  if (multipart) {
    for (const { name, file } of multipart.filesWithoutContent) {
      warnings.push(
        `Form field "${name}" uploaded the file "${file}", whose contents do not carry over from a copied` +
          ' command (browsers leave them out): choose the file again before sending.',
      );
    }
    return {
      body: { mode: 'multipart', fields: multipart.fields },
      headers: withoutMultipartType(),
      warnings,
    };
  }
  return { body: { mode: 'raw', text, contentType }, headers, warnings };
}
