import { quoteFor } from '../../curl/shell-quote';
import { toCurl, type CurlBody, type CurlDialect, type CurlRequest } from '../../curl';
import type { PreparedRequest } from './prepare';

function curlBody(request: PreparedRequest): CurlBody {
  const { body } = request;
  switch (body.mode) {
    case 'text': {
      const contentType = request.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;
      return contentType ? { mode: 'raw', text: body.text, contentType } : { mode: 'raw', text: body.text };
    }
    case 'form':
      return { mode: 'form-urlencoded', fields: body.fields };
    case 'multipart':
      return {
        mode: 'multipart',
        fields: body.fields.map((f) =>
          f.kind === 'text'
            ? { name: f.name, value: f.value }
            : { name: f.name, file: f.path, ...(f.contentType ? { contentType: f.contentType } : {}) },
        ),
      };
    default:
      return { mode: 'none' };
  }
}

/** curl for bash or Windows cmd, written by shared/curl's `toCurl` (as Chrome writes it). */
export function curlSnippet(request: PreparedRequest, dialect: CurlDialect): string {
  const curl: CurlRequest = {
    method: request.method,
    url: request.url,
    headers: request.headers,
    body: curlBody(request),
    insecure: false,
    compressed: false,
  };
  if (request.basic) curl.auth = { type: 'basic', ...request.basic };
  const command = toCurl(curl, dialect);
  if (request.body.mode !== 'file') return command;
  // toCurl has no file body: curl reads one with --data-binary @path.
  const separator = dialect === 'cmd' ? ' ^\n  ' : ' \\\n  ';
  return `${command}${separator}--data-binary ${quoteFor(dialect)(`@${request.body.path}`)}`;
}
