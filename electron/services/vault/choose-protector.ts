import path from 'node:path';
import { LanternError } from '../../../shared/model/result';
import { keyFileProtector } from './key-file-protector';
import { KeyProtectionUnavailableError, type KeyProtector, type ProtectionKind } from './key-protector';
import { keyringProtector } from './keyring-protector';
import { safeStorageProblem, safeStorageProtector, type SafeStorageLike } from './safe-storage-protector';
import { readVaultFile } from './vault-format';

export interface ProtectorChoice {
  protector: KeyProtector;
  /** Plain-words notes for settings and the log: why a stronger protection was not used. */
  notes: string[];
}

/**
 * The strongest protection this machine offers: safeStorage (desktop app), else the OS keyring,
 * else a key file. An existing vault keeps the protection it was created with, since another
 * protection would hold another key and the vault could not be read.
 */
export async function chooseProtector({
  safeStorage,
  dir,
  keyring = keyringProtector(),
}: {
  safeStorage?: SafeStorageLike;
  dir: string;
  /** The OS keyring protector; replaceable so tests can stand in for a reachable keyring. */
  keyring?: KeyProtector;
}): Promise<ProtectorChoice> {
  const keyFile = keyFileProtector(dir);
  const recorded = await recordedProtection(dir);
  if (recorded) return { protector: existing(recorded, { safeStorage, dir, keyring, keyFile }), notes: [] };

  const notes: string[] = [];
  if (safeStorage) {
    const problem = safeStorageProblem(safeStorage);
    if (!problem) return { protector: safeStorageProtector(safeStorage, dir), notes };
    notes.push(problem);
  }
  try {
    // The probe is the real thing: it reads (or creates) the key, which the protector then keeps.
    await keyring.loadOrCreateKey();
    if (notes.length) notes.push('Lantern keeps the vault key in the OS keyring instead.');
    return { protector: keyring, notes };
  } catch (error) {
    const reason = error instanceof LanternError ? error.message : String(error);
    notes.push(
      error instanceof KeyProtectionUnavailableError ? reason : `The OS keyring could not be used: ${reason}`,
    );
  }
  notes.push(
    `Lantern keeps the vault key in a file readable only by you instead (${path.join(dir, 'vault.key')}). Anyone who can use your user account can read it.`,
  );
  return { protector: keyFile, notes };
}

/** The protection an existing, readable-enough vault file names; undefined when there is none. */
async function recordedProtection(dir: string): Promise<ProtectionKind | undefined> {
  const read = await readVaultFile(path.join(dir, 'vault.json'));
  return read.state === 'parsed' ? read.file.protection : undefined;
}

function existing(
  kind: ProtectionKind,
  options: { safeStorage?: SafeStorageLike; dir: string; keyring: KeyProtector; keyFile: KeyProtector },
): KeyProtector {
  if (kind === 'key-file') return options.keyFile;
  if (kind === 'os-keyring') return options.keyring;
  if (options.safeStorage) return safeStorageProtector(options.safeStorage, options.dir);
  // Browser mode on a data folder the desktop app created: only Electron can open that key.
  return {
    kind: 'safeStorage',
    description: 'The vault key is protected by the desktop app (Electron safeStorage).',
    loadOrCreateKey: async () => {
      throw new KeyProtectionUnavailableError(
        'safeStorage',
        'This vault was created by the Lantern desktop app, whose key only the desktop app can unlock (Electron safeStorage). Open Lantern as a desktop app to use these secrets, or reset the vault to start an empty one for browser mode.',
      );
    },
  };
}
