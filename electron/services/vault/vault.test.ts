import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFileProtector } from './key-file-protector';
import { KeyProtectionUnavailableError, type KeyProtector } from './key-protector';
import { Vault } from './vault';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'lantern-vault-'));
const openIn = (dir: string) => Vault.open({ dir, protector: keyFileProtector(dir) });
const canary = () => `canary-${randomBytes(8).toString('hex')}`;

/** Changes one base64 character inside the first entry's ciphertext (not the key check). */
function tamperOneByte(file: string): void {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf('"data": "', text.indexOf('"entries"')) + '"data": "'.length + 2;
  const replacement = text[at] === 'A' ? 'B' : 'A';
  writeFileSync(file, text.slice(0, at) + replacement + text.slice(at + 1));
}

async function expectRefusedAndKept(vault: Vault, file: string) {
  const before = readFileSync(file);
  await expect(vault.set('x', 'y')).rejects.toMatchObject({ code: 'vault.unavailable' });
  await expect(vault.delete('api')).rejects.toMatchObject({ code: 'vault.unavailable' });
  expect(readFileSync(file).equals(before)).toBe(true);
  expect(vault.get('api')).toBeUndefined();
}

describe('Vault', () => {
  it('keeps values across instances, with the protection it used', async () => {
    const dir = tempDir();
    const vault = await openIn(dir);
    expect(vault.status).toMatchObject({ ok: true, protection: 'key-file' });
    await vault.set('api', 'value-1');
    await vault.set('other', 'ünïcødé ✓');
    await vault.set('api', 'value-2');
    expect(await vault.delete('other')).toBe(true);
    expect(await vault.delete('never-there')).toBe(false);

    const again = await openIn(dir);
    expect(again.status.ok).toBe(true);
    expect(again.get('api')).toBe('value-2');
    expect(again.has('other')).toBe(false);
    expect(again.ids()).toEqual(['api']);
    const file = JSON.parse(readFileSync(path.join(dir, 'vault.json'), 'utf8'));
    expect(file).toMatchObject({ version: 1, protection: 'key-file' });
    expect(Object.keys(file.entries)).toEqual(['api']);
  });

  it('writes no plaintext secret, only a file readable by the user alone', async () => {
    const dir = tempDir();
    const vault = await openIn(dir);
    const secret = canary();
    await vault.set('secret', secret);
    const bytes = readFileSync(path.join(dir, 'vault.json'));
    expect(bytes.includes(secret)).toBe(false);
    expect(bytes.includes(Buffer.from(secret).toString('base64'))).toBe(false);
    if (process.platform !== 'win32') expect(statSync(path.join(dir, 'vault.json')).mode & 0o777).toBe(0o600);
    // No temp file left behind by the atomic write.
    expect(readdirSync(dir).sort()).toEqual(['vault.json', 'vault.key']);
  });

  it('serializes concurrent writes so none is lost', async () => {
    const dir = tempDir();
    const vault = await openIn(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => vault.set(`k${i}`, `v${i}`)));
    expect((await openIn(dir)).ids()).toHaveLength(20);
  });

  it('reports a tampered entry, keeps the file, refuses writes, and resets only when asked', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'vault.json');
    const vault = await openIn(dir);
    await vault.set('api', canary());
    tamperOneByte(file);
    const original = readFileSync(file);

    const reopened = await openIn(dir);
    expect(reopened.status.ok).toBe(false);
    if (!reopened.status.ok) {
      expect(reopened.status.problem).toContain(file);
      expect(reopened.status.problem).toContain('integrity check');
      expect(reopened.status.problem).toContain('Start a new vault');
    }
    await expectRefusedAndKept(reopened, file);

    const { movedTo } = await reopened.resetVault();
    expect(movedTo).toMatch(/vault\.json\.unreadable-\d+$/);
    expect(readFileSync(movedTo!).equals(original)).toBe(true);
    expect(reopened.status.ok).toBe(true);
    expect(reopened.ids()).toEqual([]);
    await reopened.set('fresh', 'value');
    expect((await openIn(dir)).get('fresh')).toBe('value');
  });

  it('reports a file that is not JSON without creating a key', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'vault.json'), '{"version":1, "entr');
    const vault = await openIn(dir);
    expect(vault.status).toMatchObject({ ok: false, problem: expect.stringContaining('not valid JSON') });
    expect(readdirSync(dir)).toEqual(['vault.json']);
    await expectRefusedAndKept(vault, path.join(dir, 'vault.json'));
  });

  it('reports a vault encrypted with another key the same way', async () => {
    const first = tempDir();
    const vault = await openIn(first);
    await vault.set('api', canary());
    const second = tempDir();
    const file = path.join(second, 'vault.json');
    copyFileSync(path.join(first, 'vault.json'), file);

    const elsewhere = await openIn(second);
    expect(elsewhere.status.ok).toBe(false);
    if (!elsewhere.status.ok) expect(elsewhere.status.problem).toContain('different key');
    await expectRefusedAndKept(elsewhere, file);
    expect((await elsewhere.resetVault()).movedTo).toContain('unreadable-');
  });

  it('names both protections when the key now comes from another one', async () => {
    const dir = tempDir();
    await (await openIn(dir)).set('api', 'value');
    const keyring: KeyProtector = {
      kind: 'os-keyring',
      description: 'test keyring',
      loadOrCreateKey: async () => randomBytes(32),
    };
    const vault = await Vault.open({ dir, protector: keyring });
    expect(vault.status).toMatchObject({ ok: false, problem: expect.stringContaining('a key file') });
  });

  it('reports a key that cannot be loaded, and retries when asked', async () => {
    const dir = tempDir();
    let reachable = false;
    const flaky: KeyProtector = {
      kind: 'os-keyring',
      description: 'test keyring',
      loadOrCreateKey: async () => {
        if (!reachable) throw new KeyProtectionUnavailableError('os-keyring', 'No keyring.');
        return Buffer.alloc(32, 7);
      },
    };
    const vault = await Vault.open({ dir, protector: flaky });
    expect(vault.status).toMatchObject({ ok: false, problem: expect.stringContaining('No keyring.') });
    await expect(vault.set('a', 'b')).rejects.toMatchObject({ code: 'vault.unavailable' });
    reachable = true;
    expect(await vault.retry()).toMatchObject({ ok: true });
    await vault.set('a', 'b');
  });

  it('refuses to reset a readable vault', async () => {
    const vault = await openIn(tempDir());
    await expect(vault.resetVault()).rejects.toMatchObject({ code: 'vault.reset-refused' });
  });
  it('applies several sets and deletes in one write, and writes nothing when nothing changes', async () => {
    const dir = tempDir();
    const vault = await openIn(dir);
    await vault.apply({ set: { a: '1', b: '2', c: '3' } });
    const file = path.join(dir, 'vault.json');
    const written = statSync(file).mtimeMs;
    await vault.apply({ set: { a: '1' }, delete: ['never-there'] });
    expect(statSync(file).mtimeMs).toBe(written);
    await vault.apply({ set: { b: 'two' }, delete: ['a', 'c'] });
    const again = await openIn(dir);
    expect(again.ids()).toEqual(['b']);
    expect(again.get('b')).toBe('two');
    writeFileSync(file, '{ broken');
    const broken = await openIn(dir);
    await expect(broken.apply({ set: { x: 'y' } })).rejects.toMatchObject({ code: 'vault.unavailable' });
    expect(readFileSync(file, 'utf8')).toBe('{ broken');
  });
});
