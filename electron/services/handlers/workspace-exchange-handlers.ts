import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCurl } from '../../../shared/curl';
import { toPostman, toSnippet, type SnippetSecret } from '../../../shared/export';
import { importCurl } from '../../../shared/importers';
import type { Handlers } from '../../../shared/contract';
import type { Collection, Folder } from '../../../shared/model/collection';
import { LanternError } from '../../../shared/model/result';
import type { AuthContext } from '../auth/apply-auth';
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
  }
}

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
      const notes = skipped.filter((line) => !/secret was left out/.test(line));
      const need = collection.credentials[0];
      if (need && draft.auth.type !== 'none') {
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
      await mkdir(path.dirname(file), { recursive: true }).catch(() => undefined);
      try {
        await writeFileAtomic(file, exported.json);
      } catch (error) {
        throw new LanternError(
          'export.unwritable',
          `${file} could not be written: ${(error as Error).message}`,
        );
      }
      const environmentFiles: string[] = [];
      for (const environment of exported.environments) {
        const name = path.join(
          path.dirname(file),
          `${slugify(environment.name, 'environment')}.postman_environment.json`,
        );
        await writeFile(name, environment.json);
        environmentFiles.push(name);
      }
      return { path: file, environmentFiles, warnings: exported.warnings };
    },
  };
}
