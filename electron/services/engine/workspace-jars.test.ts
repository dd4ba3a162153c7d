import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keyFileProtector } from '../vault/key-file-protector';
import { Vault } from '../vault/vault';
import { WorkspaceJars, type JarVault } from './workspace-jars';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const site = new URL('https://lms.example.com/login');
const openVaultIn = (dir: string) => Vault.open({ dir, protector: keyFileProtector(dir) });
/** WorkspaceJars' default: a changed jar is written this long after the change. */
const WRITE_DELAY_MS = 1_000;

// Tests of the delayed write move time by hand: the write happens at its moment, not "soon
// enough" on a busy machine. The vault's own file I/O stays real.
afterEach(() => {
  vi.useRealTimers();
});

/** A vault in memory whose writes fail while `failing` is set, as a full disk would. */
function memoryVault(entries: Record<string, string> = {}) {
  const values = new Map(Object.entries(entries));
  const vault = {
    failing: false,
    writes: [] as string[],
    status: { ok: true } as const,
    get: (id: string) => values.get(id),
    ids: () => [...values.keys()],
    set: async (id: string, value: string) => {
      if (vault.failing) throw new Error('ENOSPC: no space left on device');
      vault.writes.push(`set ${id}`);
      values.set(id, value);
    },
    delete: async (id: string) => {
      if (vault.failing) throw new Error('ENOSPC: no space left on device');
      vault.writes.push(`delete ${id}`);
      return values.delete(id);
    },
  } satisfies JarVault & Record<string, unknown>;
  return vault;
}

describe('WorkspaceJars', () => {
  it('keeps one jar per workspace and one for requests outside a workspace', () => {
    const jars = new WorkspaceJars();
    expect(jars.jarFor('ws_a')).toBe(jars.jarFor('ws_a'));
    expect(jars.jarFor('ws_a')).not.toBe(jars.jarFor('ws_b'));
    expect(jars.jarFor(undefined)).not.toBe(jars.jarFor('ws_a'));
    jars.jarFor('ws_a').setFromResponse(site, ['MoodleSession=aaaa1111; Path=/']);
    jars.jarFor(undefined).setFromResponse(site, ['scratch=bbbb2222; Path=/']);
    expect(jars.jarFor('ws_b').cookieHeaderFor(site)).toBeUndefined();
    expect(jars.jarFor('ws_a').cookieHeaderFor(site)).toBe('MoodleSession=aaaa1111');
  });

  it('gives as secrets only the session-like values of the one jar asked for', () => {
    const jars = new WorkspaceJars();
    jars
      .jarFor('ws_a')
      .setFromResponse(site, ['MoodleSession=4f3a9c1e8b7d6a5f; Path=/', 'theme=dark; Path=/', 'ok=true']);
    jars.jarFor('ws_b').setFromResponse(site, ['MoodleSession=9e8d7c6b5a4f3e2d; Path=/']);
    jars.jarFor(undefined).setFromResponse(site, ['scratch=q2b5r7t9v1x3z5a7; Path=/', 'lang=en-US']);
    expect(jars.sessionValues('ws_a')).toEqual(['4f3a9c1e8b7d6a5f']);
    expect(jars.sessionValues('ws_b')).toEqual(['9e8d7c6b5a4f3e2d']);
    expect(jars.sessionValues(undefined)).toEqual(['q2b5r7t9v1x3z5a7']);
    expect(jars.sessionValues('ws_never_used')).toEqual([]);
    expect(jars.allSessionValues().sort()).toEqual([
      '4f3a9c1e8b7d6a5f',
      '9e8d7c6b5a4f3e2d',
      'q2b5r7t9v1x3z5a7',
    ]);
  });

  it('labels a jar with the workspace name it is given, else the id', () => {
    const jars = new WorkspaceJars({ nameOf: (id) => (id === 'ws_a' ? 'Totara staging' : undefined) });
    expect(jars.describe('ws_a')).toEqual({
      workspaceId: 'ws_a',
      label: 'Workspace "Totara staging"',
      kept: 'memory',
    });
    expect(jars.describe('ws_b').label).toBe('Workspace ws_b');
    expect(jars.describe(undefined)).toEqual({ label: 'Requests outside a workspace', kept: 'memory' });
  });

  it('remembers a workspace name after another workspace is opened', () => {
    let open = 'ws_a';
    const jars = new WorkspaceJars({ nameOf: (id) => (id === open ? `Name of ${id}` : undefined) });
    jars.jarFor('ws_a');
    open = 'ws_b';
    expect(jars.describe('ws_a').label).toBe('Workspace "Name of ws_a"');
    expect(jars.describe('ws_b').label).toBe('Workspace "Name of ws_b"');
  });

  it('keeps workspace jars encrypted in the vault across restarts, drops expired cookies, never the scratch jar', async () => {
    vi.useFakeTimers();
    const dir = mkdtempSync(path.join(tmpdir(), 'lantern-jars-'));
    let now = NOW;
    const first = new WorkspaceJars({ nameOf: () => 'Totara staging', now: () => now });
    const firstVault = await openVaultIn(dir);
    first.attach(firstVault);
    first
      .jarFor('ws_a')
      .setFromResponse(site, [
        'MoodleSession=canary-session-7f3a; Path=/',
        'short=canary-short-lived; Max-Age=60; Path=/',
      ]);
    first.jarFor(undefined).setFromResponse(site, ['scratch=canary-scratch-91; Path=/']);
    // The delayed write, without any flush: the send path never waits for it.
    // (The moment of the write is checked against a vault in memory, below: this one's file I/O is real.)
    await vi.advanceTimersByTimeAsync(WRITE_DELAY_MS);
    await vi.waitFor(() => expect(firstVault.ids()).toEqual(['cookies:ws_a']), { timeout: 5_000 });
    const file = readFileSync(path.join(dir, 'vault.json'), 'utf8');
    expect(file).toContain('"cookies:ws_a"');
    expect(file).not.toContain('canary');
    expect(file).not.toContain('scratch');

    now += 120_000; // the Max-Age=60 cookie has expired by the next start
    const second = new WorkspaceJars({ now: () => now });
    second.attach(await openVaultIn(dir));
    expect(second.jarFor('ws_a').cookieHeaderFor(site)).toBe('MoodleSession=canary-session-7f3a');
    expect(second.jarFor(undefined).list()).toEqual([]);
    expect(second.describe('ws_a')).toMatchObject({ label: 'Workspace "Totara staging"', kept: 'vault' });

    // Clearing a jar removes its vault entry (written at once by flush, as at shutdown).
    second.jarFor('ws_a').clear();
    await second.flush();
    expect((await openVaultIn(dir)).ids()).not.toContain('cookies:ws_a');
  });

  it('leaves out a kept jar it cannot read, says so for that workspace only, and replaces the damaged copy', async () => {
    vi.useFakeTimers();
    const dir = mkdtempSync(path.join(tmpdir(), 'lantern-jars-'));
    const vault = await openVaultIn(dir);
    await vault.set('cookies:ws_bad', '{"version":1,"cookies":[{"name":"Moo');
    await vault.set('cookies:ws_good', JSON.stringify({ version: 1, cookies: [] }));
    const jars = new WorkspaceJars();
    jars.attach(vault);
    expect(jars.jarFor('ws_bad').list()).toEqual([]);
    expect(jars.describe('ws_bad').problem).toMatch(/could not be read.*damaged copy is replaced/);
    expect(jars.describe('ws_good').problem).toBeUndefined();
    expect(jars.describe('ws_other').problem).toBeUndefined();
    // Scheduled by attach itself: the damaged entry is removed without any change or flush.
    await vi.advanceTimersByTimeAsync(WRITE_DELAY_MS);
    await vi.waitFor(() => expect(vault.ids()).not.toContain('cookies:ws_bad'), { timeout: 5_000 });
    // The note stays until the user clears the jar.
    expect(jars.describe('ws_bad').problem).toMatch(/could not be read/);
    jars.jarFor('ws_bad').clear();
    expect(jars.describe('ws_bad').problem).toBeUndefined();
  });

  it('leaves a kept record of a newer version alone, even when this run gets cookies, until Clear', async () => {
    const newer = JSON.stringify({ version: 2, jars: [{ name: 'MoodleSession', value: 'kept-by-v2' }] });
    vi.useFakeTimers();
    const vault = memoryVault({ 'cookies:ws_new': newer, 'cookies:ws_odd': '["a list, not a jar"]' });
    const jars = new WorkspaceJars();
    jars.attach(vault);
    expect(jars.describe('ws_new')).toMatchObject({ kept: 'memory' });
    expect(jars.describe('ws_new').problem).toMatch(/version 2, from a newer Lantern.*left untouched/);
    expect(jars.describe('ws_odd').problem).toMatch(/format this version of Lantern does not know, so/);
    jars.jarFor('ws_new').setFromResponse(site, ['MoodleSession=4f3a9c1e8b7d6a5f; Path=/']);
    await vi.advanceTimersByTimeAsync(WRITE_DELAY_MS);
    await jars.flush();
    expect(vault.writes).toEqual([]);
    expect(vault.get('cookies:ws_new')).toBe(newer);
    expect(vault.get('cookies:ws_odd')).toBe('["a list, not a jar"]');
    // Clear is the user's choice to replace it with this version's jar.
    jars.jarFor('ws_new').clear();
    jars.jarFor('ws_new').setFromResponse(site, ['MoodleSession=4f3a9c1e8b7d6a5f; Path=/']);
    await jars.flush();
    expect(vault.writes).toEqual(['set cookies:ws_new']);
    expect(jars.describe('ws_new')).toEqual({
      workspaceId: 'ws_new',
      label: 'Workspace ws_new',
      kept: 'vault',
    });
  });

  it('read-only (lantern run): reads kept jars but never writes the vault, not even a damaged record', async () => {
    const kept = JSON.stringify({
      version: 1,
      cookies: [
        {
          name: 'MoodleSession',
          value: 'aaaa1111bbbb',
          domain: 'lms.example.com',
          hostOnly: true,
          path: '/',
          secure: false,
          httpOnly: true,
          createdAt: NOW,
        },
      ],
    });
    vi.useFakeTimers();
    const vault = memoryVault({ 'cookies:ws_a': kept, 'cookies:ws_bad': '{"version":1,' });
    const jars = new WorkspaceJars({ readOnly: true, now: () => NOW });
    jars.attach(vault);
    expect(jars.jarFor('ws_a').cookieHeaderFor(site)).toBe('MoodleSession=aaaa1111bbbb');
    expect(jars.describe('ws_bad').problem).toMatch(/could not be read/);
    jars.jarFor('ws_a').setFromResponse(site, ['MoodleSession=4f3a9c1e8b7d6a5f; Path=/']);
    jars.jarFor('ws_a').clear();
    await vi.advanceTimersByTimeAsync(WRITE_DELAY_MS);
    await jars.flush();
    expect(vault.writes).toEqual([]);
    expect(vault.ids().sort()).toEqual(['cookies:ws_a', 'cookies:ws_bad']);
    expect(jars.describe('ws_a').kept).toBe('memory');
  });

  it('rewrites the kept copy whenever Clear is used, even on a jar that looks empty', async () => {
    const vault = memoryVault();
    const jars = new WorkspaceJars();
    jars.attach(vault);
    jars.jarFor('ws_a').clear();
    jars.jarFor('ws_b').clear('lms.example.com');
    await jars.flush();
    expect(vault.writes.sort()).toEqual(['delete cookies:ws_a', 'delete cookies:ws_b']);
  });

  it('tries a failed write again, and drops its problem once a write succeeds', async () => {
    const vault = memoryVault();
    const jars = new WorkspaceJars();
    jars.attach(vault);
    vault.failing = true;
    jars.jarFor('ws_a').setFromResponse(site, ['MoodleSession=4f3a9c1e8b7d6a5f; Path=/']);
    await jars.flush();
    expect(vault.ids()).toEqual([]);
    expect(jars.describe('ws_a').problem).toMatch(/could not be saved in the vault \(ENOSPC.*tries again/);
    expect(jars.describe('ws_b').problem).toBeUndefined();

    vault.failing = false;
    await jars.flush(); // as at shutdown: nothing changed since, the failed jar is still written
    expect(vault.ids()).toEqual(['cookies:ws_a']);
    expect(vault.get('cookies:ws_a')).toContain('4f3a9c1e8b7d6a5f');
    expect(jars.describe('ws_a').problem).toBeUndefined();
  });

  it('writes cookies that arrived before the vault was attached, without waiting for a change', async () => {
    vi.useFakeTimers();
    const vault = memoryVault();
    const jars = new WorkspaceJars();
    jars.jarFor('ws_a').setFromResponse(site, ['MoodleSession=4f3a9c1e8b7d6a5f; Path=/']);
    jars.attach(vault);
    await vi.advanceTimersByTimeAsync(WRITE_DELAY_MS - 1);
    expect(vault.ids()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(vault.ids()).toEqual(['cookies:ws_a']);
  });

  it('stays in memory and says why when the vault cannot be used', () => {
    const jars = new WorkspaceJars();
    const problem = 'Lantern cannot read its vault: wrong key. Reset it in Settings.';
    jars.attach({
      status: { ok: false, problem },
      get: () => undefined,
      set: () => Promise.reject(new Error('unavailable')),
      delete: () => Promise.reject(new Error('unavailable')),
      ids: () => [],
    });
    jars.jarFor('ws_a').setFromResponse(site, ['a=1; Path=/']);
    expect(jars.describe('ws_a')).toMatchObject({ kept: 'memory', problem });
    expect(jars.jarFor('ws_a').cookieHeaderFor(site)).toBe('a=1');
  });
});
