import {
  CURL_DEFAULT_DATA_TYPE,
  type CurlBody,
  type CurlDialect,
  type CurlHeader,
  type CurlRequest,
} from './curl-request';
import { serializeFormUrlencoded } from './form-encoding';
import { formatFormOption } from './form-option';
import { quoteFor } from './shell-quote';

const isNamed = (name: string) => (header: CurlHeader) => header.name.toLowerCase() === name;

/** The `--data-raw` text for a body, or undefined for a body that is not sent as data. */
function dataText(body: CurlBody): string | undefined {
  if (body.mode === 'raw') return body.text;
  if (body.mode === 'form-urlencoded') return serializeFormUrlencoded(body.fields);
  return undefined;
}

/**
 * Writes a request as a curl command the way Chrome's "Copy as cURL" does: URL first, `-X`
 * only when the body does not imply the method, `-H 'name: value'` (`'name;'` when empty),
 * cookies as `-b`, the body as `--data-raw` (or `-F` for form parts), one argument per line.
 * `parseCurl` reads the result back to the same request.
 */
export function toCurl(request: CurlRequest, dialect: CurlDialect): string {
  const quote = quoteFor(dialect);
  const { body } = request;
  const args: string[] = [quote(request.url).replace(/[[\]{}]/g, '\\$&')];

  const implied = body.mode === 'none' ? 'GET' : 'POST';
  // curl -X HEAD waits for a body that never comes; --head is what curl wants for HEAD.
  if (request.method === 'HEAD' && body.mode === 'none') args.push('--head');
  else if (request.method !== implied) args.push(`-X ${quote(request.method)}`);

  for (const header of request.headers) {
    // curl reads a -b value without "=" as a cookie file, so such a cookie stays a header.
    if (isNamed('cookie')(header) && header.value.includes('=')) args.push(`-b ${quote(header.value)}`);
    else if (header.value === '') args.push(`-H ${quote(`${header.name};`)}`);
    else args.push(`-H ${quote(`${header.name}: ${header.value}`)}`);
  }
  const contentType = body.mode === 'raw' ? body.contentType : undefined;
  if (
    contentType &&
    contentType !== CURL_DEFAULT_DATA_TYPE &&
    !request.headers.some(isNamed('content-type'))
  ) {
    args.push(`-H ${quote(`Content-Type: ${contentType}`)}`);
  }
  if (request.auth) args.push(`-u ${quote(`${request.auth.username}:${request.auth.password}`)}`);

  const data = dataText(body);
  if (data !== undefined) args.push(`--data-raw ${quote(data)}`);
  if (body.mode === 'multipart') {
    for (const field of body.fields) args.push(`-F ${quote(formatFormOption(field))}`);
  }
  if (request.compressed) args.push('--compressed');
  if (request.insecure) args.push('--insecure');

  const separator = args.length >= 3 ? (dialect === 'cmd' ? ' ^\n  ' : ' \\\n  ') : ' ';
  return `curl ${args.join(separator)}`;
}
