import type { HeaderContext, HeaderExplanation } from './types';
import { findHeader, formatBytes, splitList, unquote } from './words';

const MEDIA_TYPES: Record<string, string> = {
  'application/json': 'JSON',
  'application/problem+json': 'a JSON problem report (RFC 9457: type, title, status, detail)',
  'application/graphql-response+json': 'a GraphQL response in JSON',
  'application/ld+json': 'JSON-LD (linked data in JSON)',
  'application/hal+json': 'HAL JSON (JSON with _links)',
  'application/vnd.api+json': 'JSON:API',
  'text/html': 'an HTML page',
  'text/plain': 'plain text',
  'text/csv': 'CSV (comma-separated values)',
  'application/xml': 'XML',
  'text/xml': 'XML',
  'application/x-www-form-urlencoded': 'form-encoded fields (a=1&b=2)',
  'multipart/form-data': 'a multipart form (fields and files)',
  'application/octet-stream': 'raw bytes of unspecified type (often a file download)',
  'application/pdf': 'a PDF document',
  'application/zip': 'a ZIP archive',
  'text/javascript': 'JavaScript',
  'application/javascript': 'JavaScript',
  'text/css': 'a CSS stylesheet',
};

/** `application/json; charset=utf-8` → media type and lower-cased parameters. */
export function parseMediaType(value: string): { type: string; params: Map<string, string> } {
  const [type = '', ...rest] = value.split(';');
  const params = new Map<string, string>();
  for (const part of rest) {
    const equals = part.indexOf('=');
    if (equals < 0) continue;
    params.set(part.slice(0, equals).trim().toLowerCase(), unquote(part.slice(equals + 1)));
  }
  return { type: type.trim().toLowerCase(), params };
}

function describeMediaType(type: string): string {
  const known = MEDIA_TYPES[type];
  if (known) return known;
  if (type.endsWith('+json')) return `JSON in the ${type} dialect`;
  if (type.endsWith('+xml')) return `XML in the ${type} dialect`;
  const [major] = type.split('/');
  if (major === 'image' || major === 'audio' || major === 'video') return `${major} data (${type})`;
  return type;
}

function looksLikeJson(text: string): boolean {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    // A preview may be cut mid-document: an opening brace and a quoted key is enough.
    return /^\{\s*"/.test(trimmed) || /^\[\s*[{["\d]/.test(trimmed);
  }
}

const isJsonType = (type: string) => type === 'application/json' || type.endsWith('+json');

export function explainContentType(name: string, value: string, context: HeaderContext): HeaderExplanation {
  const { type, params } = parseMediaType(value);
  const details: string[] = [];
  let severity: HeaderExplanation['severity'];
  let summary = `The body is ${describeMediaType(type)}`;
  const charset = params.get('charset');
  if (charset) {
    summary += `, text encoded as ${charset.toUpperCase()}`;
    const lower = charset.toLowerCase();
    if (isJsonType(type)) {
      details.push(
        `JSON is always UTF-8 (RFC 8259), so charset=${charset} changes nothing for a JSON reader.`,
      );
    } else if (lower !== 'utf-8' && lower !== 'utf8' && lower !== 'us-ascii') {
      details.push(
        `${charset} is not UTF-8: accented names (é, ß, ł) may show as garbage if anything reads it as UTF-8.`,
      );
    }
  } else if (type.startsWith('text/')) {
    details.push('No charset is given; for text/* that leaves the reader to guess the encoding.');
  }
  summary += '.';
  const boundary = params.get('boundary');
  if (boundary) details.push(`Parts are separated by the line --${boundary}.`);

  const preview = context.bodyPreview;
  if (type === 'text/html' && preview !== undefined && looksLikeJson(preview)) {
    severity = 'warning';
    summary = 'Labelled as an HTML page, but the body is JSON. Trust the body, not the label.';
    details.push(
      "Totara's token endpoint (/totara/oauth2/token.php) does exactly this: it answers JSON, errors included, as text/html with status 200.",
      'Parse the body as JSON and check it for an "error" field before using it.',
    );
  } else if (isJsonType(type) && preview !== undefined && /^\s*</.test(preview)) {
    severity = 'warning';
    summary =
      'Labelled as JSON, but the body starts with "<": it is markup, probably an error or login page.';
    details.push(
      'A proxy, firewall or the web server itself often answers with HTML before the API is reached.',
    );
  } else if (type === 'text/html') {
    details.push(
      'An API answering HTML is often an error page, a login page or a proxy page; look at the body.',
      "Some APIs label JSON as text/html anyway (Totara's token endpoint does).",
    );
  }
  const accept = findHeader(context.requestHeaders, 'accept');
  if (accept && !acceptAllows(accept, type)) {
    details.push(`The request asked for ${accept} (Accept), and the server answered ${type} anyway.`);
  }
  return { name, title: 'Body format', summary, details, severity, category: 'content' };
}

function acceptAllows(accept: string, type: string): boolean {
  const [major] = type.split('/');
  return splitList(accept).some((range) => {
    const wanted = parseMediaType(range).type;
    return wanted === '*/*' || wanted === type || wanted === `${major}/*`;
  });
}

const ENCODINGS: Record<string, string> = {
  gzip: 'gzip',
  'x-gzip': 'gzip',
  br: 'Brotli (br)',
  deflate: 'deflate (zlib)',
  zstd: 'Zstandard (zstd)',
  compress: 'Unix compress (LZW)',
  identity: 'no compression',
};
const DECODED_BY_LANTERN = new Set(['gzip', 'x-gzip', 'br', 'deflate']);

export function explainContentEncoding(name: string, value: string): HeaderExplanation {
  const codings = splitList(value.toLowerCase());
  const details: string[] = [];
  let severity: HeaderExplanation['severity'];
  const words = codings.map((coding) => ENCODINGS[coding] ?? coding);
  let summary = `The body was compressed with ${words.join(', then ')} on the wire.`;
  if (codings.length === 1 && codings[0] === 'identity') summary = 'The body was sent uncompressed.';
  const undecoded = codings.filter((coding) => coding !== 'identity' && !DECODED_BY_LANTERN.has(coding));
  if (undecoded.length > 0 || codings.length > 1) {
    severity = 'warning';
    details.push(
      `Lantern decodes a single gzip, br or deflate layer; ${value} may be shown still compressed.`,
    );
  } else if (codings[0] !== 'identity') {
    details.push(
      'Lantern decompresses it before showing the body; Content-Length, if sent, is the compressed size.',
    );
  }
  return { name, title: 'Compression', summary, details, severity, category: 'content' };
}

export function explainContentLength(name: string, value: string, context: HeaderContext): HeaderExplanation {
  const text = value.trim();
  if (!/^\d+$/.test(text)) {
    return {
      name,
      title: 'Body size',
      summary: `"${value}" is not a byte count, so the body's length is unknown.`,
      severity: 'warning',
      category: 'content',
    };
  }
  const bytes = Number(text);
  const details: string[] = [];
  let severity: HeaderExplanation['severity'];
  let summary = `The body is ${formatBytes(bytes)}`;
  const encoding = findHeader(context.responseHeaders, 'content-encoding');
  summary += encoding && encoding.toLowerCase() !== 'identity' ? ` compressed (${encoding}).` : '.';
  if (bytes === 0) {
    summary =
      context.status === 204 || context.status === 304
        ? `An empty body, as ${context.status} requires.`
        : 'The body is empty (0 bytes).';
  }
  if (findHeader(context.responseHeaders, 'transfer-encoding')) {
    severity = 'warning';
    details.push(
      'Transfer-Encoding is also present; it takes precedence (RFC 9112 §6.3) and sending both is a sign of a misbehaving proxy.',
    );
  }
  return { name, title: 'Body size', summary, details, severity, category: 'content' };
}

export function explainTransferEncoding(
  name: string,
  value: string,
  context: HeaderContext,
): HeaderExplanation {
  const codings = splitList(value.toLowerCase());
  const chunked = codings.includes('chunked');
  const details: string[] = [];
  let severity: HeaderExplanation['severity'];
  const summary = chunked
    ? 'The body was streamed in chunks, so its total size was not known when sending began.'
    : `The body was sent with the transfer coding ${value}.`;
  if (chunked)
    details.push('Normal for generated or streamed responses; there is no Content-Length to expect.');
  if (findHeader(context.responseHeaders, 'content-length')) {
    severity = 'warning';
    details.push('Content-Length is also present and must be ignored (RFC 9112 §6.3).');
  }
  return { name, title: 'Transfer', summary, details, severity, category: 'connection' };
}
