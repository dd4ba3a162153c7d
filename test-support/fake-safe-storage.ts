import type { SafeStorageLike } from '../electron/services/vault/safe-storage-protector';

/** For tests: stands in for Electron's safeStorage: reversible, and visibly not the plain text. */
export function fakeSafeStorage(overrides: Partial<SafeStorageLike> = {}): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    encryptString: (text) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`),
    decryptString: (sealed) => {
      const text = sealed.toString();
      if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided');
      return Buffer.from(text.slice('sealed:'.length), 'hex').toString();
    },
    getSelectedStorageBackend: () => 'gnome_libsecret',
    ...overrides,
  };
}
