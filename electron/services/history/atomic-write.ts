import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';

/**
 * Writes a file so that a crash or power loss leaves either the old content or the new, never
 * half of each: temp file beside it, fsync, then rename over the target.
 * Returns the number of bytes written.
 */
export async function writeFileAtomic(file: string, content: string): Promise<number> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const data = Buffer.from(content, 'utf8');
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return data.length;
}
