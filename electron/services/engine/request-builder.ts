import { HTTP_TOKEN, type RequestDraft } from '../../../shared/model/request';
import { LanternError } from '../../../shared/model/result';
import { buildBody, type WireBody } from './request-body';

export interface PreparedRequest {
  url: URL;
  method: string;
  headers: [string, string][];
  body: WireBody;
  /** Headers the request's auth added (Authorization, an API-key or CSRF header): never sent to another origin. */
  authHeaderNames?: string[];
}

/** Validates a draft and turns it into exactly what goes on the wire. */
export async function prepareRequest(draft: RequestDraft): Promise<PreparedRequest> {
  const url = parseUrl(draft.url);
  const method = draft.method.toUpperCase();
  const headers: [string, string][] = [];
  for (const row of draft.headers) {
    if (!row.enabled || row.name.trim() === '') continue;
    const name = row.name.trim();
    if (!HTTP_TOKEN.test(name)) {
      throw new LanternError(
        'invalid-header',
        `The header name "${name}" contains characters a header name cannot have (spaces, colons or quotes, for example). Fix or disable that row.`,
      );
    }
    if (/[\r\n\0]/.test(row.value)) {
      throw new LanternError(
        'invalid-header',
        `The value of header "${name}" contains a line break, which would corrupt the request. Remove it.`,
      );
    }
    headers.push([name, row.value]);
  }
  const hasHeader = (name: string) => headers.some(([n]) => n.toLowerCase() === name);
  const built = await buildBody(draft.body);
  if (built.contentType && !hasHeader('content-type')) headers.push(['Content-Type', built.contentType]);
  if (draft.body.mode === 'multipart') {
    // A hand-written multipart Content-Type lacks the boundary undici generates: drop it.
    const index = headers.findIndex(
      ([n, v]) => n.toLowerCase() === 'content-type' && /multipart\/form-data/i.test(v),
    );
    if (index >= 0) headers.splice(index, 1);
  }
  const body = built.body;
  if (!hasHeader('user-agent')) headers.push(['User-Agent', 'Lantern']);
  if (!hasHeader('accept')) headers.push(['Accept', '*/*']);
  return { url, method, headers, body };
}

function parseUrl(raw: string): URL {
  const text = raw.trim();
  if (text === '')
    throw new LanternError(
      'invalid-url',
      'The URL is empty. Type an address such as https://api.example.com/users.',
    );
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new LanternError(
      'invalid-url',
      `"${text}" is not a valid URL. Check for spaces or stray characters; a URL looks like https://host/path?query.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LanternError(
      'invalid-url',
      `Lantern sends http:// and https:// requests only, not ${url.protocol}//.`,
    );
  }
  return url;
}
