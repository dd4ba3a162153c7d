import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveTemplate } from '../../../shared/template/index';
import { EnvironmentFile } from './environment-file';
import { EnvironmentStore } from './environment-store';

const fileIn = (dir = mkdtempSync(path.join(tmpdir(), 'lantern-env-'))) => ({
  dir,
  file: new EnvironmentFile(path.join(dir, 'environments.json')),
});
const variable = (name: string, value: string, secret = false) => ({ name, value, secret, keepValue: false });

describe('EnvironmentStore', () => {
  it('resolves against the chosen environment first, then the globals', async () => {
    const store = new EnvironmentStore();
    await store.save({
      id: 'global',
      name: 'Globals',
      variables: [variable('base', 'https://global'), variable('v', '1')],
    });
    const staging = await store.save({ name: 'Staging', variables: [variable('base', 'https://staging')] });
    expect(resolveTemplate('{{base}}/{{v}}', store.scopeFor(staging.id))).toMatchObject({
      ok: true,
      text: 'https://staging/1',
    });
    expect(resolveTemplate('{{base}}', store.scopeFor(undefined))).toMatchObject({
      ok: true,
      text: 'https://global',
    });
  });

  it('persists atomically, never writes secret values, and reloads', async () => {
    const { dir, file } = fileIn();
    const store = new EnvironmentStore(file);
    const saved = await store.save({
      name: 'Prod',
      variables: [variable('base', 'https://prod'), variable('key', 'canary-4f2a9c1e', true)],
    });
    expect(saved.variables[1]?.value).toBe('••••9c1e');
    const text = readFileSync(path.join(dir, 'environments.json'), 'utf8');
    expect(text).toContain('https://prod');
    expect(text).not.toContain('canary-4f2a9c1e');
    expect(readdirSync(dir)).toEqual(['environments.json']);
    const reloaded = new EnvironmentStore(new EnvironmentFile(path.join(dir, 'environments.json')));
    expect(reloaded.summaries().map((e) => e.name)).toEqual(['Globals', 'Prod']);
  });

  it('keeps a secret whose masked preview came back untouched', async () => {
    const store = new EnvironmentStore();
    const saved = await store.save({ name: 'P', variables: [variable('key', 'canary-4f2a9c1e', true)] });
    await store.save({
      id: saved.id,
      name: 'P',
      variables: [{ ...variable('key', '••••9c1e', true), keepValue: true }],
    });
    expect(resolveTemplate('{{key}}', store.scopeFor(saved.id))).toMatchObject({ text: 'canary-4f2a9c1e' });
  });

  it.each([
    [[variable('has space', 'x')], /cannot be used in \{\{…\}\}/],
    [[variable('a', '1'), variable('a', '2')], /defined twice/],
  ])('refuses bad variables in plain words', async (variables, message) => {
    await expect(new EnvironmentStore().save({ name: 'X', variables })).rejects.toThrow(message);
  });

  it('refuses to edit or delete built-in environments, and to resolve a deleted one', async () => {
    const store = new EnvironmentStore();
    store.putTransient({ id: 'sample', name: 'Sandbox', variables: [] });
    await expect(store.save({ id: 'sample', name: 'x', variables: [] })).rejects.toThrow(/built in/);
    await expect(store.delete('global')).rejects.toThrow(/built in/);
    expect(() => store.scopeFor('gone')).toThrow(/no longer exists/);
  });

  it('reports an unreadable file and keeps it, never overwriting it', async () => {
    const { dir } = fileIn();
    writeFileSync(path.join(dir, 'environments.json'), '{ not json');
    const file = new EnvironmentFile(path.join(dir, 'environments.json'));
    const store = new EnvironmentStore(file);
    expect(file.problem).toMatch(/could not be read.*kept as/);
    const backup = readdirSync(dir).find((name) => name.includes('unreadable'));
    expect(backup && readFileSync(path.join(dir, backup), 'utf8')).toBe('{ not json');
    await store.save({ name: 'New', variables: [] });
    expect(backup && readFileSync(path.join(dir, backup), 'utf8')).toBe('{ not json');
  });
});
