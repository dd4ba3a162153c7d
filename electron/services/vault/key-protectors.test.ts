import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Entry } from '@napi-rs/keyring';
import { afterAll, describe, expect, it } from 'vitest';
import { keyFileProtector } from './key-file-protector';
import { KeyProtectionUnavailableError } from './key-protector';
import { keyringProtector } from './keyring-protector';
import { fakeSafeStorage } from '../../../test-support/fake-safe-storage';
import { safeStorageProtector } from './safe-storage-protector';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'lantern-key-'));
const posix = process.platform !== 'win32';

describe('keyFileProtector', () => {
  it('creates a 32-byte key readable only by the user, in a private folder, and reads it back', async () => {
    const dir = path.join(tempDir(), 'data');
    const key = await keyFileProtector(dir).loadOrCreateKey();
    expect(key).toHaveLength(32);
    expect(await keyFileProtector(dir).loadOrCreateKey()).toEqual(key);
    if (posix) {
      expect(statSync(path.join(dir, 'vault.key')).mode & 0o777).toBe(0o600);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
    }
    expect(keyFileProtector(dir).description).toContain(path.join(dir, 'vault.key'));
  });

  it('gives every concurrent caller the same key', async () => {
    const dir = tempDir();
    const keys = await Promise.all(Array.from({ length: 8 }, () => keyFileProtector(dir).loadOrCreateKey()));
    for (const key of keys) expect(key).toEqual(keys[0]);
  });

  it.skipIf(!posix)('refuses a key file that others can read', async () => {
    const dir = tempDir();
    await keyFileProtector(dir).loadOrCreateKey();
    const file = path.join(dir, 'vault.key');
    chmodSync(file, 0o644);
    const before = readFileSync(file);
    await expect(keyFileProtector(dir).loadOrCreateKey()).rejects.toMatchObject({
      code: 'vault.key-file-exposed',
      message: expect.stringContaining(`chmod 600 ${file}`),
    });
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a damaged key file rather than replacing it', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'vault.key'), 'c2hvcnQ=\n', { mode: 0o600 });
    await expect(keyFileProtector(dir).loadOrCreateKey()).rejects.toMatchObject({
      code: 'vault.key-damaged',
    });
  });
});

describe('keyringProtector', () => {
  // Names of its own, so a developer's real Lantern entry is never touched; fixed, so a failed
  // write (which the binding still leaves in the kernel keyring) cannot pile up run after run.
  const service = 'Lantern-test-protectors';
  const probe = keyringProtector(service)
    .loadOrCreateKey()
    .then(
      (key) => ({ key, reason: undefined }),
      (error: unknown) => ({ key: undefined, reason: error }),
    );
  afterAll(() => {
    try {
      new Entry(service, 'vault-key').deleteCredential();
    } catch {
      // Nothing was stored: the keyring is unreachable here.
    }
  });

  const reachable =
    'the OS keyring is reachable on this machine, so the path for an unreachable one cannot be exercised';
  const unreachable = (reason: unknown) =>
    `no OS keyring is reachable on this machine (${(reason as Error).message.split('. ')[0]})`;

  it('reports an unreachable keyring with a typed, plain-words error', async (context) => {
    const { reason } = await probe;
    if (!reason) return context.skip(reachable);
    expect(reason).toBeInstanceOf(KeyProtectionUnavailableError);
    expect(reason).toMatchObject({ code: 'vault.protection-unavailable', kind: 'os-keyring' });
    expect((reason as Error).message).toMatch(/^Lantern cannot reach .+: .+\. /);
    // The binding's Rust backtrace must not reach the user.
    expect((reason as Error).message).not.toContain('Stack backtrace');
  });

  it('stays unavailable for the whole process once the first attempt failed', async (context) => {
    const { reason } = await probe;
    if (!reason) return context.skip(reachable);
    // Another service name: the binding itself would now "succeed" into the kernel keyring.
    await expect(keyringProtector(`${service}-again`).loadOrCreateKey()).rejects.toBe(reason);
  });

  it('keeps a 32-byte key in the keyring and returns it again', async (context) => {
    const { key, reason } = await probe;
    if (!key) return context.skip(unreachable(reason));
    expect(key).toHaveLength(32);
    expect(await keyringProtector(service).loadOrCreateKey()).toEqual(key);
  });
});

describe('safeStorageProtector', () => {
  it('keeps the key sealed by safeStorage in a file and reads it back', async () => {
    const dir = tempDir();
    const key = await safeStorageProtector(fakeSafeStorage(), dir).loadOrCreateKey();
    expect(key).toHaveLength(32);
    const sealed = readFileSync(path.join(dir, 'vault.key.safestorage'));
    expect(sealed.includes(key.toString('base64'))).toBe(false);
    expect(await safeStorageProtector(fakeSafeStorage(), dir).loadOrCreateKey()).toEqual(key);
  });

  it('says so plainly when safeStorage cannot encrypt', async () => {
    const unavailable = fakeSafeStorage({ isEncryptionAvailable: () => false });
    await expect(safeStorageProtector(unavailable, tempDir()).loadOrCreateKey()).rejects.toMatchObject({
      code: 'vault.protection-unavailable',
      message: expect.stringContaining('safeStorage is not available'),
    });
  });

  it.runIf(process.platform === 'linux')(
    'treats the Linux "basic_text" fallback as unavailable',
    async () => {
      const basic = fakeSafeStorage({ getSelectedStorageBackend: () => 'basic_text' });
      await expect(safeStorageProtector(basic, tempDir()).loadOrCreateKey()).rejects.toBeInstanceOf(
        KeyProtectionUnavailableError,
      );
    },
  );

  it('reports a sealed key it cannot open, and leaves it in place', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'vault.key.safestorage');
    writeFileSync(file, 'sealed by another account');
    await expect(safeStorageProtector(fakeSafeStorage(), dir).loadOrCreateKey()).rejects.toMatchObject({
      code: 'vault.key-unreadable',
    });
    expect(readFileSync(file, 'utf8')).toBe('sealed by another account');
  });
});
