import type { Dirent } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { isTempFile } from '../files/atomic-file';
import { contentRevision } from './ids';
import { ENVIRONMENTS_DIR } from '../../../shared/workspace-format/types';

/** One directory of the workspace, as found on disk; `rel` is '' for the workspace folder. */
export interface ScannedDir {
  rel: string;
  dirs: string[];
  files: string[];
}

/** A file's text and a stamp that changes whenever the file is replaced or edited. */
export interface FileRead {
  text: string;
  stamp: string;
  revision: string;
}

/** Folders that are never part of a workspace tree: git's, editors', package managers'. */
export function isSkippedDir(name: string, rel: string): boolean {
  return name.startsWith('.') || name === 'node_modules' || (rel === '' && name === ENVIRONMENTS_DIR);
}

export function toRel(...parts: string[]): string {
  return parts.filter((part) => part !== '').join('/');
}

async function listDir(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    // A folder removed while it was being read (a git checkout in progress) is simply empty.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Lists every folder of the workspace tree, reading sibling folders concurrently. */
export async function scanTree(root: string): Promise<ScannedDir[]> {
  const found: ScannedDir[] = [];
  async function visit(rel: string): Promise<void> {
    const entries = await listDir(path.join(root, rel));
    const dirs: string[] = [];
    const files: string[] = [];
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!isSkippedDir(entry.name, rel)) dirs.push(entry.name);
      } else if (entry.isFile() && !isTempFile(entry.name)) files.push(entry.name);
    }
    dirs.sort();
    files.sort();
    found.push({ rel, dirs, files });
    await Promise.all(dirs.map((name) => visit(toRel(rel, name))));
  }
  await visit('');
  return found;
}

function stampOf(info: { mtimeMs: number; size: number; ino: number }): string {
  return `${info.mtimeMs}:${info.size}:${info.ino}`;
}

export async function statStamp(file: string): Promise<string | undefined> {
  try {
    return stampOf(await stat(file));
  } catch {
    return undefined;
  }
}

/** Reads a file with its stamp; undefined when it vanished in the meantime. */
export async function readWithStamp(file: string): Promise<FileRead | undefined> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const info = await handle.stat();
    const text = await handle.readFile('utf8');
    return { text, stamp: stampOf(info), revision: contentRevision(text) };
  } finally {
    await handle.close();
  }
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the results in order. */
export async function mapPool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
