import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { assertionSchema } from '../../../shared/assertions/model';
import { requestAuthSchema } from '../../../shared/model/auth';
import { variableSchema } from '../../../shared/model/collection';
import { LanternError } from '../../../shared/model/result';
import { headerRowSchema } from '../../../shared/model/request';
import { moveAtomic } from '../files/atomic-file';
import { decodeWorkspaceFile, encodeWorkspaceFile } from '../../../shared/workspace-format/folder-files';
import { slugify } from '../../../shared/workspace-format/slug';
import { newId } from './ids';
import {
  WORKSPACE_FILE,
  type Folder,
  type WorkspaceCredential,
} from '../../../shared/workspace-format/types';
import { parentRel, type WorkspaceFiles } from './workspace-files';

const folderPatchSchema = z.object({
  name: z.string().trim().min(1, 'A folder needs a name.').max(500).optional(),
  description: z.string().max(100_000).optional(),
  auth: requestAuthSchema.optional(),
  headers: z.array(headerRowSchema).optional(),
  variables: z.array(variableSchema).optional(),
  /** Test rows every request below is checked against (an import's folder-level test scripts). */
  tests: z.array(assertionSchema).optional(),
});
export type FolderPatch = z.input<typeof folderPatchSchema>;

export interface DeletedFolder {
  kind: 'folder';
  parentId: string;
  index: number;
  path: string;
  /** Every file under the folder (Lantern's and others'), byte for byte, and every sub-folder. */
  files: { path: string; bytes: Buffer }[];
  dirs: string[];
}

function parsePatch(patch: FolderPatch) {
  const parsed = folderPatchSchema.safeParse(patch);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LanternError(
      'workspace.folder-invalid',
      `The folder cannot be saved: ${issue?.path.join('.') || 'it'} — ${issue?.message ?? 'not valid'}. Correct it and try again.`,
    );
  }
  const value = parsed.data;
  // The tree mirrors the file, and the file never holds a secret's value.
  if (value.variables !== undefined) {
    value.variables = value.variables.map((v) => (v.secret ? { ...v, value: '' } : v));
  }
  return value;
}

function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

function clampIndex(index: number | undefined, length: number): number {
  if (index === undefined || !Number.isInteger(index) || index < 0 || index > length) return length;
  return index;
}

/** Directory names that mean something else at the top of a workspace. */
function freeDirName(files: WorkspaceFiles, dir: string, name: string, keep?: string): string {
  const base = slugify(name, 'folder');
  const taken = dir === '' && (base === 'environments' || base === 'node-modules') ? `${base}-folder` : base;
  return files.freeName(dir, taken, '', keep);
}

export async function createFolder(
  files: WorkspaceFiles,
  parentId: string,
  input: FolderPatch & { name: string },
  index?: number,
): Promise<Folder> {
  const parent = files.requireFolder(parentId);
  const patch = parsePatch(input);
  const rel = join(parent.path, freeDirName(files, parent.path, input.name));
  await mkdir(files.abs(rel));
  files.nameSet(parent.path).add(path.posix.basename(rel));
  files.nameSet(rel);
  const folder: Folder = { id: newId('fld'), name: patch.name ?? input.name, folders: [], requests: [] };
  Object.assign(folder, withoutUndefined({ ...patch, name: folder.name }));
  files.state.folders.set(folder.id, { folder, path: rel, parentId, metaExtras: {} });
  parent.folder.folders.splice(clampIndex(index, parent.folder.folders.length), 0, folder);
  await files.writeFolderMeta(folder.id);
  await files.writeFolderMeta(parentId);
  return folder;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function updateFolder(files: WorkspaceFiles, id: string, input: FolderPatch): Promise<Folder> {
  const entry = files.requireFolder(id);
  files.assertMetaWritable(id);
  const patch = parsePatch(input);
  const renamed = patch.name !== undefined && patch.name !== entry.folder.name;
  if (renamed && entry.path === '') await renameWorkspace(files, patch.name as string);
  else if (renamed && entry.parentId !== undefined) {
    const dir = parentRel(entry.path);
    const current = path.posix.basename(entry.path);
    const name = freeDirName(files, dir, patch.name as string, current);
    if (name !== current) await files.move(entry.path, join(dir, name));
  }
  Object.assign(entry.folder, withoutUndefined(patch));
  await files.writeFolderMeta(id);
  if (renamed && entry.parentId !== undefined) await files.writeFolderMeta(entry.parentId);
  return entry.folder;
}

/** The top folder's name is the workspace's name, kept in lantern.workspace.yaml. */
async function renameWorkspace(files: WorkspaceFiles, name: string): Promise<void> {
  await writeWorkspaceFile(files, { name });
  files.state.workspace.name = name;
}

/** Rewrites lantern.workspace.yaml with a new name or credential list, keeping what else it holds. */
async function writeWorkspaceFile(
  files: WorkspaceFiles,
  change: { name?: string; credentials?: WorkspaceCredential[] },
): Promise<void> {
  const { workspace, workspaceExtras } = files.state;
  const credentials = change.credentials ?? workspace.credentials ?? [];
  const text = encodeWorkspaceFile(
    {
      version: 1,
      name: change.name ?? workspace.name,
      id: workspace.id,
      ...(credentials.length > 0 ? { credentials } : {}),
    },
    workspaceExtras,
  );
  await files.write(WORKSPACE_FILE, text, decodeWorkspaceFile(text));
}

/**
 * Adds credentials whose secret is a `{{variable}}` to lantern.workspace.yaml (one with the same id
 * is replaced): they hold no secret, so the workspace carries them to every clone.
 */
export async function addWorkspaceCredentials(
  files: WorkspaceFiles,
  added: WorkspaceCredential[],
): Promise<void> {
  const ids = new Set(added.map((c) => c.id));
  const credentials = [...(files.state.workspace.credentials ?? []).filter((c) => !ids.has(c.id)), ...added];
  await writeWorkspaceFile(files, { credentials });
  files.state.workspace.credentials = credentials;
}

function isInside(files: WorkspaceFiles, candidateId: string, ancestorId: string): boolean {
  for (
    let id: string | undefined = candidateId;
    id !== undefined;
    id = files.state.folders.get(id)?.parentId
  ) {
    if (id === ancestorId) return true;
  }
  return false;
}

export async function moveFolder(
  files: WorkspaceFiles,
  id: string,
  toParentId: string,
  index?: number,
): Promise<void> {
  const entry = files.requireFolder(id);
  const target = files.requireFolder(toParentId);
  if (entry.parentId === undefined) {
    throw new LanternError('workspace.move-invalid', 'The workspace folder itself cannot be moved.');
  }
  if (isInside(files, toParentId, id)) {
    throw new LanternError(
      'workspace.move-invalid',
      `"${entry.folder.name}" cannot be moved into itself or one of its own folders.`,
    );
  }
  const from = files.requireFolder(entry.parentId);
  from.folder.folders.splice(from.folder.folders.indexOf(entry.folder), 1);
  if (entry.parentId !== toParentId) {
    await files.move(entry.path, join(target.path, freeDirName(files, target.path, entry.folder.name)));
    entry.parentId = toParentId;
  }
  target.folder.folders.splice(clampIndex(index, target.folder.folders.length), 0, entry.folder);
  await files.writeFolderMeta(toParentId);
  if (from.folder.id !== toParentId) await files.writeFolderMeta(from.folder.id);
}

async function collect(files: WorkspaceFiles, rel: string, out: DeletedFolder): Promise<void> {
  out.dirs.push(rel);
  for (const item of await readdir(files.abs(rel), { withFileTypes: true })) {
    const child = join(rel, item.name);
    if (item.isDirectory()) await collect(files, child, out);
    else if (item.isFile()) out.files.push({ path: child, bytes: await readFile(files.abs(child)) });
  }
}

function dropFromMaps(files: WorkspaceFiles, folder: Folder): void {
  for (const child of folder.folders) dropFromMaps(files, child);
  for (const request of folder.requests) files.state.requests.delete(request.id);
  files.state.folders.delete(folder.id);
}

export async function deleteFolder(files: WorkspaceFiles, id: string): Promise<DeletedFolder> {
  const entry = files.requireFolder(id);
  if (entry.parentId === undefined) {
    throw new LanternError(
      'workspace.delete-invalid',
      'The workspace folder itself cannot be deleted from inside Lantern.',
    );
  }
  const parent = files.requireFolder(entry.parentId);
  const deleted: DeletedFolder = {
    kind: 'folder',
    parentId: entry.parentId,
    index: parent.folder.folders.indexOf(entry.folder),
    path: entry.path,
    files: [],
    dirs: [],
  };
  await collect(files, entry.path, deleted);
  // Renaming first makes the folder vanish in one step; removing its files can then take its time.
  const doomed = join(
    parentRel(entry.path),
    `.${path.posix.basename(entry.path)}.${newId('del')}.lantern-deleting`,
  );
  await moveAtomic(files.abs(entry.path), files.abs(doomed));
  await rm(files.abs(doomed), { recursive: true, force: true });
  files.forget(entry.path);
  parent.folder.folders.splice(deleted.index, 1);
  dropFromMaps(files, entry.folder);
  await files.writeFolderMeta(parent.folder.id);
  return deleted;
}

/**
 * Writes a deleted folder's files back byte for byte. Returns where it went (its old place, or a
 * free name beside it). The caller reloads the tree and puts the folder back at its index.
 */
export async function restoreFolderFiles(files: WorkspaceFiles, deleted: DeletedFolder): Promise<string> {
  const parent = files.state.folders.get(deleted.parentId) ?? files.requireFolder(files.state.workspace.id);
  const wanted = path.posix.basename(deleted.path);
  const name = files.state.names.get(parent.path)?.has(wanted)
    ? files.freeName(parent.path, wanted, '')
    : wanted;
  const target = join(parent.path, name);
  const moved = (rel: string) => join(target, rel.slice(deleted.path.length + 1));
  for (const dir of deleted.dirs)
    await mkdir(files.abs(dir === deleted.path ? target : moved(dir)), { recursive: true });
  for (const file of deleted.files) {
    const rel = moved(file.path);
    await files.write(rel, file.bytes, { ok: false, reason: 'restored' });
    files.state.cache.delete(rel);
  }
  return target;
}
