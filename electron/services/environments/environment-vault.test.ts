import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskSecret } from '../../../shared/model/auth';
import { resolveTemplate } from '../../../shared/template/index';
import { EnvironmentFile } from './environment-file';
import { EnvironmentStore } from './environment-store';
import { keyFileProtector } from '../vault/key-file-protector';
import { SecretScopes } from '../vault/secret-scopes';
import { Vault } from '../vault/vault';

const canary = () => `canary-${randomBytes(8).toString('hex')}`;
const variable = (name: string, value: string, secret = false) => ({ name, value, secret, keepValue: false });
const kept = (name: string, value: string) => ({
  name,
  value: maskSecret(value),
  secret: true,
  keepValue: true,
});

/** A "restart": a new vault and a new store over the same folder. */
async function start(dir: string) {
  const vault = await Vault.open({ dir, protector: keyFileProtector(dir) });
  const store = new EnvironmentStore(new EnvironmentFile(path.join(dir, 'environments.json')));
  await store.useVault(new SecretScopes(vault));
  return { vault, store };
}

/** Every file in the folder except the vault's own, as text. */
function plainFiles(dir: string): string {
  return readdirSync(dir)
    .filter((name) => name !== 'vault.json' && name !== 'vault.key')
    .map((name) => readFileSync(path.join(dir, name), 'utf8'))
    .join('\n');
}

const resolve = (store: EnvironmentStore, id: string, text: string) =>
  resolveTemplate(text, store.scopeFor(id));

describe('EnvironmentStore with the vault', () => {
  it('keeps secret values in the vault across a restart, and nowhere else', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lantern-env-vault-'));
    const secret = canary();
    const globalSecret = canary();
    const first = await start(dir);
    const saved = await first.store.save({
      name: 'Prod',
      variables: [variable('base', 'https://prod'), variable('token', secret, true)],
    });
    await first.store.save({
      id: 'global',
      name: 'Globals',
      variables: [variable('gkey', globalSecret, true)],
    });
    expect(JSON.stringify(first.store.summaries())).not.toContain(secret);

    const { store, vault } = await start(dir);
    expect(resolve(store, saved.id, '{{base}}/{{token}}/{{gkey}}')).toMatchObject({
      ok: true,
      text: `https://prod/${secret}/${globalSecret}`,
    });
    expect(store.secretValues()).toEqual(expect.arrayContaining([secret, globalSecret]));
    expect(vault.ids().sort()).toEqual(['env:global:gkey', `env:${saved.id}:token`].sort());
    expect(plainFiles(dir)).not.toContain(secret);
    expect(readFileSync(path.join(dir, 'vault.json'), 'utf8')).not.toContain(secret);
    expect(store.summaries().find((e) => e.id === saved.id)?.problem).toBeUndefined();
  });

  it('follows a renamed variable and removes what a deleted variable or environment held', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lantern-env-vault-'));
    const [a, b] = [canary(), canary()];
    const { store, vault } = await start(dir);
    const saved = await store.save({
      name: 'Env',
      variables: [variable('a', a, true), variable('b', b, true)],
    });
    // "a" renamed to "alpha" (still masked), "b" removed.
    await store.save({ id: saved.id, name: 'Env renamed', variables: [kept('alpha', a)] });
    expect(vault.ids()).toEqual([`env:${saved.id}:alpha`]);
    expect(resolve((await start(dir)).store, saved.id, '{{alpha}}')).toMatchObject({ text: a });

    await store.delete(saved.id);
    expect(vault.ids()).toEqual([]);
    expect((await start(dir)).vault.ids()).toEqual([]);
  });

  it('reports a corrupt vault, still loads the environments, and leaves every file as it was', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lantern-env-vault-'));
    const secret = canary();
    const { store } = await start(dir);
    const saved = await store.save({
      name: 'Prod',
      variables: [variable('base', 'https://prod'), variable('token', secret, true)],
    });
    writeFileSync(path.join(dir, 'vault.json'), '{ "version": 1, "entries": { broken');
    const snapshot = () =>
      Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]));
    const before = snapshot();

    const again = (await start(dir)).store;
    const summary = again.summaries().find((e) => e.id === saved.id);
    expect(summary?.variables.map((v) => v.name)).toEqual(['base', 'token']);
    expect(summary?.problem).toMatch(
      /"token" of "Prod" has no value on this computer: Lantern cannot read its vault/,
    );
    // A send that needs it is refused with the reason, never sent with an empty value.
    const resolved = resolve(again, saved.id, '{{base}}/{{token}}');
    expect(resolved.ok ? '' : resolved.errors[0]?.message).toMatch(/"token" has no value on this computer/);
    // Changing a secret is refused in plain words; nothing on disk changes.
    await expect(
      again.save({
        id: saved.id,
        name: 'Prod',
        variables: [variable('base', 'x'), variable('token', 'new', true)],
      }),
    ).rejects.toThrow(/cannot be saved now.*vault/);
    expect(snapshot()).toEqual(before);
    // Non-secret edits still save, and the secret's entry is not touched (nor blanked).
    await again.save({
      id: saved.id,
      name: 'Prod',
      variables: [variable('base', 'https://p2'), kept('token', '')],
    });
    expect(readFileSync(path.join(dir, 'vault.json'), 'utf8')).toBe(before['vault.json']);
    expect(statSync(path.join(dir, 'environments.json')).size).toBeGreaterThan(0);
  });

  it('sweeps values left behind by a delete made while the vault was unavailable', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lantern-env-vault-'));
    const { store, vault } = await start(dir);
    const saved = await store.save({ name: 'Gone', variables: [variable('k', canary(), true)] });
    await vault.set('env:no-such-environment:k', 'left over');
    const withoutVault = new EnvironmentStore(new EnvironmentFile(path.join(dir, 'environments.json')));
    await withoutVault.delete(saved.id);
    expect((await start(dir)).vault.ids()).toEqual([]);
  });
});
