import { secretReference, type RequestAuth } from '../model/auth';
import type { Collection, Folder, ImportReport } from '../model/collection';
import type { RequestDraft } from '../model/request';
import { looksSecret } from '../redact/secret-names';

export type CredentialNeed = Collection['credentials'][number];
export type CredentialKind = CredentialNeed['kind'];
export type Variable = NonNullable<Folder['variables']>[number];

/** What every importer answers: a report, or a plain-words error (what, why, what to do). */
export type ImportResult = { ok: true; report: ImportReport } | { ok: false; error: string };

/** Auth found in a source file, before it becomes a credential reference. */
export interface FoundAuth {
  kind: CredentialKind;
  /** Non-secret settings only: token URL, client id, username, header name… */
  fields: Record<string, string>;
  /**
   * The secret values the source held, the one Lantern's credential keeps first (the token, the
   * password, the API key, the client secret). Used only to tell two credentials apart while
   * importing; they never reach the collection or the report, unless the first is a `{{variable}}`
   * reference, which is no secret: it is kept as the credential's `secretReference`.
   */
  secrets: (string | undefined)[];
  apiKey?: { name: string; in: 'header' | 'query' };
}

/** A source variable before the secret rule is applied. */
export interface SourceVariable {
  name: string;
  value: string;
  /** The source marked it secret (Postman `type: "secret"`). */
  markedSecret?: boolean;
  disabled?: boolean;
}

const KIND_LABELS: Record<CredentialKind, string> = {
  bearer: 'Bearer token',
  basic: 'Username and password',
  apiKey: 'API key',
  oauth2: 'OAuth 2.0',
  session: 'Session login',
  browserSession: 'Browser session',
};
const ID_PREFIX: Record<CredentialKind, string> = {
  bearer: 'bearer',
  basic: 'basic',
  apiKey: 'api-key',
  oauth2: 'oauth2',
  session: 'session',
  browserSession: 'browser-session',
};

/** A value that is only a `{{variable}}` reference names where a secret lives; it is not one. */
export const isTemplateOnly = (value: string): boolean => /^\s*(\{\{[^{}]+\}\}\s*)+$/.test(value);

const SAFE_ID = /^[A-Za-z0-9_.-]{1,128}$/;
const DYNAMIC = /\{\{\s*(\$[A-Za-z][A-Za-z0-9_.]*)\s*\}\}/g;

/**
 * The state one import builds up: ids already given out, credentials (deduplicated) and
 * the plain-words lines of what was left out.
 */
export interface ImportContextOptions {
  /**
   * One browser-session need per site (HAR): one browser holds one login per site, so entries
   * with different cookie strings (a cookie set mid-capture) or with and without the CSRF header
   * are the same session. Off, browser sessions are told apart by their secrets like any
   * credential: a collection's "admin" and "learner" requests keep two sessions.
   */
  sessionPerSite?: boolean;
}

export class ImportContext {
  readonly skipped: string[] = [];
  readonly credentials: CredentialNeed[] = [];
  private readonly credentialByKey = new Map<string, CredentialNeed>();
  private readonly usedIds = new Set<string>();
  private readonly counters = new Map<string, number>();

  constructor(private readonly options: ImportContextOptions = {}) {}

  skip(line: string): void {
    if (!this.skipped.includes(line)) this.skipped.push(line);
  }

  /** The source's own id when it is usable and unused, else `prefix-N` counted in file order. */
  id(sourceId: string | undefined, prefix: string): string {
    if (sourceId !== undefined && SAFE_ID.test(sourceId) && !this.usedIds.has(sourceId)) {
      this.usedIds.add(sourceId);
      return sourceId;
    }
    let id: string;
    do {
      const next = (this.counters.get(prefix) ?? 0) + 1;
      this.counters.set(prefix, next);
      id = `${prefix}-${next}`;
    } while (this.usedIds.has(id));
    this.usedIds.add(id);
    return id;
  }

  /** Turns found auth into a reference, adding (or reusing) the credential it needs. */
  credential(found: FoundAuth, where: string): RequestAuth {
    const secrets = found.secrets.filter((s): s is string => s !== undefined && s !== '');
    const fieldList = Object.entries(found.fields)
      .filter(([, value]) => value !== '')
      .sort(([a], [b]) => a.localeCompare(b));
    const perSite = found.kind === 'browserSession' && this.options.sessionPerSite === true;
    const key = perSite
      ? JSON.stringify([found.kind, found.fields.siteUrl ?? ''])
      : JSON.stringify([found.kind, fieldList, found.apiKey ?? null, secrets]);
    let need = this.credentialByKey.get(key);
    if (need && perSite) mergeSessionFields(need, fieldList, secrets);
    if (!need) {
      const count = this.credentials.filter((c) => c.kind === found.kind).length + 1;
      need = {
        id: `${ID_PREFIX[found.kind]}-${count}`,
        kind: found.kind,
        label: `${KIND_LABELS[found.kind]} (${where})`,
        fields: Object.fromEntries(fieldList),
        secretLeftOut: secrets.some((secret) => !isTemplateOnly(secret)),
      };
      const reference = found.kind === 'browserSession' ? undefined : secretReference(found.secrets[0]);
      if (reference !== undefined) need.secretReference = reference;
      this.credentialByKey.set(key, need);
      this.credentials.push(need);
    }
    const kind = found.kind;
    if (kind === 'apiKey') {
      const { name = 'X-API-Key', in: place = 'header' } = found.apiKey ?? {};
      return { type: 'apiKey', credentialId: need.id, name, in: place };
    }
    return { type: kind, credentialId: need.id };
  }

  /** Applies the secret rule: secret-looking variables keep their name, never their value. */
  variables(source: readonly SourceVariable[], where: string): Variable[] {
    const kept: Variable[] = [];
    for (const variable of source) {
      if (variable.disabled) {
        this.skip(`Variable "${variable.name}" in ${where} was switched off, so it was not imported.`);
        continue;
      }
      const secret = variable.markedSecret === true || looksSecret(variable.name);
      if (secret && variable.value !== '' && !isTemplateOnly(variable.value)) {
        this.skip(
          `Variable "${variable.name}" in ${where} holds a secret, so its value was not imported:` +
            ' re-enter it in Lantern, where it is kept in the vault.',
        );
      }
      const value = secret && !isTemplateOnly(variable.value) ? '' : variable.value;
      kept.push({ name: variable.name, value, secret });
    }
    return kept;
  }

  /** Reports `{{$guid}}`-style dynamic variables: the text is kept, Lantern does not fill them. */
  reportDynamicVariables(draft: RequestDraft, where: string): void {
    const names = new Set<string>();
    for (const text of draftTexts(draft))
      for (const match of text.matchAll(DYNAMIC)) names.add(match[1] ?? '');
    if (names.size === 0) return;
    const list = [...names].map((name) => `{{${name}}}`).join(', ');
    this.skip(
      `${capitalise(where)} uses the dynamic variable${names.size > 1 ? 's' : ''} ${list}. The text was kept,` +
        ' but Lantern does not fill these in: replace them with a value or one of your variables.',
    );
  }

  report(collection: Collection): ImportReport {
    return { collection, skipped: [...this.skipped], counts: countCollection(collection) };
  }
}

/** A later entry of the same site's session adds what the first lacked (its CSRF header). */
function mergeSessionFields(need: CredentialNeed, fields: [string, string][], secrets: string[]): void {
  const merged = Object.fromEntries(fields.filter(([name]) => need.fields[name] === undefined));
  if (Object.keys(merged).length > 0)
    need.fields = Object.fromEntries(
      Object.entries({ ...need.fields, ...merged }).sort(([a], [b]) => a.localeCompare(b)),
    );
  if (secrets.some((secret) => !isTemplateOnly(secret))) need.secretLeftOut = true;
}

export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * `GET /lib/ajax/service.php`: a request named by its method and path. The query is left out: it
 * can carry a secret (`?sesskey=…`, `?api_key=…`) that must not become part of a name. An address
 * with no scheme (`{{base_url}}/api/me`) is named by all of it up to the query.
 */
export function requestName(method: string, url: string): string {
  const withScheme = /^[a-z][\w+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url);
  const path = (withScheme ? withScheme[1] : url.split(/[?#]/)[0]?.trim()) || '/';
  const name = `${method} ${path}`;
  return name.length > 100 ? `${name.slice(0, 99)}…` : name;
}

/** "request "Get user" in Users / Admin" — how report lines name a place. */
export function describePlace(kind: 'request' | 'folder', name: string, path: readonly string[]): string {
  return path.length === 0 ? `${kind} "${name}"` : `${kind} "${name}" in ${path.join(' / ')}`;
}

/** Every piece of text in a draft that may hold `{{variables}}`. */
export function draftTexts(draft: RequestDraft): string[] {
  const texts = [draft.url, ...draft.headers.flatMap((h) => [h.name, h.value])];
  const { body } = draft;
  if (body.mode === 'json' || body.mode === 'raw') texts.push(body.text);
  if (body.mode === 'graphql') texts.push(body.query, body.variables);
  if (body.mode === 'form-urlencoded') texts.push(...body.fields.flatMap((f) => [f.name, f.value]));
  if (body.mode === 'multipart') {
    texts.push(...body.fields.flatMap((f) => [f.name, f.kind === 'text' ? f.value : f.path]));
  }
  return texts;
}

function countCollection(collection: Collection): ImportReport['counts'] {
  let folders = 0;
  let requests = 0;
  const walk = (folder: Folder) => {
    requests += folder.requests.length;
    for (const child of folder.folders) {
      folders += 1;
      walk(child);
    }
  };
  walk(collection.root);
  return { folders, requests, environments: collection.environments.length };
}
