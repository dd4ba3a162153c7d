import { access, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { browserSessionFromCurl, parseCurl } from '../../../shared/curl';
import {
  keepEnvironmentFile,
  toPostman,
  toSnippet,
  type KeepEnvironmentFile,
  type SnippetSecret,
} from '../../../shared/export';
import { importCurl } from '../../../shared/importers';
import type { Handlers } from '../../../shared/contract';
import type { RequestAuth } from '../../../shared/model/auth';
import type { Collection, Folder } from '../../../shared/model/collection';
import { LanternError } from '../../../shared/model/result';
import type { AuthContext } from '../auth/apply-auth';
import { decodeBrowserSession, type BrowserSessionSecret } from '../auth/browser-session-secret';
import { writeFileAtomic } from '../atomic-file';
import { slugify } from '../workspace/slug';
import type { WorkspaceSession } from './workspace-session';

type ExchangeHandlers = Pick<Handlers, 'curlToDraft' | 'exportSnippet' | 'exportPostman'>;

/** The secret a pasted command carried for the credential the importer made of it. */
function pastedSecret(text: string, kind: string): string | undefined {
  const parsed = parseCurl(text);
  if (!parsed.ok) return undefined;
  const { request } = parsed;
  const header = request.headers.find((h) => h.name.trim().toLowerCase() === 'authorization')?.value ?? '';
  const [, scheme = '', rest = ''] = /^\s*(\S+)\s*(.*)$/s.exec(header) ?? [];
  if (kind === 'bearer' && scheme.toLowerCase() === 'bearer') return rest.trim();
  if (kind === 'basic') {
    if (request.auth) return request.auth.password;
    try {
      const decoded = atob(rest.trim());
      return decoded.slice(decoded.indexOf(':') + 1);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Only on the user's explicit request: the secret of the credential a draft uses, for a snippet. */
function snippetSecret(auth: AuthContext, credentialId: string): SnippetSecret | undefined {
  const credential = auth.credentials.get(credentialId);
  switch (credential.kind) {
    case 'bearer':
      return { kind: 'token', token: credential.token };
    case 'basic':
      return { kind: 'basic', username: credential.username, password: credential.password };
    case 'apiKey':
      return { kind: 'apiKey', value: credential.key };
    case 'oauth2': {
      const held = auth.tokens.list().find((t) => t.credentialId === credentialId);
      return held ? { kind: 'token', token: held.accessToken } : undefined;
    }
    case 'session':
      return undefined;
    case 'browserSession': {
      const { cookie, csrfToken } = decodeBrowserSession(credential.session, `"${credential.label}"`);
      return { kind: 'browserSession', cookie, csrfHeader: credential.csrfHeader, csrfToken };
    }
  }
}

/** A browser session's CSRF header and whether it has a token: what a snippet without secrets needs. */
function browserSessionShapes(
  auth: AuthContext,
  requestAuth: RequestAuth,
): Record<string, { csrfHeader: string; hasCsrfToken: boolean }> {
  if (requestAuth.type !== 'browserSession') return {};
  try {
    const credential = auth.credentials.get(requestAuth.credentialId);
    if (credential.kind !== 'browserSession') return {};
    const hasCsrfToken = decodeBrowserSession(credential.session).csrfToken !== '';
    return { [requestAuth.credentialId]: { csrfHeader: credential.csrfHeader, hasCsrfToken } };
  } catch {
    // A missing or damaged credential: the snippet keeps the default placeholders; sending says what is wrong.
    return {};
  }
}

/** The cookie a stored browser session holds; undefined when it cannot be read. */
function storedSession(auth: AuthContext, id: string): BrowserSessionSecret | undefined {
  try {
    const credential = auth.credentials.get(id);
    return credential.kind === 'browserSession' ? decodeBrowserSession(credential.session) : undefined;
  } catch {
    return undefined;
  }
}

interface KeptSession {
  id: string;
  label: string;
  /** True when an existing credential for the site was given the new cookie and token. */
  refreshed: boolean;
  /** A credential for the same site that sends another CSRF header (left as it was). */
  besides?: { label: string; csrfHeader: string };
  /** Several sessions for the site (an admin and a learner login) and none held this cookie. */
  ambiguous?: string[];
  /** The pasted command had no sesskey, so the one already kept was left in place. */
  keptToken?: boolean;
}

const sameHeader = (a: string | undefined, b: string) => a?.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Keeps the cookie and sesskey of a pasted command as a browser-session credential. A pasted
 * command is how a session is renewed (a re-login always brings a new cookie), so a credential
 * for the same site and CSRF header is refreshed in place: every request using it sends the new
 * cookie. Only a site with none (or one with another CSRF header) gets a new credential.
 */
async function keepPastedSession(auth: AuthContext, text: string): Promise<KeptSession | undefined> {
  const session = browserSessionFromCurl(text);
  if (!session.ok) return undefined;
  const summaries = auth.credentials.summaries();
  const forSite = summaries.filter(
    (c) => c.kind === 'browserSession' && c.fields.siteUrl === session.siteUrl,
  );
  const matching = forSite.filter((c) => sameHeader(c.fields.csrfHeader, session.csrfHeader));
  // The one already holding this cookie; else the only one. With several (an admin and a learner
  // login) none is guessed at: overwriting the wrong one would send as another user.
  const existing =
    matching.find((c) => storedSession(auth, c.id)?.cookie === session.cookie) ??
    (matching.length === 1 ? matching[0] : undefined);
  // A paste without a sesskey (a plain page request) keeps the one already stored.
  const keptToken = existing && !session.csrfToken ? storedSession(auth, existing.id)?.csrfToken : undefined;
  const base = `Browser session for ${new URL(session.siteUrl).host}`;
  let label = existing?.label ?? base;
  for (let n = 2; !existing && summaries.some((c) => c.label === label); n += 1) label = `${base} (${n})`;
  const saved = await auth.credentials.saveBrowserSession({
    ...(existing ? { id: existing.id } : {}),
    label,
    siteUrl: session.siteUrl,
    csrfHeader: session.csrfHeader,
    cookie: session.cookie,
    csrfToken: session.csrfToken || keptToken || '',
  });
  const ambiguous = !existing && matching.length > 1 ? matching.map((c) => c.label) : undefined;
  const other = existing || ambiguous ? undefined : forSite[0];
  return {
    id: saved.id,
    label,
    refreshed: existing !== undefined,
    ...(other ? { besides: { label: other.label, csrfHeader: other.fields.csrfHeader ?? '' } } : {}),
    ...(ambiguous ? { ambiguous } : {}),
    ...(keptToken ? { keptToken: true } : {}),
  };
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

function findFolder(root: Folder, id: string): Folder | undefined {
  if (root.id === id) return root;
  for (const child of root.folders) {
    const found = findFolder(child, id);
    if (found) return found;
  }
  return undefined;
}

function credentialIdsOf(folder: Folder, into = new Set<string>()): Set<string> {
  if (folder.auth && folder.auth.type !== 'none') into.add(folder.auth.credentialId);
  for (const request of folder.requests)
    if (request.draft.auth.type !== 'none') into.add(request.draft.auth.credentialId);
  for (const child of folder.folders) credentialIdsOf(child, into);
  return into;
}

/** Why an environment file beside the export is kept, and what to do. */
function wouldOverwrite(file: string, keep: KeepEnvironmentFile): LanternError {
  const what =
    keep.why === 'not-lantern'
      ? 'already exists and was not written by a Lantern export'
      : `was written by an earlier Lantern export, but values were filled into it since (${keep.names.join(', ')}) and a new export would replace them`;
  return new LanternError(
    'export.would-overwrite',
    `Nothing was exported: the environment file ${file} ${what}, so Lantern will not overwrite it. Move or delete it, or export to another folder.`,
  );
}

export function workspaceExchangeHandlers(auth: AuthContext, session: WorkspaceSession): ExchangeHandlers {
  return {
    curlToDraft: async ({ text }) => {
      const result = importCurl(text);
      if (!result.ok) throw new LanternError('curl.unreadable', result.error);
      const { collection, skipped } = result.report;
      const request = collection.root.requests[0];
      if (!request) throw new LanternError('curl.unreadable', 'The cURL command holds no request.');
      let draft = request.draft;
      const notes = skipped.filter((line) => !/secret was left out|held a browser session/.test(line));
      const need = collection.credentials[0];
      if (need?.kind === 'browserSession' && draft.auth.type === 'browserSession') {
        const kept = await keepPastedSession(auth, text);
        if (kept) {
          draft = { ...draft, auth: { ...draft.auth, credentialId: kept.id } };
          notes.push(
            kept.refreshed
              ? `Refreshed the session kept in "${kept.label}": requests using it now send the new cookie. The cookie and sesskey stay in that credential, not in the request.`
              : `The cookie and sesskey in the command were kept as the credential "${kept.label}", not in the request. Lantern cannot renew a browser session: when it expires, paste a fresh "Copy as cURL".`,
          );
          if (kept.ambiguous)
            notes.push(
              `This site already has several browser sessions (${kept.ambiguous.map((l) => `"${l}"`).join(', ')}) and none holds this cookie, so none was overwritten: this one became a new credential. To renew one of them, paste the command into that credential (Auth tab → Edit).`,
            );
          if (kept.keptToken)
            notes.push(
              'The command has no sesskey, so the one already kept was left in place. If calls now fail with "Invalid sesskey", copy a request that carries the sesskey (an AJAX call).',
            );
          if (kept.besides)
            notes.push(
              `"${kept.besides.label}" holds a session for the same site sent with another CSRF header (${kept.besides.csrfHeader || 'none'}), so it was left as it was and this one became a new credential.`,
            );
        } else {
          draft = { ...draft, auth: { type: 'none' } };
          notes.push(
            'The command has a sesskey (CSRF) header but no cookie, so it holds no session: the header was left out. Copy a request the logged-in page made, with its cookies.',
          );
        }
      } else if (need && draft.auth.type !== 'none') {
        const secret = pastedSecret(text, need.kind);
        const host = URL.parse(draft.url)?.host ?? 'pasted command';
        const label = `Pasted ${need.kind === 'basic' ? 'login' : 'token'} for ${host}`;
        if (secret) {
          const existing = auth.credentials
            .summaries()
            .find((c) => c.label === label && c.kind === need.kind);
          const saved = await auth.credentials.save({
            ...(existing ? { id: existing.id } : {}),
            kind: need.kind,
            label,
            fields: need.fields,
            secret,
          });
          draft = { ...draft, auth: { ...draft.auth, credentialId: saved.id } };
          notes.push(
            `The ${need.kind === 'basic' ? 'password' : 'token'} in the command was kept as the credential "${label}", not in the request.`,
          );
        }
      }
      return { draft, name: request.name, notes };
    },
    exportSnippet: async ({ draft, language, includeSecrets }) => {
      const secrets: Record<string, SnippetSecret> = {};
      if (includeSecrets && draft.auth.type !== 'none') {
        const secret = snippetSecret(auth, draft.auth.credentialId);
        if (secret) secrets[draft.auth.credentialId] = secret;
      }
      return toSnippet(draft, language, {
        includeSecrets,
        secrets,
        browserSessions: browserSessionShapes(auth, draft.auth),
      });
    },
    exportPostman: async ({ folderId, path: target }) => {
      const { workspace } = session.store;
      const root = folderId === undefined ? workspace.root : findFolder(workspace.root, folderId);
      if (!root)
        throw new LanternError('workspace.folder-missing', 'That folder is no longer in the workspace.');
      const used = credentialIdsOf(root);
      const collection: Collection = {
        name: root.name,
        root,
        environments: folderId === undefined ? workspace.environments : [],
        credentials: auth.credentials
          .summaries()
          .filter((c) => used.has(c.id))
          .map((c) => ({ id: c.id, kind: c.kind, label: c.label, fields: c.fields, secretLeftOut: true })),
      };
      const exported = toPostman(collection);
      const file = path.resolve(target);
      const taken = new Set<string>();
      const environmentFiles = exported.environments.map((environment) => {
        const base = slugify(environment.name, 'environment');
        let slug = base;
        for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
        taken.add(slug);
        return {
          name: path.join(path.dirname(file), `${slug}.postman_environment.json`),
          json: environment.json,
        };
      });
      // The collection's own path was chosen by the user; the environment files beside it were not:
      // only one an earlier Lantern export wrote, with no value filled in since, is replaced.
      for (const environment of environmentFiles) {
        if (!(await exists(environment.name))) continue;
        const current = await readFile(environment.name, 'utf8').catch(() => '');
        const keep = keepEnvironmentFile(current, environment.json);
        if (keep) throw wouldOverwrite(environment.name, keep);
      }
      await mkdir(path.dirname(file), { recursive: true }).catch(() => undefined);
      try {
        await writeFileAtomic(file, exported.json);
      } catch (error) {
        throw new LanternError(
          'export.unwritable',
          `${file} could not be written: ${(error as Error).message}`,
        );
      }
      for (const environment of environmentFiles) {
        try {
          await writeFileAtomic(environment.name, environment.json);
        } catch (error) {
          throw new LanternError(
            'export.unwritable',
            `${environment.name} could not be written: ${(error as Error).message}`,
          );
        }
      }
      return {
        path: file,
        environmentFiles: environmentFiles.map((e) => e.name),
        warnings: exported.warnings,
      };
    },
  };
}
