import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { browserSessionFromCurl, parseCurl } from '../../../shared/curl';
import { toPostman, toSnippet, type SnippetSecret } from '../../../shared/export';
import { importCurl } from '../../../shared/importers';
import type { Handlers } from '../../../shared/contract';
import type { Collection, Folder } from '../../../shared/model/collection';
import { LanternError } from '../../../shared/model/result';
import type { AuthContext } from '../auth/apply-auth';
import { decodeBrowserSession } from '../auth/browser-session-secret';
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

/** Keeps the cookie and sesskey of a pasted command as a browser-session credential (one per site). */
async function keepPastedSession(
  auth: AuthContext,
  text: string,
): Promise<{ id: string; label: string } | undefined> {
  const session = browserSessionFromCurl(text);
  if (!session.ok) return undefined;
  const label = `Browser session for ${new URL(session.siteUrl).host}`;
  const existing = auth.credentials
    .summaries()
    .find((c) => c.kind === 'browserSession' && c.label === label && c.fields.siteUrl === session.siteUrl);
  const saved = await auth.credentials.saveBrowserSession({
    ...(existing ? { id: existing.id } : {}),
    label,
    siteUrl: session.siteUrl,
    csrfHeader: session.csrfHeader,
    cookie: session.cookie,
    csrfToken: session.csrfToken,
  });
  return { id: saved.id, label };
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
            `The cookie and sesskey in the command were kept as the credential "${kept.label}", not in the request. Lantern cannot renew a browser session: when it expires, paste a fresh "Copy as cURL".`,
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
      return toSnippet(draft, language, { includeSecrets, secrets });
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
      // The collection's own path was chosen by the user; the environment files beside it were not.
      for (const environment of environmentFiles) {
        if (await exists(environment.name))
          throw new LanternError(
            'export.would-overwrite',
            `Nothing was exported: the environment file ${environment.name} already exists, and Lantern does not overwrite a file it did not ask you about. Move or delete it, or export to another folder.`,
          );
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
