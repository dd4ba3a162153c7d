import { rm } from 'node:fs/promises';
import path from 'node:path';
import { LanternError } from '../../../shared/model/result';
import { moveAtomic, writeFileAtomic } from '../files/atomic-file';
import type { Decoded } from '../../../shared/workspace-format/file-codec';
import { contentRevision } from './ids';
import {
  encodeFolderMeta,
  decodeFolderMeta,
  type FolderMeta,
} from '../../../shared/workspace-format/folder-files';
import type { FolderEntry, LoadedWorkspace, RequestEntry } from './load-workspace';
import { statStamp } from './scan';
import { uniqueName } from '../../../shared/workspace-format/slug';
import { FOLDER_FILE } from '../../../shared/workspace-format/types';

const posix = path.posix;

export function parentRel(rel: string): string {
  const parent = posix.dirname(rel);
  return parent === '.' ? '' : parent;
}

function isUnder(rel: string, prefix: string): boolean {
  return prefix === '' || rel === prefix || rel.startsWith(`${prefix}/`);
}

function rebase(rel: string, from: string, to: string): string {
  return rel === from ? to : `${to}${rel.slice(from.length)}`;
}

/**
 * The disk side of the store: every write goes through here, so that the bookkeeping (names in
 * use, the decoded-file cache the watcher compares against, paths of entries) stays true, and
 * files that could not be read are never written.
 */
export class WorkspaceFiles {
  constructor(public state: LoadedWorkspace) {}

  abs(rel: string): string {
    return path.join(this.state.dir, ...rel.split('/'));
  }

  requireRequest(id: string): RequestEntry {
    const entry = this.state.requests.get(id);
    if (entry === undefined) {
      throw new LanternError(
        'workspace.request-missing',
        `There is no request with id "${id}" in this workspace: it may have been deleted or changed on disk. Reload the workspace and try again.`,
      );
    }
    return entry;
  }

  requireFolder(id: string): FolderEntry {
    const entry = this.state.folders.get(id);
    if (entry === undefined) {
      throw new LanternError(
        'workspace.folder-missing',
        `There is no folder with id "${id}" in this workspace: it may have been deleted or moved on disk. Reload the workspace and try again.`,
      );
    }
    return entry;
  }

  /** A free file or folder name in `dirRel`, from `base`; `keep` is the entry's own current name. */
  freeName(dirRel: string, base: string, suffix: string, keep?: string): string {
    const taken = new Set(this.state.names.get(dirRel) ?? []);
    if (keep !== undefined) taken.delete(keep);
    return uniqueName(base, suffix, taken);
  }

  metaPath(folderId: string): string {
    const entry = this.requireFolder(folderId);
    return entry.path === '' ? FOLDER_FILE : `${entry.path}/${FOLDER_FILE}`;
  }

  /** Refuses a change to a folder's own settings when its `_folder.yaml` could not be read. */
  assertMetaWritable(folderId: string): void {
    this.assertWritable(this.metaPath(folderId));
  }

  private assertWritable(rel: string): void {
    if (this.state.protectedPaths.has(rel)) {
      throw new LanternError(
        'workspace.file-unreadable',
        `${rel} could not be read when the workspace was opened, so Lantern will not overwrite it. Fix or delete the file in an editor, then reload.`,
      );
    }
  }

  /** Writes a file atomically and records what it now holds; returns its revision. */
  async write(rel: string, text: string | Buffer, decoded: Decoded<unknown>): Promise<string> {
    this.assertWritable(rel);
    await writeFileAtomic(this.abs(rel), text);
    const revision = contentRevision(typeof text === 'string' ? text : text.toString('utf8'));
    const stamp = (await statStamp(this.abs(rel))) ?? '';
    this.state.cache.set(rel, { stamp, revision, decoded });
    this.nameSet(parentRel(rel)).add(posix.basename(rel));
    return revision;
  }

  async remove(rel: string): Promise<void> {
    this.assertWritable(rel);
    await rm(this.abs(rel), { force: true });
    this.forget(rel);
  }

  /** Drops all bookkeeping for `rel` and everything under it (a file or a whole folder). */
  forget(rel: string): void {
    this.state.names.get(parentRel(rel))?.delete(posix.basename(rel));
    for (const key of [...this.state.cache.keys()]) if (isUnder(key, rel)) this.state.cache.delete(key);
    for (const key of [...this.state.names.keys()])
      if (key !== '' && isUnder(key, rel)) this.state.names.delete(key);
    for (const key of [...this.state.protectedPaths])
      if (isUnder(key, rel)) this.state.protectedPaths.delete(key);
  }

  /** Renames a file or folder in one step, and moves every recorded path under it along. */
  async move(from: string, to: string): Promise<void> {
    if (from === to) return;
    await moveAtomic(this.abs(from), this.abs(to));
    this.state.names.get(parentRel(from))?.delete(posix.basename(from));
    this.nameSet(parentRel(to)).add(posix.basename(to));
    const { state } = this;
    state.cache = new Map(
      [...state.cache].map(([key, value]) => [isUnder(key, from) ? rebase(key, from, to) : key, value]),
    );
    state.names = new Map(
      [...state.names].map(([key, value]) => [
        key !== '' && isUnder(key, from) ? rebase(key, from, to) : key,
        value,
      ]),
    );
    state.protectedPaths = new Set(
      [...state.protectedPaths].map((key) => (isUnder(key, from) ? rebase(key, from, to) : key)),
    );
    for (const entry of state.requests.values())
      if (isUnder(entry.path, from)) entry.path = rebase(entry.path, from, to);
    for (const entry of state.environments.values())
      if (isUnder(entry.path, from)) entry.path = rebase(entry.path, from, to);
    for (const entry of state.folders.values()) {
      if (entry.path !== '' && isUnder(entry.path, from)) entry.path = rebase(entry.path, from, to);
    }
  }

  nameSet(dirRel: string): Set<string> {
    let names = this.state.names.get(dirRel);
    if (names === undefined) {
      names = new Set();
      this.state.names.set(dirRel, names);
    }
    return names;
  }

  /**
   * Rewrites a folder's `_folder.yaml` from the tree (settings and child order). When that file
   * could not be read it is left alone: the order then falls back to names until it is fixed.
   */
  async writeFolderMeta(folderId: string): Promise<void> {
    const entry = this.requireFolder(folderId);
    const rel = this.metaPath(folderId);
    if (this.state.protectedPaths.has(rel)) return;
    const { folder } = entry;
    const order = [
      ...folder.folders.map((child) => posix.basename(this.requireFolder(child.id).path)),
      ...folder.requests.map((request) => posix.basename(this.requireRequest(request.id).path)),
    ];
    const isRoot = entry.path === '';
    const meta: FolderMeta = {
      ...(isRoot ? {} : { id: folder.id, name: folder.name }),
      description: folder.description,
      auth: folder.auth,
      headers: folder.headers,
      variables: folder.variables,
      tests: folder.tests,
      order,
    };
    const text = encodeFolderMeta(meta, entry.metaExtras);
    if (this.state.cache.get(rel)?.revision === contentRevision(text)) return;
    await this.write(rel, text, decodeFolderMeta(text));
  }
}
