import { randomBytes } from 'node:crypto';
import { Entry } from '@napi-rs/keyring';
import { checkKey, KeyProtectionUnavailableError, VAULT_KEY_BYTES, type KeyProtector } from './key-protector';

/** The platform's store, in the words a user knows it by. */
function storeName(): string {
  if (process.platform === 'darwin') return 'the macOS Keychain';
  if (process.platform === 'win32') return 'the Windows Credential Manager';
  return 'the Secret Service (GNOME Keyring, KWallet)';
}

/** First line only: the binding appends a Rust backtrace that means nothing to a user. */
const reasonOf = (error: unknown) => String((error as Error)?.message ?? error).split('\n')[0];

/**
 * The first failure decides for the whole process. Observed with @napi-rs/keyring 1.3 on Linux
 * without a Secret Service: the first write fails (AccessDenied), but later writes in the same
 * process "succeed" into the kernel keyring (keyutils), which is emptied at reboot; a vault key
 * kept there would be lost, and every secret with it.
 */
let unreachable: KeyProtectionUnavailableError | undefined;

/**
 * The vault key in the OS keyring (base64, one entry). The key is read once and kept, so a
 * keyring that locks later does not take the vault away mid-session.
 */
export function keyringProtector(service = 'Lantern', account = 'vault-key'): KeyProtector {
  let loaded: Promise<Buffer> | undefined;
  const where = `${storeName()} (service "${service}", account "${account}")`;
  const unavailable = (error: unknown) =>
    new KeyProtectionUnavailableError(
      'os-keyring',
      `Lantern cannot reach ${storeName()}: ${reasonOf(error)}. On Linux this usually means no keyring service is running or it is locked; start or unlock it and restart Lantern.`,
    );

  async function loadOrCreate(): Promise<Buffer> {
    if (unreachable) throw unreachable;
    try {
      return readOrCreate();
    } catch (error) {
      if (error instanceof KeyProtectionUnavailableError) unreachable = error;
      throw error;
    }
  }

  function readOrCreate(): Buffer {
    let entry: Entry;
    let stored: string | null;
    try {
      entry = new Entry(service, account);
      stored = entry.getPassword();
    } catch (error) {
      throw unavailable(error);
    }
    if (stored) return checkKey(Buffer.from(stored, 'base64'), where);
    const key = randomBytes(VAULT_KEY_BYTES);
    try {
      entry.setPassword(key.toString('base64'));
      // Read it back: the vault must never be encrypted with a key the store did not keep.
      if (entry.getPassword() !== key.toString('base64')) throw new Error('the key did not read back');
    } catch (error) {
      throw unavailable(error);
    }
    return key;
  }

  return {
    kind: 'os-keyring',
    description: `The vault key is kept in ${where}.`,
    loadOrCreateKey: () => {
      loaded ??= loadOrCreate().catch((error: unknown) => {
        loaded = undefined;
        throw error;
      });
      return loaded;
    },
  };
}
