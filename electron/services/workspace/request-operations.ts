import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { savedRequestSchema } from '../../../shared/model/collection';
import { LanternError } from '../../../shared/model/result';
import { decodeRequest, encodeRequest } from '../../../shared/workspace-format/request-file';
import { readWithStamp } from './scan';
import { slugify } from '../../../shared/workspace-format/slug';
import { newId } from './ids';
import { REQUEST_SUFFIX, type SavedRequest } from '../../../shared/workspace-format/types';
import { parentRel, type WorkspaceFiles } from './workspace-files';

export type RequestPatch = Partial<
  Pick<SavedRequest, 'name' | 'description' | 'draft' | 'inheritAuth' | 'expectStatus'>
>;

export interface UpdateOptions {
  /** The revision the editor started from; a different one on disk is a conflict. */
  expectedRevision?: string;
  /** Write even though the file changed on disk since it was loaded (the user chose to overwrite). */
  overwrite?: boolean;
}

/** What undo needs to put a deleted request back exactly: its file's bytes and its place. */
export interface DeletedRequest {
  kind: 'request';
  folderId: string;
  index: number;
  path: string;
  bytes: Buffer;
}

function clampIndex(index: number | undefined, length: number): number {
  if (index === undefined || !Number.isInteger(index) || index < 0 || index > length) return length;
  return index;
}

function validate(request: unknown): SavedRequest {
  const parsed = savedRequestSchema.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LanternError(
      'workspace.request-invalid',
      `The request cannot be saved: ${issue?.path.join('.') || 'it'} ${issue?.message ?? 'is not valid'}. Correct it and save again.`,
    );
  }
  return parsed.data;
}

async function writeRequest(
  files: WorkspaceFiles,
  rel: string,
  request: SavedRequest,
  extras = {},
): Promise<string> {
  const text = encodeRequest(request, extras);
  return files.write(rel, text, { ok: true, value: request, extras, warnings: [] });
}

export async function createRequest(
  files: WorkspaceFiles,
  folderId: string,
  input: SavedRequest,
  index?: number,
): Promise<SavedRequest> {
  const request = validate(input);
  if (files.state.requests.has(request.id)) {
    throw new LanternError(
      'workspace.duplicate-id',
      `A request with id "${request.id}" already exists in this workspace. Give the new request a new id (or duplicate the existing one).`,
    );
  }
  const folder = files.requireFolder(folderId);
  const fileName = files.freeName(folder.path, slugify(request.name, 'request'), REQUEST_SUFFIX);
  const rel = folder.path === '' ? fileName : `${folder.path}/${fileName}`;
  const revision = await writeRequest(files, rel, request);
  files.state.requests.set(request.id, { request, path: rel, extras: {}, revision });
  folder.folder.requests.splice(clampIndex(index, folder.folder.requests.length), 0, request);
  await files.writeFolderMeta(folderId);
  return request;
}

export async function updateRequest(
  files: WorkspaceFiles,
  id: string,
  patch: RequestPatch,
  options: UpdateOptions = {},
): Promise<SavedRequest> {
  const entry = files.requireRequest(id);
  if (
    options.expectedRevision !== undefined &&
    options.expectedRevision !== entry.revision &&
    !options.overwrite
  ) {
    throw conflict(entry.path);
  }
  if (!options.overwrite) {
    const onDisk = await readWithStamp(files.abs(entry.path));
    if (onDisk?.revision !== entry.revision) throw conflict(entry.path);
  }
  const request = validate({ ...entry.request, ...patch, id });
  const dir = parentRel(entry.path);
  let renamed = false;
  if (request.name !== entry.request.name) {
    const current = path.posix.basename(entry.path);
    const fileName = files.freeName(dir, slugify(request.name, 'request'), REQUEST_SUFFIX, current);
    // Rename first, then rewrite: a crash in between leaves the old content under the new name,
    // never two files with the same id.
    if (fileName !== current) {
      await files.move(entry.path, dir === '' ? fileName : `${dir}/${fileName}`);
      renamed = true;
    }
  }
  entry.revision = await writeRequest(files, entry.path, request, entry.extras);
  replaceInTree(files, entry.request, request);
  entry.request = request;
  // The folder's order lists file names, so a renamed file must be renamed there too.
  if (renamed) await files.writeFolderMeta(folderIdOf(files, id));
  return request;
}

function conflict(rel: string): LanternError {
  return new LanternError(
    'workspace.conflict',
    `${rel} changed on disk since Lantern loaded it (another program or a git pull). Reload it to see the change, or choose to overwrite it with your version.`,
  );
}

export function folderIdOf(files: WorkspaceFiles, requestId: string): string {
  const rel = parentRel(files.requireRequest(requestId).path);
  for (const entry of files.state.folders.values()) if (entry.path === rel) return entry.folder.id;
  throw new LanternError(
    'workspace.folder-missing',
    `The folder of request "${requestId}" is gone. Reload the workspace.`,
  );
}

function replaceInTree(files: WorkspaceFiles, before: SavedRequest, after: SavedRequest): void {
  for (const entry of files.state.folders.values()) {
    const index = entry.folder.requests.indexOf(before);
    if (index !== -1) entry.folder.requests[index] = after;
  }
}

export async function duplicateRequest(files: WorkspaceFiles, id: string): Promise<SavedRequest> {
  const entry = files.requireRequest(id);
  const folderId = folderIdOf(files, id);
  const siblings = files.requireFolder(folderId).folder.requests;
  const copy: SavedRequest = structuredClone({
    ...entry.request,
    id: newId('req'),
    name: `${entry.request.name} copy`,
  });
  return createRequest(files, folderId, copy, siblings.indexOf(entry.request) + 1);
}

export async function moveRequest(
  files: WorkspaceFiles,
  id: string,
  toFolderId: string,
  index?: number,
): Promise<void> {
  const entry = files.requireRequest(id);
  const fromId = folderIdOf(files, id);
  const from = files.requireFolder(fromId);
  const to = files.requireFolder(toFolderId);
  const position = from.folder.requests.indexOf(entry.request);
  from.folder.requests.splice(position, 1);
  if (fromId !== toFolderId) {
    const name = files.freeName(to.path, slugify(entry.request.name, 'request'), REQUEST_SUFFIX);
    await files.move(entry.path, to.path === '' ? name : `${to.path}/${name}`);
  }
  to.folder.requests.splice(clampIndex(index, to.folder.requests.length), 0, entry.request);
  await files.writeFolderMeta(toFolderId);
  if (fromId !== toFolderId) await files.writeFolderMeta(fromId);
}

export async function deleteRequest(files: WorkspaceFiles, id: string): Promise<DeletedRequest> {
  const entry = files.requireRequest(id);
  const folderId = folderIdOf(files, id);
  const folder = files.requireFolder(folderId).folder;
  const bytes = await readFile(files.abs(entry.path));
  const deleted: DeletedRequest = {
    kind: 'request',
    folderId,
    index: folder.requests.indexOf(entry.request),
    path: entry.path,
    bytes,
  };
  await files.remove(entry.path);
  folder.requests.splice(deleted.index, 1);
  files.state.requests.delete(id);
  await files.writeFolderMeta(folderId);
  return deleted;
}

/** Puts a deleted request's file back byte for byte, in its folder (or the top if that is gone). */
export async function restoreRequest(files: WorkspaceFiles, deleted: DeletedRequest): Promise<SavedRequest> {
  const text = deleted.bytes.toString('utf8');
  const decoded = decodeRequest(text);
  if (!decoded.ok)
    throw new LanternError('workspace.undo-failed', 'The deleted request could not be read back.');
  const request = decoded.value;
  if (files.state.requests.has(request.id)) {
    throw new LanternError(
      'workspace.undo-failed',
      `A request with id "${request.id}" exists again, so the deletion cannot be undone.`,
    );
  }
  const folder = files.state.folders.get(deleted.folderId) ?? files.requireFolder(files.state.workspace.id);
  const wanted = path.posix.basename(deleted.path);
  const taken = files.state.names.get(folder.path)?.has(wanted) ?? false;
  const name = taken
    ? files.freeName(folder.path, wanted.slice(0, -REQUEST_SUFFIX.length), REQUEST_SUFFIX)
    : wanted;
  const rel = folder.path === '' ? name : `${folder.path}/${name}`;
  const revision = await files.write(rel, deleted.bytes, decoded);
  files.state.requests.set(request.id, { request, path: rel, extras: decoded.extras, revision });
  folder.folder.requests.splice(clampIndex(deleted.index, folder.folder.requests.length), 0, request);
  await files.writeFolderMeta(folder.folder.id);
  return request;
}
