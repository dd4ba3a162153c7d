import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { LanternError } from '../../../shared/model/result';
import { createFileExclusive } from '../files/atomic-file';
import { checkKey, KeyProtectionUnavailableError, VAULT_KEY_BYTES, type KeyProtector } from './key-protector';

/** The part of Electron's `safeStorage` Lantern uses; passed in so this file never imports electron. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only. */
  getSelectedStorageBackend?(): string;
}

/**
 * Why safeStorage cannot protect the key here, or undefined when it can. On Linux without a
 * keyring Electron falls back to "basic_text", a password built into Chromium: that is
 * obfuscation, not protection, so it counts as unavailable.
 */
export function safeStorageProblem(safeStorage: SafeStorageLike): string | undefined {
  if (!safeStorage.isEncryptionAvailable()) {
    return "The desktop app's safeStorage is not available (the operating system offers no encryption to Lantern, or the app is not ready yet).";
  }
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
    return "The desktop app's safeStorage found no keyring on this Linux desktop and would only obfuscate the key with a built-in password.";
  }
  return undefined;
}

/** The vault key encrypted by Electron's safeStorage and kept in `<dir>/vault.key.safestorage`. */
export function safeStorageProtector(safeStorage: SafeStorageLike, dir: string): KeyProtector {
  const file = path.join(dir, 'vault.key.safestorage');

  function unseal(sealed: Buffer): Buffer {
    let text: string;
    try {
      text = safeStorage.decryptString(sealed);
    } catch (error) {
      throw new LanternError(
        'vault.key-unreadable',
        `The operating system could not decrypt the vault key in ${file} (${(error as Error).message}). This happens when the data folder was copied from another user account or computer. Lantern left the file as it is. Move it away and restart Lantern, then reset the vault (saved secrets will have to be entered again).`,
      );
    }
    return checkKey(Buffer.from(text, 'base64'), file);
  }

  return {
    kind: 'safeStorage',
    description: `The vault key is encrypted by the operating system for your user account (Electron safeStorage) and kept in ${file}.`,
    loadOrCreateKey: async () => {
      const problem = safeStorageProblem(safeStorage);
      if (problem) throw new KeyProtectionUnavailableError('safeStorage', problem);
      try {
        return unseal(await readFile(file));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const key = randomBytes(VAULT_KEY_BYTES);
      if (await createFileExclusive(file, safeStorage.encryptString(key.toString('base64')))) return key;
      // Another Lantern created it a moment before: use theirs.
      return unseal(await readFile(file));
    },
  };
}
