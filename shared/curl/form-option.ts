import type { CurlMultipartField } from './curl-request';

const KNOWN_PARAMETER = /;(?=\s*(?:type|filename|headers|encoder)=)/i;

/** A `-F` value: `"quoted"` (with `\"` and `\\`) or everything up to the first `;`. */
function readFormWord(text: string): { word: string; rest: string } {
  if (!text.startsWith('"')) {
    const end = text.indexOf(';');
    return end < 0 ? { word: text, rest: '' } : { word: text.slice(0, end), rest: text.slice(end) };
  }
  let word = '';
  let i = 1;
  while (i < text.length && text.charAt(i) !== '"') {
    const c = text.charAt(i);
    const next = text.charAt(i + 1);
    if (c === '\\' && (next === '"' || next === '\\')) {
      word += next;
      i += 2;
    } else {
      word += c;
      i += 1;
    }
  }
  return { word, rest: text.slice(i + 1) };
}

const unquote = (value: string): string =>
  value.trim().startsWith('"') ? readFormWord(value.trim()).word : value.trim();

/**
 * One `-F`/`--form` argument the way curl reads it: `name=value`, `name=@file` (upload),
 * `name=<file` (a file's text as the value), then `;type=…` and friends.
 * `literal` is `--form-string`: the value is taken as written.
 */
export function parseFormOption(
  argument: string,
  literal: boolean,
): { field?: CurlMultipartField; warnings: string[] } {
  const warnings: string[] = [];
  const separator = argument.indexOf('=');
  if (separator <= 0) {
    return {
      warnings: [
        `-F '${argument}' is not a form field (it needs name=value), so it was left out, as curl would refuse it.`,
      ],
    };
  }
  const name = argument.slice(0, separator);
  const content = argument.slice(separator + 1);
  if (literal) return { field: { name, value: content }, warnings };

  const source = content.startsWith('@') || content.startsWith('<') ? content.charAt(0) : '';
  const { word, rest } = readFormWord(content.slice(source.length));
  const field: CurlMultipartField =
    source === '@' ? { name, file: word } : { name, value: source ? '' : word };
  if (source === '<') {
    warnings.push(
      `Form field "${name}" takes its text from the file "${word}", which Lantern cannot read from a pasted` +
        ' command: type the text into the field.',
    );
  }
  const [unknown = '', ...parameters] = rest.split(KNOWN_PARAMETER);
  if (unknown.replace(/^;/, '').trim() !== '') {
    warnings.push(
      `Form field "${name}": "${unknown.replace(/^;/, '')}" is not a field option, so it was left out.`,
    );
  }
  for (const parameter of parameters) {
    const equals = parameter.indexOf('=');
    const key = parameter.slice(0, equals).trim().toLowerCase();
    const value = unquote(parameter.slice(equals + 1));
    if (key === 'type') field.contentType = value;
    else if (key !== 'filename') {
      warnings.push(`Form field "${name}": the ${key}= option is not supported, so it was left out.`);
    }
  }
  return { field, warnings };
}

/** Writes a field back as a `-F` argument that `parseFormOption` reads to the same field. */
export function formatFormOption(field: CurlMultipartField): string {
  const quote = (text: string): string =>
    /^[@<"]|[;"\\]|^\s|\s$/.test(text) ? `"${text.replace(/[\\"]/g, '\\$&')}"` : text;
  const type = field.contentType ? `;type=${field.contentType}` : '';
  if (field.file !== undefined) return `${field.name}=@${quote(field.file)}${type}`;
  return `${field.name}=${quote(field.value ?? '')}${type}`;
}
