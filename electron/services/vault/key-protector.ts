import { LanternError } from '../../../shared/model/result';

export type ProtectionKind = 'safeStorage' | 'os-keyring' | 'key-file';

/** Keeps the one 32-byte key that encrypts the vault; each kind protects it differently. */
export interface KeyProtector {
  kind: ProtectionKind;
  /** Plain words for the settings screen: where the key is and who could read it. */
  description: string;
  /** The vault key (32 bytes), created on first use. Throws a LanternError when it cannot. */
  loadOrCreateKey(): Promise<Buffer>;
}

export const VAULT_KEY_BYTES = 32;

/** Plain names of each protection, for messages that compare two of them. */
export const protectionNames: Record<ProtectionKind, string> = {
  safeStorage: "the desktop app's safeStorage (the operating system's encryption)",
  'os-keyring': 'the OS keyring',
  'key-file': 'a key file',
};

/**
 * Thrown when a protection cannot be used on this machine at all (no Secret Service, safeStorage
 * not ready): the caller may pick another protection, unlike a key that exists but is unreadable.
 */
export class KeyProtectionUnavailableError extends LanternError {
  constructor(
    readonly kind: ProtectionKind,
    message: string,
  ) {
    super('vault.protection-unavailable', message);
    this.name = 'KeyProtectionUnavailableError';
  }
}

/** A key read back from a store must be exactly 32 bytes: anything else means it was damaged. */
export function checkKey(key: Buffer, where: string): Buffer {
  if (key.length !== VAULT_KEY_BYTES) {
    throw new LanternError(
      'vault.key-damaged',
      `The vault key in ${where} is damaged (${key.length} bytes instead of ${VAULT_KEY_BYTES}). Lantern left it as it is. Restore it from a backup, or move it away, restart Lantern and reset the vault (saved secrets will have to be entered again).`,
    );
  }
  return key;
}
