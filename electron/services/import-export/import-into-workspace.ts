import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { detectFormat, type ImportFormat } from '../../../shared/importers/index';
import type { RequestAuth } from '../../../shared/model/auth';
import type { Folder, ImportReport } from '../../../shared/model/collection';
import type { FileAccess } from '../files/file-access';
import { fileRefName } from '../../../shared/files/file-ref';
import { LanternError } from '../../../shared/model/result';
import type { CredentialStore } from '../auth/credential-store';
import type { WorkspaceStore } from '../workspace/index';
import { secretForNeed } from '../auth/browser-session-import';
import { importAnyFormat } from './openapi-reader';
import { credentialOfWorkspace } from '../auth/workspace-credentials';
import { newId } from '../workspace/ids';
import type { WorkspaceCredential } from '../../../shared/workspace-format/types';

const WORKSPACE_KINDS = ['bearer', 'basic', 'apiKey', 'oauth2'] as const;
const isWorkspaceKind = (kind: string): kind is WorkspaceCredential['kind'] =>
  (WORKSPACE_KINDS as readonly string[]).includes(kind);

const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** Reads what to import: pasted text, or a file named by path (read here, on the main side). */
export async function importText(
  source: { text?: string; file?: string },
  files: FileAccess,
): Promise<string> {
  if (source.text !== undefined && source.text.trim() !== '') return source.text;
  if (source.file === undefined) {
    throw new LanternError('import.empty', 'There is nothing to import: paste the text or choose a file.');
  }
  // Only a file the user chose: a grant, never a path the renderer typed.
  const filePath = await files.readable(source.file, { what: 'the import' });
  const name = fileRefName(source.file);
  try {
    // A FIFO, a device or a multi-gigabyte file would hang or exhaust the main side.
    const info = await stat(filePath);
    if (!info.isFile() || info.size > MAX_IMPORT_BYTES) {
      throw new LanternError(
        'import.unreadable',
        `"${name}" cannot be imported: ${info.isFile() ? 'it is larger than 64 MB' : 'it is not a regular file'}. Choose an export file.`,
      );
    }
    return await readFile(filePath, 'utf8');
  } catch (error) {
    if (error instanceof LanternError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'it is no longer there (moved or deleted)'
        : code === 'EACCES'
          ? 'you are not allowed to read it'
          : (error as Error).message;
    throw new LanternError(
      'import.unreadable',
      `"${name}" could not be read: ${why}. Choose the file again.`,
    );
  }
}

/** Detects the format and imports; an unknown or broken format is a plain-words error. */
export async function readImport(
  text: string,
  onlyXhr?: boolean,
): Promise<{ format: ImportFormat; report: ImportReport }> {
  const result = await importAnyFormat(text, { onlyXhr });
  if (!result.ok) throw new LanternError('import.failed', result.error);
  return { format: detectFormat(text), report: result.report };
}

const freshId = (prefix: string) => `${prefix}_${randomBytes(9).toString('base64url')}`;

export interface ImportOutcome {
  folderId: string;
  counts: ImportReport['counts'];
  skipped: string[];
}

/**
 * Writes an import into the workspace as a new folder named after the collection. A credential
 * the source needed becomes a real one when its secret was typed in; otherwise its requests keep
 * pointing at it and the report says to pick a credential in their Auth tab.
 */
export async function writeImport(
  store: WorkspaceStore,
  report: ImportReport,
  options: { secrets?: Record<string, string>; credentials?: Pick<CredentialStore, 'save'> },
): Promise<ImportOutcome> {
  const { collection } = report;
  const skipped = [...report.skipped];
  const credentialIds = new Map<string, string>();
  // Credentials whose secret is a `{{variable}}` hold no secret: the workspace file keeps them, so a
  // clone of the workspace (CI, a colleague) sends with the variable filled in on that machine.
  const carried: WorkspaceCredential[] = [];
  for (const need of collection.credentials) {
    const typed = options.secrets?.[need.id];
    const reference = typed === undefined || typed === '' ? need.secretReference : undefined;
    if (reference !== undefined && isWorkspaceKind(need.kind)) {
      const entry: WorkspaceCredential = {
        id: newId('cred'),
        kind: need.kind,
        label: need.label,
        ...secretForNeed(need, reference),
        secret: reference,
      };
      try {
        credentialOfWorkspace(entry);
        carried.push(entry);
        credentialIds.set(need.id, entry.id);
        skipped.push(
          `The credential "${need.label}" takes its secret from ${reference}, as in the source: it is kept in lantern.workspace.yaml (no secret in it). Define ${reference} in an environment or a folder, or pass it to lantern run with --env-var, and it is filled in when a request is sent.`,
        );
      } catch (error) {
        skipped.push(`The credential "${need.label}" was not created: ${(error as Error).message}`);
      }
      continue;
    }
    const secret = typed === undefined || typed === '' ? need.secretReference : typed;
    if (secret === undefined || secret === '' || options.credentials === undefined) {
      skipped.push(
        `The credential "${need.label}" came without its secret: open a request that uses it and pick or create a credential in its Auth tab.`,
      );
      continue;
    }
    try {
      const saved = await options.credentials.save({
        kind: need.kind,
        label: need.label,
        ...secretForNeed(need, secret),
      });
      credentialIds.set(need.id, saved.id);
    } catch (error) {
      skipped.push(`The credential "${need.label}" was not created: ${(error as Error).message}`);
    }
  }
  if (carried.length > 0) await store.addCredentials(carried);
  const auth = (value: RequestAuth | undefined): RequestAuth | undefined =>
    value === undefined || value.type === 'none'
      ? value
      : { ...value, credentialId: credentialIds.get(value.credentialId) ?? value.credentialId };

  const topId = store.workspace.root.id;
  const created = await store.createFolder(topId, {
    name: collection.name,
    ...settingsOf(collection.root, auth),
  });
  await writeFolder(store, collection.root, created.id, auth);
  for (const environment of collection.environments) {
    await store.saveEnvironment({ name: environment.name, variables: environment.variables });
  }
  return { folderId: created.id, counts: report.counts, skipped };
}

function settingsOf(folder: Folder, auth: (value: RequestAuth | undefined) => RequestAuth | undefined) {
  return {
    ...(folder.auth ? { auth: auth(folder.auth) } : {}),
    ...(folder.headers?.length ? { headers: folder.headers } : {}),
    ...(folder.variables?.length ? { variables: folder.variables } : {}),
    ...(folder.tests?.length ? { tests: folder.tests } : {}),
    ...(folder.description ? { description: folder.description } : {}),
  };
}

async function writeFolder(
  store: WorkspaceStore,
  source: Folder,
  targetId: string,
  auth: (value: RequestAuth | undefined) => RequestAuth | undefined,
): Promise<void> {
  for (const request of source.requests) {
    await store.createRequest(targetId, {
      ...request,
      id: freshId('req'),
      draft: { ...request.draft, auth: auth(request.draft.auth) ?? { type: 'none' } },
    });
  }
  for (const child of source.folders) {
    const created = await store.createFolder(targetId, { name: child.name, ...settingsOf(child, auth) });
    await writeFolder(store, child, created.id, auth);
  }
}
