import { randomBytes } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { LanternError } from '../../../shared/model/result';
import { createFileExclusive } from '../files/atomic-file';
import { checkKey, VAULT_KEY_BYTES, type KeyProtector } from './key-protector';

const isPosix = process.platform !== 'win32';

/**
 * The last resort: a random key in `<dir>/vault.key`, readable only by the user. It protects the
 * vault from other accounts and from copies of the vault file alone, not from this user account.
 */
export function keyFileProtector(dir: string): KeyProtector {
  const file = path.join(dir, 'vault.key');
  return {
    kind: 'key-file',
    description: `The vault key is in a file readable only by you: ${file}. Anyone with your user account can read it.`,
    loadOrCreateKey: async () => (await readKeyFile(file)) ?? (await createKeyFile(dir, file)),
  };
}

async function readKeyFile(file: string): Promise<Buffer | undefined> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new LanternError(
      'vault.key-unreadable',
      `Lantern cannot read its vault key file ${file} (${(error as Error).message}). Check the file's permissions.`,
    );
  }
  // Mode bits mean nothing on Windows, where the profile folder's ACL keeps other users out.
  if (isPosix && (info.mode & 0o077) !== 0) {
    const mode = (info.mode & 0o777).toString(8);
    throw new LanternError(
      'vault.key-file-exposed',
      `The vault key file ${file} can be read by other users (permissions ${mode}), so Lantern will not use it: someone may have copied it. If you are sure nobody has, run "chmod 600 ${file}" and restart Lantern; otherwise move the file away and restart Lantern, then reset the vault (saved secrets will have to be entered again).`,
    );
  }
  if (isPosix && typeof process.getuid === 'function' && info.uid !== process.getuid()) {
    throw new LanternError(
      'vault.key-file-exposed',
      `The vault key file ${file} belongs to another user account (uid ${info.uid}), so Lantern will not use it. Move it away and restart Lantern, then reset the vault.`,
    );
  }
  const text = (await readFile(file, 'utf8')).trim();
  return checkKey(Buffer.from(text, 'base64'), file);
}

/** Creates the key; if another Lantern created one a moment before, that one is used. */
async function createKeyFile(dir: string, file: string): Promise<Buffer> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const key = randomBytes(VAULT_KEY_BYTES);
  if (await createFileExclusive(file, `${key.toString('base64')}\n`)) return key;
  const theirs = await readKeyFile(file);
  if (!theirs) throw new Error(`${file} vanished while Lantern was creating it`);
  return theirs;
}
