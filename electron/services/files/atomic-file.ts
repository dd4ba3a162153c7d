import { randomBytes } from 'node:crypto';
import { link, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

const TEMP_SUFFIX = '.lantern-tmp';

/**
 * The one naming rule of every writer's temp file: `.<name>.<pid>-<random>.lantern-tmp` beside the
 * file. Temp files start with a dot so git, the loader and file managers pass over them, and carry
 * the writer's pid so a start can tell a dead writer's leftovers from a live one's.
 */
export function tempNameFor(file: string): string {
  const name = `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`;
  return path.join(path.dirname(file), name);
}

export function isTempFile(name: string): boolean {
  return name.endsWith(TEMP_SUFFIX);
}

/** After a rename, the directory entry itself must reach the disk too, or a crash can undo it. */
export async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename instead.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes a temp file beside `file` (same file system, so a rename is atomic), flushed to disk. */
async function writeTemp(file: string, data: string | Buffer, mode: number): Promise<string> {
  const temp = tempNameFor(file);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  return temp;
}

/**
 * Replaces `file` so that a crash leaves either the old content or the new, never half of each:
 * temp file beside it, fsync, rename, fsync the folder. Private data (vault, history) passes 0o600.
 */
export async function writeFileAtomic(file: string, data: string | Buffer, mode = 0o644): Promise<void> {
  const temp = await writeTemp(file, data, mode);
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(path.dirname(file));
}

/**
 * Creates `file` (mode 0600) only if it does not exist, complete or not at all. Returns false when
 * it already existed: `link` refuses an existing name, so two processes cannot both create it.
 */
export async function createFileExclusive(file: string, data: string | Buffer): Promise<boolean> {
  const temp = await writeTemp(file, data, 0o600);
  try {
    await link(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
  await syncDirectory(path.dirname(file));
  return true;
}

/** Moves a file or folder in one step (same file system) and makes both folder entries durable. */
export async function moveAtomic(from: string, to: string): Promise<void> {
  await rename(from, to);
  await syncDirectory(path.dirname(to));
  if (path.dirname(from) !== path.dirname(to)) await syncDirectory(path.dirname(from));
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temp files left by a writer that died mid-save (their process is gone). A live
 * writer's temp files are left alone: it is still about to rename them.
 */
export async function removeStaleTempFiles(dir: string): Promise<number> {
  let removed = 0;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') {
      removed += await removeStaleTempFiles(full);
    } else if (entry.isFile() && isTempFile(entry.name)) {
      const pid = Number(/\.(\d+)-[0-9a-f]{8}\.lantern-tmp$/.exec(entry.name)?.[1]);
      if (Number.isInteger(pid) && pid !== process.pid && !isProcessAlive(pid)) {
        await rm(full, { force: true });
        removed += 1;
      }
    }
  }
  return removed;
}
