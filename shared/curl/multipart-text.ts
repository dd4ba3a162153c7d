import type { CurlMultipartField } from './curl-request';

/** The boundary of a `multipart/form-data; boundary=…` content type, if it has one. */
export function multipartBoundary(contentType: string): string | undefined {
  if (!/^\s*multipart\/form-data\s*;/i.test(contentType)) return undefined;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

export interface MultipartText {
  fields: CurlMultipartField[];
  /** Fields that uploaded a file: browsers leave its contents out of the copied command. */
  filesWithoutContent: { name: string; file: string }[];
}

function dispositionParameter(disposition: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(disposition);
  return match?.[1]?.replace(/\\(.)/g, '$1');
}

/**
 * Reads a multipart body copied as text (`--data-raw`/`--data-binary`) back into fields.
 * Accepts LF as well as CRLF: Firefox turns every CRLF into `\n` when it copies.
 * Undefined when the text is not a well-formed multipart body for this boundary.
 */
export function parseMultipartText(text: string, boundary: string): MultipartText | undefined {
  const delimiter = `--${boundary}`;
  const sections = text.split(delimiter);
  const closing = sections.pop();
  if (sections.length < 2 || sections[0]?.trim() !== '' || !closing?.startsWith('--')) return undefined;

  const fields: CurlMultipartField[] = [];
  const filesWithoutContent: MultipartText['filesWithoutContent'] = [];
  for (const section of sections.slice(1)) {
    const part = /^\r?\n([\s\S]*?)\r?\n\r?\n([\s\S]*?)\r?\n$/.exec(section);
    if (!part) return undefined;
    const headers = (part[1] ?? '').split(/\r?\n/);
    const content = part[2] ?? '';
    const disposition = headers.find((line) => /^content-disposition:/i.test(line));
    const contentType = headers
      .find((line) => /^content-type:/i.test(line))
      ?.replace(/^content-type:\s*/i, '')
      .trim();
    const name = disposition && dispositionParameter(disposition, 'name');
    if (!disposition || name === undefined) return undefined;
    const file = dispositionParameter(disposition, 'filename');
    const field: CurlMultipartField = file === undefined ? { name, value: content } : { name, file };
    if (contentType) field.contentType = contentType;
    fields.push(field);
    if (file !== undefined) filesWithoutContent.push({ name, file });
  }
  return { fields, filesWithoutContent };
}
