import { closeSync, fstatSync, openSync, readSync, statSync, type Dirent } from 'node:fs';
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

/** `statStamp` without a thread-pool round trip (see `mapInSlices`). */
export function statStampSync(file: string): string | undefined {
  try {
    return stampOf(statSync(file));
  } catch {
    return undefined;
  }
}

/**
 * `readWithStamp` without a thread-pool round trip: a small file in the page cache is read in
 * tens of microseconds, where the four awaited steps (open, stat, read, close) each wait for a
 * pool thread and an event-loop turn. Use it through `mapInSlices`, which keeps the loop responsive.
 */
export function readWithStampSync(file: string): FileRead | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const info = fstatSync(fd);
    // One byte more than its size: a short read is the end, so a small file takes one read; a
    // file that grew in the meantime is read on to its end.
    const chunks: Buffer[] = [];
    let total = 0;
    for (let chunk = Buffer.allocUnsafe(info.size + 1); ; chunk = Buffer.allocUnsafe(64 * 1024)) {
      const count = readSync(fd, chunk, 0, chunk.length, null);
      chunks.push(chunk.subarray(0, count));
      total += count;
      if (count < chunk.length) break;
    }
    const text = Buffer.concat(chunks, total).toString('utf8');
    return { text, stamp: stampOf(info), revision: contentRevision(text) };
  } finally {
    closeSync(fd);
  }
}

/** How long one slice of synchronous work may hold the event loop before other work gets a turn. */
const SLICE_MS = 8;

/**
 * Runs synchronous `work` over `items` in order, in slices of about SLICE_MS: between slices the
 * event loop runs (IPC replies, other calls), so a long list never blocks it for more than one
 * slice plus one item.
 */
export async function mapInSlices<T, R>(items: readonly T[], work: (item: T) => R): Promise<R[]> {
  const results = new Array<R>(items.length);
  let sliceStart = performance.now();
  for (let index = 0; index < items.length; index += 1) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    results[index] = work(items[index] as T);
  }
  return results;
}
