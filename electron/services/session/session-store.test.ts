import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionTab } from '../../../shared/calls/session-calls';
import type { RequestDraft } from '../../../shared/model/request';
import { tempDir } from '../../../test-support/temp-dirs';
import { SessionStore } from './session-store';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('lantern-session-')));
afterEach(() => cleanup());

const draft = (patch: Partial<RequestDraft> = {}): RequestDraft => ({
  method: 'GET',
  url: 'https://api.example.com/users',
  headers: [],
  body: { mode: 'none' },
  auth: { type: 'none' },
  ...patch,
});

const tab = (id: string, patch: Partial<SessionTab> = {}): SessionTab => ({
  id,
  draft: draft(),
  unsaved: false,
  responsePart: 'body',
  hadResponse: false,
  removedSecrets: [],
  ...patch,
});

describe('SessionStore', () => {
  it('keeps tabs, their order, the active tab and each response part across a restart', async () => {
    const file = path.join(dir, 'session.json');
    await new SessionStore(file).save({
      tabs: [tab('b', { responsePart: 'headers', unsaved: true }), tab('a', { responsePart: 'timeline' })],
      activeTabId: 'a',
    });
    const loaded = await new SessionStore(file).load();
    expect(loaded.problem).toBeUndefined();
    expect(loaded.session?.activeTabId).toBe('a');
    expect(loaded.session?.tabs.map((t) => [t.id, t.responsePart, t.unsaved])).toEqual([
      ['b', 'headers', true],
      ['a', 'timeline', false],
    ]);
  });

  it('writes no secret: inline credential headers, secret fields and known secrets are removed and named', async () => {
    const file = path.join(dir, 'session.json');
    const store = new SessionStore(file, () => ['env-secret-value-123']);
    await store.save({
      tabs: [
        tab('t', {
          draft: draft({
            url: 'https://api.example.com/x?api_key=KEY-IN-URL-42&page=2&q=env-secret-value-123',
            headers: [
              { name: 'Authorization', value: 'Bearer typed-inline-token-999', enabled: true },
              { name: 'X-Token', value: '{{token}}', enabled: true },
              { name: 'Accept', value: 'application/json', enabled: true },
            ],
            body: { mode: 'json', text: '{\n  "user": "ann",\n  "password": "hunter2-secret"\n}' },
          }),
        }),
      ],
      activeTabId: 't',
    });
    const text = await readFile(file, 'utf8');
    for (const secret of [
      'typed-inline-token-999',
      'KEY-IN-URL-42',
      'hunter2-secret',
      'env-secret-value-123',
    ])
      expect(text).not.toContain(secret);
    expect(text).not.toContain('••••');
    const saved = (await new SessionStore(file).load()).session?.tabs[0];
    expect(saved?.draft.headers).toEqual([
      { name: 'Authorization', value: '', enabled: true },
      { name: 'X-Token', value: '{{token}}', enabled: true },
      { name: 'Accept', value: 'application/json', enabled: true },
    ]);
    expect(saved?.draft.url).toBe('https://api.example.com/x?api_key=&page=2&q=');
    expect(saved?.draft.body).toEqual({ mode: 'json', text: '{\n  "user": "ann",\n  "password": ""\n}' });
    expect(saved?.removedSecrets).toEqual([
      'the query parameter "api_key"',
      'the URL',
      'the header "Authorization"',
      'a secret-named field of the body',
    ]);
  });

  it('keeps naming a removed value at the next save until it is typed again', async () => {
    const file = path.join(dir, 'session.json');
    const store = new SessionStore(file);
    const headers = [{ name: 'Authorization', value: '', enabled: true }];
    await store.save({
      tabs: [tab('t', { draft: draft({ headers }), removedSecrets: ['the header "Authorization"'] })],
      activeTabId: 't',
    });
    expect((await store.load()).session?.tabs[0]?.removedSecrets).toEqual(['the header "Authorization"']);
    await store.save({
      tabs: [
        tab('t', {
          draft: draft({ headers: [{ name: 'Authorization', value: '{{token}}', enabled: true }] }),
          removedSecrets: ['the header "Authorization"'],
        }),
      ],
      activeTabId: 't',
    });
    expect((await store.load()).session?.tabs[0]?.removedSecrets).toEqual([]);
  });

  it('reports an unreadable file, keeps it aside and starts a new session instead of failing', async () => {
    const file = path.join(dir, 'session.json');
    await writeFile(file, '{"version": 1, "session": {"tabs": [{"id": 3}]');
    const store = new SessionStore(file);
    const loaded = await store.load();
    expect(loaded.session).toBeUndefined();
    expect(loaded.problem).toMatch(
      /The last session could not be restored: .*session\.json could not be read/,
    );
    const aside = (await readdir(dir)).find((name) => name.startsWith('session.json.unreadable-'));
    expect(aside).toBeDefined();
    expect(await readFile(path.join(dir, aside as string), 'utf8')).toContain('"tabs"');
    // The problem is said once; saving works again.
    expect((await store.load()).problem).toBeUndefined();
    await store.save({ tabs: [tab('n')], activeTabId: 'n' });
    expect((await new SessionStore(file).load()).session?.activeTabId).toBe('n');
  });

  it('writes atomically: no temp file is left and concurrent saves end with the last one whole', async () => {
    const file = path.join(dir, 'session.json');
    const store = new SessionStore(file);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.save({ tabs: [tab(`t${i}`)], activeTabId: `t${i}` })),
    );
    expect(await readdir(dir)).toEqual(['session.json']);
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { session: { activeTabId: string } };
    expect(parsed.session.activeTabId).toBe('t19');
  });

  it('remembers the environment chosen per workspace, beside the tabs', async () => {
    const file = path.join(dir, 'session.json');
    const store = new SessionStore(file);
    await store.chooseEnvironment('ws-1', 'ws:ws-1:staging');
    await store.chooseEnvironment('', 'app-env');
    await store.save({ tabs: [tab('t')], activeTabId: 't' });
    await store.chooseEnvironment('', undefined);
    const loaded = await new SessionStore(file).load();
    expect(loaded.chosenEnvironments).toEqual({ 'ws-1': 'ws:ws-1:staging' });
    expect(loaded.session?.activeTabId).toBe('t');
  });
});
