import type { RequestAuth } from '../../model/auth';
import type { MultipartField, RequestDraft } from '../../model/request';
import { DEFAULT_CSRF_HEADER } from '../../curl/browser-session';

/** A secret the caller chose to put in a snippet, for one credential. */
export type SnippetSecret =
  | { kind: 'token'; token: string }
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'apiKey'; value: string }
  | { kind: 'cookie'; cookie: string }
  | { kind: 'browserSession'; cookie: string; csrfHeader: string; csrfToken: string };

export interface SnippetOptions {
  /**
   * The caller has already filled in the draft's variables (`resolveDraft`): any `{{…}}` left in
   * it is literal text, so only the secret placeholders are listed in `placeholders`.
   */
  resolved?: boolean;
  /** Write real secrets instead of `{{placeholders}}`. Off unless the user explicitly asks. */
  includeSecrets?: boolean;
  /** The secrets to write when `includeSecrets` is true, by credential id. */
  secrets?: Readonly<Record<string, SnippetSecret>>;
  /**
   * What a browser-session credential says without its secret, by credential id: the CSRF header
   * it sends and whether it has a token at all. Absent: `X-Totara-Sesskey`, with a token.
   */
  browserSessions?: Readonly<Record<string, { csrfHeader: string; hasCsrfToken: boolean }>>;
}

export type SnippetBody =
  | { mode: 'none' }
  | { mode: 'text'; text: string; json: boolean }
  | { mode: 'form'; fields: { name: string; value: string }[] }
  | { mode: 'multipart'; fields: Exclude<MultipartField, { enabled: false }>[] }
  | { mode: 'file'; path: string };

/** A draft reduced to what is sent: enabled rows only, auth applied, GraphQL as JSON text. */
export interface PreparedRequest {
  method: string;
  url: string;
  headers: { name: string; value: string }[];
  basic?: { username: string; password: string };
  body: SnippetBody;
  /** The `{{placeholders}}` standing in for secrets. */
  secretPlaceholders: string[];
}

const hasHeader = (headers: readonly { name: string }[], name: string) =>
  headers.some((h) => h.name.toLowerCase() === name.toLowerCase());

function graphqlText(body: Extract<RequestDraft['body'], { mode: 'graphql' }>): string {
  const variables = body.variables.trim() === '' ? '{}' : body.variables.trim();
  const parts = [
    ...(body.persisted ? [] : [`"query":${JSON.stringify(body.query)}`]),
    `"variables":${variables}`,
    ...(body.operationName ? [`"operationName":${JSON.stringify(body.operationName)}`] : []),
  ];
  return `{${parts.join(',')}}`;
}

function body(draft: RequestDraft, headers: { name: string; value: string }[]): SnippetBody {
  const source = draft.body;
  const setType = (type: string) => {
    if (!hasHeader(headers, 'content-type')) headers.push({ name: 'Content-Type', value: type });
  };
  switch (source.mode) {
    case 'none':
      return source;
    case 'json':
      setType('application/json');
      return { mode: 'text', text: source.text, json: true };
    case 'graphql':
      setType('application/json');
      return { mode: 'text', text: graphqlText(source), json: true };
    case 'raw':
      setType(source.contentType);
      return { mode: 'text', text: source.text, json: false };
    case 'form-urlencoded':
      return {
        mode: 'form',
        fields: source.fields.filter((f) => f.enabled).map(({ name, value }) => ({ name, value })),
      };
    case 'multipart':
      return { mode: 'multipart', fields: source.fields.filter((f) => f.enabled) };
    case 'binary':
      if (source.contentType) setType(source.contentType);
      return { mode: 'file', path: source.path };
  }
}

function withQuery(url: string, name: string, value: string): string {
  const hashAt = url.indexOf('#');
  const [base, hash] = hashAt < 0 ? [url, ''] : [url.slice(0, hashAt), url.slice(hashAt)];
  const encode = (text: string) => (/^\{\{[^}]+\}\}$/.test(text) ? text : encodeURIComponent(text));
  return `${base}${base.includes('?') ? '&' : '?'}${encode(name)}=${encode(value)}${hash}`;
}

export function prepare(draft: RequestDraft, options: SnippetOptions): PreparedRequest {
  const headers = draft.headers.filter((h) => h.enabled).map(({ name, value }) => ({ name, value }));
  const prepared: PreparedRequest = {
    method: draft.method,
    url: draft.url,
    headers,
    body: body(draft, headers),
    secretPlaceholders: [],
  };
  if (prepared.body.mode === 'multipart') {
    // The client writes multipart's Content-Type itself, with the boundary it chose.
    prepared.headers = headers.filter((h) => h.name.toLowerCase() !== 'content-type');
  }
  applyAuth(prepared, draft.auth, options);
  return prepared;
}

function applyAuth(prepared: PreparedRequest, auth: RequestAuth, options: SnippetOptions): void {
  if (auth.type === 'none') return;
  const given = options.includeSecrets === true ? options.secrets?.[auth.credentialId] : undefined;
  const placeholder = (name: string) => {
    if (!prepared.secretPlaceholders.includes(name)) prepared.secretPlaceholders.push(name);
    return `{{${name}}}`;
  };
  switch (auth.type) {
    case 'bearer':
    case 'oauth2': {
      const token = given?.kind === 'token' ? given.token : placeholder('access_token');
      prepared.headers.push({ name: 'Authorization', value: `Bearer ${token}` });
      return;
    }
    case 'basic':
      prepared.basic =
        given?.kind === 'basic'
          ? { username: given.username, password: given.password }
          : { username: placeholder('username'), password: placeholder('password') };
      return;
    case 'apiKey': {
      const value = given?.kind === 'apiKey' ? given.value : placeholder('api_key');
      if (auth.in === 'query') prepared.url = withQuery(prepared.url, auth.name, value);
      else prepared.headers.push({ name: auth.name, value });
      return;
    }
    case 'session': {
      const cookie = given?.kind === 'cookie' ? given.cookie : placeholder('session_cookie');
      prepared.headers.push({ name: 'Cookie', value: cookie });
      return;
    }
    case 'browserSession': {
      const session = given?.kind === 'browserSession' ? given : undefined;
      const known = options.browserSessions?.[auth.credentialId];
      prepared.headers.push({ name: 'Cookie', value: session?.cookie ?? placeholder('session_cookie') });
      const token = session ? session.csrfToken : known?.hasCsrfToken === false ? '' : placeholder('sesskey');
      if (token === '') return;
      const header = session?.csrfHeader ?? known?.csrfHeader ?? DEFAULT_CSRF_HEADER;
      prepared.headers.push({ name: header, value: token });
      // As when Lantern sends it: an empty sesskey parameter in the address gets the token too.
      prepared.url = withSesskeyFilled(prepared.url, token);
      return;
    }
  }
}

/** Fills an empty `sesskey=` query parameter (Moodle's `lib/ajax/service.php?sesskey=&info=…`). */
function withSesskeyFilled(url: string, token: string): string {
  const hashAt = url.indexOf('#');
  const [base, hash] = hashAt < 0 ? [url, ''] : [url.slice(0, hashAt), url.slice(hashAt)];
  const value = /^\{\{[^}]+\}\}$/.test(token) ? token : encodeURIComponent(token);
  return base.replace(/([?&]sesskey=)(?=&|$)/i, (start: string) => start + value) + hash;
}

/** `/home/ann/beach.jpg` → `beach.jpg`. */
export const baseName = (path: string): string => path.split(/[\\/]/).pop() || path;
