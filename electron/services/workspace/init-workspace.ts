import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { LanternError } from '../../../shared/model/result';
import { writeFileAtomic } from '../files/atomic-file';
import { encodeWorkspaceFile } from '../../../shared/workspace-format/folder-files';
import { newId } from './ids';
import { WORKSPACE_FILE } from '../../../shared/workspace-format/types';

export interface FolderInspection {
  /** `workspace`: has a lantern.workspace.yaml; `empty`: nothing in it; `other`: files of something else. */
  kind: 'workspace' | 'empty' | 'other' | 'missing';
  /** Other tools recognised by their marker files, so the UI can suggest an import instead. */
  foreign: ('bruno' | 'postman' | 'insomnia' | 'git')[];
  /** How many entries the folder holds (files and folders, hidden ones included). */
  entries: number;
}

/** What is in a folder the user picked, before deciding whether to open or initialise it. */
export async function inspectFolder(dir: string): Promise<FolderInspection> {
  const info = await stat(dir).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) return { kind: 'missing', foreign: [], entries: 0 };
  const names = await readdir(dir);
  const foreign: FolderInspection['foreign'] = [];
  if (names.includes('bruno.json') || names.some((n) => n.endsWith('.bru'))) foreign.push('bruno');
  if (names.some((n) => n.endsWith('.postman_collection.json'))) foreign.push('postman');
  if (names.some((n) => /^insomnia.*\.(json|ya?ml)$/i.test(n)) || names.includes('.insomnia'))
    foreign.push('insomnia');
  if (names.includes('.git')) foreign.push('git');
  const kind = names.includes(WORKSPACE_FILE) ? 'workspace' : names.length === 0 ? 'empty' : 'other';
  return { kind, foreign, entries: names.length };
}

/**
 * Makes `dir` a workspace by adding lantern.workspace.yaml (creating the folder if needed).
 * Nothing already in the folder is changed, moved or deleted: a Bruno collection or any other
 * files stay exactly as they are, and Lantern ignores files it does not know.
 */
export async function initWorkspace(dir: string, name: string): Promise<{ id: string; name: string }> {
  const trimmed = name.trim();
  if (trimmed === '') {
    throw new LanternError('workspace.name-empty', 'A workspace needs a name: type one, then try again.');
  }
  await mkdir(dir, { recursive: true });
  const existing = await inspectFolder(dir);
  if (existing.kind === 'workspace') {
    throw new LanternError(
      'workspace.already-initialised',
      `"${dir}" is already a Lantern workspace (it has ${WORKSPACE_FILE}). Open it instead.`,
    );
  }
  const id = newId('ws');
  await writeFileAtomic(
    path.join(dir, WORKSPACE_FILE),
    encodeWorkspaceFile({ version: 1, name: trimmed, id }),
  );
  return { id, name: trimmed };
}
