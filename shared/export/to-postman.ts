import type { Collection, Folder, SavedRequest } from '../model/collection';
import { withSesskeyFilled } from '../curl/browser-session';
import type { HeaderRow, RequestBody, RequestDraft } from '../model/request';
import { csrfPlaceholder, postmanAuthBlock, secretPlaceholders } from './postman-auth-block';
import { withoutLiteralSecrets } from './secret-headers';

type Json = Record<string, unknown>;

export interface PostmanExport {
  /** The collection as Postman v2.1 JSON text. */
  json: string;
  /** One Postman environment file per environment: Postman keeps them apart from collections. */
  environments: { name: string; json: string }[];
  /** What Postman cannot hold and how it was carried instead (or that it was dropped). */
  warnings: string[];
}

const SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** What Lantern writes in `_postman_exported_using`: how a later export knows the file is its own. */
export const EXPORTED_USING = 'Lantern';

/** Was this environment file written by Lantern's own export (so a new export may replace it)? */
export function isLanternEnvironmentFile(text: string): boolean {
  try {
    const value = JSON.parse(text) as { _postman_exported_using?: unknown } | null;
    return (
      typeof value?._postman_exported_using === 'string' && value._postman_exported_using === EXPORTED_USING
    );
  } catch {
    return false;
  }
}

const LANGUAGES: [RegExp, string][] = [
  [/json/i, 'json'],
  [/xml/i, 'xml'],
  [/html/i, 'html'],
  [/javascript/i, 'javascript'],
];

function body(source: RequestBody, where: string, warnings: string[]): Json | undefined {
  switch (source.mode) {
    case 'none':
      return undefined;
    case 'json':
      return { mode: 'raw', raw: source.text, options: { raw: { language: 'json' } } };
    case 'raw': {
      const language = LANGUAGES.find(([pattern]) => pattern.test(source.contentType))?.[1] ?? 'text';
      return { mode: 'raw', raw: source.text, options: { raw: { language } } };
    }
    case 'form-urlencoded':
      return {
        mode: 'urlencoded',
        urlencoded: source.fields.map((f) => ({
          key: f.name,
          value: f.value,
          type: 'text',
          ...(f.enabled ? {} : { disabled: true }),
        })),
      };
    case 'multipart':
      return {
        mode: 'formdata',
        formdata: source.fields.map((f) => ({
          key: f.name,
          ...(f.kind === 'text' ? { value: f.value, type: 'text' } : { type: 'file', src: f.path }),
          ...(f.kind === 'file' && f.contentType ? { contentType: f.contentType } : {}),
          ...(f.enabled ? {} : { disabled: true }),
        })),
      };
    case 'binary':
      return { mode: 'file', file: { src: source.path } };
    case 'graphql':
      if (source.persisted)
        warnings.push(`${where} is a persisted GraphQL query; Postman sends the whole query instead.`);
      return { mode: 'graphql', graphql: { query: source.query, variables: source.variables } };
  }
}

/** Postman's URL object; disabled params go back into `query` at their place in the table. */
function url(draft: RequestDraft): Json {
  const raw = draft.url;
  const queryAt = raw.indexOf('?');
  const search = queryAt < 0 ? '' : (raw.slice(queryAt + 1).split('#')[0] ?? '');
  const query: Json[] = search
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? { key: pair, value: null } : { key: pair.slice(0, eq), value: pair.slice(eq + 1) };
    });
  for (const param of [...(draft.disabledParams ?? [])].sort((a, b) => a.index - b.index)) {
    query.splice(param.index, 0, { key: param.name, value: param.value, disabled: true });
  }
  const match = /^(?:([a-z][\w+.-]*):\/\/)?([^/?#]*)([^?#]*)/i.exec(raw);
  const path = (match?.[3] ?? '').split('/').filter((s) => s !== '');
  return {
    raw,
    ...(match?.[1] ? { protocol: match[1] } : {}),
    host: (match?.[2] ?? '').split('.'),
    ...(path.length > 0 ? { path } : {}),
    ...(query.length > 0 ? { query } : {}),
  };
}

const headerRows = (rows: readonly HeaderRow[]) =>
  rows.map((h) => ({ key: h.name, value: h.value, type: 'text', ...(h.enabled ? {} : { disabled: true }) }));

class PostmanWriter {
  readonly warnings: string[] = [];
  private readonly placeholders: Map<string, string>;

  constructor(private readonly collection: Collection) {
    this.placeholders = secretPlaceholders(collection.credentials);
  }

  auth(auth: NonNullable<Folder['auth']>): Json {
    return postmanAuthBlock(auth, this.collection.credentials, this.placeholders);
  }

  /** `{{sesskey}}`, `{{sesskey_2}}`…: the variable a browser session's CSRF token is exported as. */
  csrfVariable(credentialId: string): string {
    return `{{${csrfPlaceholder(this.placeholders.get(credentialId) ?? 'session_cookie')}}}`;
  }

  /** Postman's auth holds one header: a browser session's CSRF header travels as a `{{sesskey}}` header. */
  sessionHeader(auth: RequestDraft['auth']): HeaderRow[] {
    if (auth.type !== 'browserSession') return [];
    const credential = this.collection.credentials.find((c) => c.id === auth.credentialId);
    const name = credential?.fields.csrfHeader;
    if (!name) return [];
    return [{ name, value: this.csrfVariable(auth.credentialId), enabled: true }];
  }

  /**
   * Lantern fills an empty `sesskey=` from the browser session when it sends; Postman does not, and
   * Moodle reads the sesskey from the query: the export writes the session's `{{sesskey}}` there.
   */
  address(draft: RequestDraft, auth: RequestDraft['auth']): RequestDraft {
    if (auth.type !== 'browserSession') return draft;
    const filled = withSesskeyFilled(draft.url, this.csrfVariable(auth.credentialId));
    return filled === draft.url ? draft : { ...draft, url: filled };
  }

  /**
   * `folderAuth` is the auth of the nearest folder that sets one: a request inheriting a browser
   * session needs the session's `{{sesskey}}` header too, since Postman's auth carries only the cookie.
   */
  request(saved: SavedRequest, inherited: readonly HeaderRow[], folderAuth?: Folder['auth']): Json {
    const { draft } = saved;
    const where = `Request "${saved.name}"`;
    // Postman folders cannot hold headers, so each request carries its folders' ones.
    const own = new Set(draft.headers.map((h) => h.name.toLowerCase()));
    const safe = withoutLiteralSecrets([
      ...inherited.filter((h) => !own.has(h.name.toLowerCase())),
      ...draft.headers,
    ]);
    if (safe.replaced.length > 0)
      this.warnings.push(
        `${where} had secret values in its headers; they were written as ${safe.replaced.map((n) => `{{${n}}}`).join(', ')}: define ${safe.replaced.length > 1 ? 'those variables' : 'that variable'} in Postman.`,
      );
    const effective = draft.auth.type === 'none' && saved.inheritAuth && folderAuth ? folderAuth : draft.auth;
    const named = new Set(safe.rows.map((h) => h.name.toLowerCase()));
    const session = this.sessionHeader(effective).filter((h) => !named.has(h.name.toLowerCase()));
    const headers = [...safe.rows, ...session];
    if (draft.settings)
      this.warnings.push(
        `${where} has its own transport settings (TLS, redirects, timeout); Postman keeps those elsewhere, so they were left out.`,
      );
    this.warnChecks(where, draft.tests?.length ?? 0, draft.captures?.length ?? 0);
    if (saved.expectStatus)
      this.warnings.push(
        `${where} expects status ${saved.expectStatus}; Postman has no such setting, so it was left out.`,
      );
    const requestBody = body(draft.body, where, this.warnings);
    const auth =
      draft.auth.type !== 'none' ? this.auth(draft.auth) : saved.inheritAuth ? undefined : { type: 'noauth' };
    return {
      id: saved.id,
      name: saved.name,
      request: {
        ...(auth ? { auth } : {}),
        method: draft.method,
        header: headerRows(headers),
        ...(requestBody ? { body: requestBody } : {}),
        url: url(this.address(draft, effective)),
        ...(saved.description ? { description: saved.description } : {}),
      },
      response: [],
    };
  }

  /** Postman holds checks as test scripts, which this export does not write. */
  warnChecks(where: string, tests: number, captures: number): void {
    const parts = [
      ...(tests > 0 ? [`${tests} test${tests > 1 ? 's' : ''}`] : []),
      ...(captures > 0 ? [`${captures} capture${captures > 1 ? 's' : ''}`] : []),
    ];
    if (parts.length === 0) return;
    this.warnings.push(
      `${where} has ${parts.join(' and ')}; Postman keeps these as test scripts, which Lantern does not write, so they were left out.`,
    );
  }

  items(folder: Folder, inherited: readonly HeaderRow[], parentAuth?: Folder['auth']): Json[] {
    const headers = [...inherited, ...(folder.headers ?? [])];
    this.warnChecks(`Folder "${folder.name}"`, folder.tests?.length ?? 0, 0);
    const auth = folder.auth ?? parentAuth;
    if (folder.headers?.length) {
      this.warnings.push(
        `Folder "${folder.name}" sets ${folder.headers.length} header${folder.headers.length > 1 ? 's' : ''}; Postman folders cannot hold headers, so each of its requests carries them.`,
      );
    }
    return [
      ...folder.folders.map((child) => this.folder(child, headers, auth)),
      ...folder.requests.map((r) => this.request(r, headers, auth)),
    ];
  }

  folder(folder: Folder, inherited: readonly HeaderRow[], parentAuth?: Folder['auth']): Json {
    return {
      name: folder.name,
      id: folder.id,
      ...(folder.description ? { description: folder.description } : {}),
      item: this.items(folder, inherited, parentAuth),
      ...(folder.auth ? { auth: this.auth(folder.auth) } : {}),
      ...(folder.variables?.length ? { variable: variables(folder.variables) } : {}),
    };
  }
}

const variables = (list: NonNullable<Folder['variables']>) =>
  list.map((v) =>
    v.secret ? { key: v.name, value: '', type: 'secret' } : { key: v.name, value: v.value, type: 'string' },
  );

/**
 * Writes a collection as Postman v2.1. Auth references become Postman auth blocks whose
 * secrets are `{{placeholders}}` (e.g. `{{client_secret}}`): define them in Postman.
 * Secret variables are written empty. `importPostman` reads the result back to the same collection.
 */
export function toPostman(collection: Collection): PostmanExport {
  const writer = new PostmanWriter(collection);
  const { root } = collection;
  const document = {
    info: {
      _postman_id: root.id,
      name: collection.name,
      ...(root.description ? { description: root.description } : {}),
      schema: SCHEMA,
    },
    item: writer.items(root, []),
    ...(root.auth ? { auth: writer.auth(root.auth) } : {}),
    ...(root.variables?.length ? { variable: variables(root.variables) } : {}),
  };
  const environments = collection.environments.map((env) => ({
    name: env.name,
    json: JSON.stringify(
      {
        name: env.name,
        values: env.variables.map((v) => ({
          key: v.name,
          value: v.secret ? '' : v.value,
          type: v.secret ? 'secret' : 'default',
          enabled: true,
        })),
        _postman_variable_scope: 'environment',
        _postman_exported_using: EXPORTED_USING,
      },
      null,
      '\t',
    ),
  }));
  return { json: JSON.stringify(document, null, '\t'), environments, warnings: writer.warnings };
}
