import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFileProtector } from '../vault/key-file-protector';
import { Vault } from '../vault/vault';
import { CredentialStore } from './credential-store';

const canary = () => `canary-${randomBytes(8).toString('hex')}`;

async function storeIn(dir = mkdtempSync(path.join(tmpdir(), 'lantern-cred-'))) {
  const vault = await Vault.open({ dir, protector: keyFileProtector(dir) });
  const store = new CredentialStore({ dir, vault });
  await store.load();
  return { dir, vault, store };
}

/** Every byte Lantern wrote in the folder, as one buffer, to scan for a canary. */
const allBytes = (dir: string) =>
  Buffer.concat(readdirSync(dir).map((name) => readFileSync(path.join(dir, name))));

const oauth = (clientSecret: string) => ({
  kind: 'oauth2',
  label: 'Totara client',
  tokenUrl: 'https://lms.example.com/totara/oauth2/token.php',
  clientId: 'client-1',
  clientSecret,
  scope: 'read',
});

describe('CredentialStore with persistence', () => {
  it('persists across instances, keeping every secret in the vault only', async () => {
    const { dir, store } = await storeIn();
    const secret = canary();
    const created = await store.create(oauth(secret));
    expect(created).toMatchObject({
      kind: 'oauth2',
      label: 'Totara client',
      secretPreview: `••••${secret.slice(-4)}`,
    });
    expect(JSON.stringify(created)).not.toContain(secret);

    const { store: again } = await storeIn(dir);
    expect(again.summaries()).toEqual([created]);
    expect(again.get(created.id)).toMatchObject({
      clientId: 'client-1',
      clientSecret: secret,
      clientAuth: 'body',
    });
    expect(again.reveal(created.id)).toBe(secret);
    expect(again.allSecrets()).toEqual([secret]);

    const file = readFileSync(path.join(dir, 'credentials.json'), 'utf8');
    expect(JSON.parse(file)).toMatchObject({
      version: 1,
      credentials: [{ id: created.id, clientId: 'client-1' }],
    });
    expect(file).not.toContain('clientSecret');
    expect(allBytes(dir).includes(secret)).toBe(false);
  });

  it('keeps the stored secret when an update leaves it out, and replaces it when given', async () => {
    const { dir, store } = await storeIn();
    const secret = canary();
    const { id } = await store.create({ kind: 'basic', label: 'HR API', username: 'svc', password: secret });
    await store.update(id, { label: 'HR API (prod)', password: undefined });
    const { store: again } = await storeIn(dir);
    expect(again.get(id)).toMatchObject({ label: 'HR API (prod)', username: 'svc', password: secret });

    const next = canary();
    await again.update(id, { password: next });
    expect((await storeIn(dir)).store.reveal(id)).toBe(next);
    expect(allBytes(dir).includes(next)).toBe(false);
  });

  it('never writes transient (sample) credentials', async () => {
    const { dir, store } = await storeIn();
    const secret = canary();
    store.putTransient({ id: 'sample-ihasco', kind: 'bearer', label: 'Sandbox token', token: secret });
    store.put({ id: 'sample-legacy', kind: 'apiKey', label: 'Legacy put', key: canary() });
    await store.create({ kind: 'apiKey', label: 'Saved key', key: canary() });
    await store.update('sample-ihasco', { label: 'Renamed sample' });
    expect(store.summaries().map((s) => s.label)).toEqual(['Saved key', 'Renamed sample', 'Legacy put']);
    expect(allBytes(dir).includes(secret)).toBe(false);
    expect(readFileSync(path.join(dir, 'credentials.json'), 'utf8')).not.toContain('sample-');
    expect((await storeIn(dir)).store.summaries().map((s) => s.label)).toEqual(['Saved key']);
  });

  it('removes a credential and its secret', async () => {
    const { dir, store, vault } = await storeIn();
    const { id } = await store.create({ kind: 'bearer', label: 'Static token', token: canary() });
    expect(vault.ids()).toEqual([`credential:${id}`]);
    expect(await store.remove(id)).toBe(true);
    expect(await store.remove(id)).toBe(false);
    expect(vault.ids()).toEqual([]);
    expect((await storeIn(dir)).store.summaries()).toEqual([]);
    expect(() => store.get(id)).toThrow(expect.objectContaining({ code: 'auth.unknown-credential' }));
  });

  it('reports an unreadable vault, still lists the credentials, and refuses changes', async () => {
    const { dir, store } = await storeIn();
    const { id } = await store.create(oauth(canary()));
    writeFileSync(path.join(dir, 'vault.key'), `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    const { store: again } = await storeIn(dir);
    expect(again.problems()[0]).toContain('different key');
    expect(again.summaries()).toMatchObject([{ id, secretPreview: 'not available' }]);
    expect(() => again.get(id)).toThrow(expect.objectContaining({ code: 'vault.unavailable' }));
    await expect(again.update(id, { label: 'x' })).rejects.toMatchObject({ code: 'vault.unavailable' });
    await expect(again.create(oauth('s'))).rejects.toMatchObject({ code: 'vault.unavailable' });
  });

  it('reports a damaged credentials.json and keeps it', async () => {
    const { dir, store } = await storeIn();
    await store.create({ kind: 'bearer', label: 'Token', token: canary() });
    const file = path.join(dir, 'credentials.json');
    writeFileSync(
      file,
      '{ "version": 1, "credentials": [ { "id": "x", "kind": "oauth2", "label": "bad", "tokenUrl": "nope" } ] }',
    );
    const before = readFileSync(file);
    const { store: again } = await storeIn(dir);
    expect(again.problems()[0]).toMatch(/saved credentials .* valid web address/);
    await expect(again.create({ kind: 'bearer', label: 'New', token: 't' })).rejects.toMatchObject({
      code: 'storage.file-unreadable',
    });
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('credential validation', () => {
  const store = new CredentialStore();
  const cases: [string, unknown, RegExp][] = [
    ['unknown kind', { kind: 'digest', label: 'x' }, /does not know the credential kind "digest"/],
    ['missing token URL', { ...oauth('s'), tokenUrl: undefined }, /The token URL is missing/],
    [
      'invalid token URL',
      { ...oauth('s'), tokenUrl: 'lms.example.com/token' },
      /token URL is not a valid web address/,
    ],
    ['ftp token URL', { ...oauth('s'), tokenUrl: 'ftp://lms.example.com' }, /not a valid web address/],
    ['empty client id', { ...oauth('s'), clientId: '  ' }, /The client id is empty/],
    ['empty client secret', oauth(''), /The client secret is empty/],
    ['empty label', { kind: 'bearer', label: '', token: 't' }, /The name is empty/],
    [
      'bad login URL',
      { kind: 'session', label: 'AJAX', loginUrl: 'x', username: 'u', password: 'p' },
      /login URL/,
    ],
    [
      'CSRF pattern without a group',
      {
        kind: 'session',
        label: 'A',
        loginUrl: 'https://x',
        username: 'u',
        password: 'p',
        csrfPattern: 'sesskey',
      },
      /one group in brackets/,
    ],
    ['missing API key', { kind: 'apiKey', label: 'k' }, /The API key is missing/],
    ['inherited name as kind', { kind: 'toString', label: 'x' }, /does not know the credential kind/],
  ];
  it.each(cases)('%s', async (_name, input, message) => {
    await expect(store.create(input)).rejects.toMatchObject({
      code: 'credential.invalid',
      message: expect.stringMatching(message),
    });
  });

  it('saves the dialog shape: fields apart, the secret kept when left out', async () => {
    const dialog = { kind: 'oauth2', label: 'LMS', secret: 's3cret-value' };
    const fields = {
      tokenUrl: 'https://lms.example.com/token',
      clientId: 'c1',
      scope: '',
      clientAuth: 'basic',
    };
    const { id } = await store.save({ ...dialog, fields: { ...fields, clientSecret: 'smuggled' } });
    expect(store.reveal(id)).toBe('s3cret-value');
    expect(store.editableFields(id)).toEqual({
      tokenUrl: 'https://lms.example.com/token',
      clientId: 'c1',
      clientAuth: 'basic',
    });
    await store.save({ id, kind: 'oauth2', label: 'LMS 2', fields: { ...fields, scope: 'read' } });
    expect(store.get(id)).toMatchObject({ label: 'LMS 2', scope: 'read', clientSecret: 's3cret-value' });
  });

  it('fills session defaults and refuses a change of kind', async () => {
    const created = await store.create({
      kind: 'session',
      label: 'AJAX',
      loginUrl: 'https://lms.example.com/login',
      username: 'u',
      password: 'p',
    });
    expect(store.get(created.id)).toMatchObject({
      csrfHeader: 'X-Totara-Sesskey',
      csrfPattern: '"sesskey":"([^"]+)"',
    });
    await expect(store.update(created.id, { kind: 'bearer' })).rejects.toMatchObject({
      message: expect.stringContaining('kind cannot be changed'),
    });
  });
});

describe('a credential that takes its secret from a {{variable}}', () => {
  it('keeps the reference (no secret) across instances, and a later real secret replaces it', async () => {
    const { dir, store } = await storeIn();
    const saved = await store.save({
      kind: 'basic',
      label: 'LMS admin',
      fields: { username: 'admin' },
      secret: '{{ client_secret }}',
    });
    expect(saved).toMatchObject({
      secretPreview: 'from {{client_secret}}',
      secretReference: '{{client_secret}}',
      fields: { username: 'admin' },
    });
    const { store: again } = await storeIn(dir);
    expect(again.get(saved.id)).toMatchObject({ username: 'admin', password: '{{client_secret}}' });
    expect(again.summaries()).toEqual([saved]);
    expect(again.allSecrets()).toEqual([]);
    // A change that leaves the secret out keeps the reference.
    await again.save({ id: saved.id, kind: 'basic', label: 'LMS admin (2)', fields: { username: 'root' } });
    expect(again.get(saved.id)).toMatchObject({ username: 'root', password: '{{client_secret}}' });
    // A real password replaces it, and goes to the vault only.
    const secret = canary();
    const real = await again.save({ id: saved.id, kind: 'basic', label: 'LMS admin', fields: {}, secret });
    expect(real.secretReference).toBeUndefined();
    expect(again.allSecrets()).toEqual([secret]);
    const { store: third } = await storeIn(dir);
    expect(third.get(saved.id)).toMatchObject({ password: secret });
    expect(readFileSync(path.join(dir, 'credentials.json'), 'utf8')).not.toContain(secret);
    expect(readFileSync(path.join(dir, 'credentials.json'), 'utf8')).not.toContain('client_secret');
  });
});
