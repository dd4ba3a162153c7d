import { randomBytes } from 'node:crypto';
import { link, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Writes a temp file beside `file`, readable only by the user, flushed to disk. */
async function writeTemp(file: string, data: string | Buffer): Promise<string> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  return temp;
}

/** After a rename, the directory entry itself must reach the disk too, or a crash can undo it. */
async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename instead.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `file` so that a crash leaves either the old content or the new, never half of each:
 * temp file (mode 0600) beside it, fsync, rename over the target, fsync the folder.
 */
export async function replaceFileAtomic(file: string, data: string | Buffer): Promise<void> {
  const temp = await writeTemp(file, data);
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(path.dirname(file));
}

/**
 * Creates `file` only if it does not exist, complete or not at all. Returns false when it already
 * existed: `link` refuses an existing name, so two processes cannot both create it.
 */
export async function createFileExclusive(file: string, data: string | Buffer): Promise<boolean> {
  const temp = await writeTemp(file, data);
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
