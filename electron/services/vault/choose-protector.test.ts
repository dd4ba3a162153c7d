import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Entry } from '@napi-rs/keyring';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseProtector } from './choose-protector';
import { keyFileProtector } from './key-file-protector';
import type { KeyProtector } from './key-protector';
import { fakeSafeStorage } from '../../../test-support/fake-safe-storage';
import { keyringProtector } from './keyring-protector';
import { Vault } from './vault';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'lantern-choose-'));
const reachableKeyring = (): KeyProtector => ({
  kind: 'os-keyring',
  description: 'test keyring',
  loadOrCreateKey: async () => Buffer.alloc(32, 1),
});

describe('chooseProtector', () => {
  const service = 'Lantern-test-choose';
  afterAll(() => {
    try {
      new Entry(service, 'vault-key').deleteCredential();
    } catch {
      // Nothing was stored.
    }
  });

  it('uses the real OS keyring when reachable, else falls back to a key file and says why', async () => {
    const dir = tempDir();
    const { protector, notes } = await chooseProtector({ dir, keyring: keyringProtector(service) });
    if (protector.kind === 'os-keyring') {
      console.info(
        'chooseProtector: the OS keyring is reachable here, so the key-file fallback is not exercised.',
      );
      expect(notes).toEqual([]);
      return;
    }
    expect(protector.kind).toBe('key-file');
    expect(notes.join(' ')).toMatch(/cannot reach/);
    expect(notes.join(' ')).toContain('Anyone who can use your user account can read it');
    const vault = await Vault.open({ dir, protector });
    expect(vault.status).toMatchObject({ ok: true, protection: 'key-file' });
  });

  it('prefers safeStorage when it is available', async () => {
    const { protector, notes } = await chooseProtector({ dir: tempDir(), safeStorage: fakeSafeStorage() });
    expect(protector.kind).toBe('safeStorage');
    expect(notes).toEqual([]);
  });

  it('explains an unavailable safeStorage and moves on', async () => {
    const { protector, notes } = await chooseProtector({
      dir: tempDir(),
      safeStorage: fakeSafeStorage({ isEncryptionAvailable: () => false }),
      keyring: reachableKeyring(),
    });
    expect(protector.kind).toBe('os-keyring');
    expect(notes[0]).toContain('safeStorage is not available');
  });

  it('keeps the protection an existing vault was created with', async () => {
    const dir = tempDir();
    const vault = await Vault.open({ dir, protector: keyFileProtector(dir) });
    await vault.set('api', 'value');
    const { protector } = await chooseProtector({
      dir,
      safeStorage: fakeSafeStorage(),
      keyring: reachableKeyring(),
    });
    expect(protector.kind).toBe('key-file');
    expect((await Vault.open({ dir, protector })).get('api')).toBe('value');
  });

  it('in browser mode, reports a vault the desktop app protected instead of replacing its key', async () => {
    const dir = tempDir();
    const vault = await Vault.open({
      dir,
      protector: (await chooseProtector({ dir, safeStorage: fakeSafeStorage() })).protector,
    });
    await vault.set('api', 'value');
    const { protector } = await chooseProtector({ dir, keyring: reachableKeyring() });
    const browser = await Vault.open({ dir, protector });
    expect(browser.status).toMatchObject({ ok: false, problem: expect.stringContaining('desktop app') });
    expect(readdirSync(dir).sort()).toEqual(['vault.json', 'vault.key.safestorage']);
  });
});
