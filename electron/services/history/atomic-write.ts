import { replaceFileAtomic } from '../vault/atomic-file';

/**
 * Writes a file so that a crash or power loss leaves either the old content or the new, never
 * half of each (the vault's temp-file, fsync, rename, fsync-folder sequence).
 * Returns the number of bytes written.
 */
export async function writeFileAtomic(file: string, content: string): Promise<number> {
  const data = Buffer.from(content, 'utf8');
  await replaceFileAtomic(file, data);
  return data.length;
}
