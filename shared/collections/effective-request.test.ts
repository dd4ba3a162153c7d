import { describe, expect, it } from 'vitest';
import type { Folder, SavedRequest } from '../model/collection';
import type { RequestDraft } from '../model/request';
import { effectiveSavedRequest, fillText, folderChain, inheritedSettings } from './effective-request';

const draft = (patch: Partial<RequestDraft> = {}): RequestDraft => ({
  method: 'GET',
  url: '{{base}}/users/{{userId}}',
  headers: [],
  body: { mode: 'none' },
  auth: { type: 'none' },
  ...patch,
});

const request = (id: string, patch: Partial<RequestDraft> = {}, inheritAuth = true): SavedRequest => ({
  id,
  name: id,
  draft: draft(patch),
  inheritAuth,
});

function tree(): Folder {
  return {
    id: 'root',
    name: 'Workspace',
    headers: [
      { name: 'Accept', value: 'application/json', enabled: true },
      { name: 'X-Off', value: 'no', enabled: false },
    ],
    variables: [{ name: 'userId', value: '1', secret: false }],
    auth: { type: 'bearer', credentialId: 'root-token' },
    folders: [
      {
        id: 'admin',
        name: 'Admin',
        headers: [{ name: 'accept', value: 'application/vnd.admin+json', enabled: true }],
        variables: [
          { name: 'userId', value: '{{adminId}}', secret: false },
          { name: 'adminId', value: '42', secret: false },
          { name: 'password', value: '', secret: true },
        ],
        auth: { type: 'basic', credentialId: 'admin-login' },
        folders: [],
        requests: [
          request('inherits'),
          request('own-auth', { auth: { type: 'bearer', credentialId: 'mine' } }),
          request('no-inherit', {}, false),
          request('own-header', { headers: [{ name: 'ACCEPT', value: 'text/plain', enabled: true }] }),
        ],
      },
    ],
    requests: [request('top')],
  };
}

describe('effective request', () => {
  it('finds the folder chain of a request and of a folder', () => {
    const root = tree();
    expect(folderChain(root, 'inherits')?.map((f) => f.id)).toEqual(['root', 'admin']);
    expect(folderChain(root, 'top')?.map((f) => f.id)).toEqual(['root']);
    expect(folderChain(root, 'admin')?.map((f) => f.id)).toEqual(['root', 'admin']);
    expect(folderChain(root, 'missing')).toBeUndefined();
  });

  it.each([
    ['inherits', { type: 'basic', credentialId: 'admin-login' }, 'Admin'],
    ['own-auth', { type: 'bearer', credentialId: 'mine' }, 'this request'],
    ['no-inherit', { type: 'none' }, 'this request'],
    ['top', { type: 'bearer', credentialId: 'root-token' }, 'Workspace'],
  ])('auth of %s', (id, auth, from) => {
    const root = tree();
    const saved = [...root.requests, ...(root.folders[0]?.requests ?? [])].find((r) => r.id === id)!;
    const result = effectiveSavedRequest(root, saved);
    expect(result.draft.auth).toEqual(auth);
    expect(result.settings.auth?.from).toBe(from);
  });

  it('merges headers: nearest folder wins, the request wins over folders, disabled ones are not inherited', () => {
    const root = tree();
    const admin = root.folders[0]!;
    const inherits = effectiveSavedRequest(root, admin.requests[0]!);
    expect(inherits.draft.headers).toEqual([
      { name: 'accept', value: 'application/vnd.admin+json', enabled: true },
    ]);
    const own = effectiveSavedRequest(root, admin.requests[3]!);
    expect(own.draft.headers).toEqual([{ name: 'ACCEPT', value: 'text/plain', enabled: true }]);
  });

  it('fills folder variables, nearest first, leaving the rest for the environment', () => {
    const root = tree();
    expect(effectiveSavedRequest(root, root.folders[0]!.requests[0]!).draft.url).toBe('{{base}}/users/42');
    expect(effectiveSavedRequest(root, root.requests[0]!).draft.url).toBe('{{base}}/users/1');
    const names = inheritedSettings(folderChain(root, 'admin')!).variables.map((v) => v.value.name);
    expect(names).not.toContain('password');
  });

  it('stops at a cycle instead of looping', () => {
    expect(fillText('{{a}}', { a: '{{b}}', b: '{{a}}' })).toMatch(/\{\{[ab]\}\}/);
  });

  it('fills the body and headers too', () => {
    const root = tree();
    const saved = request('body', {
      headers: [{ name: 'X-User', value: '{{userId}}', enabled: true }],
      body: { mode: 'json', text: '{"id": "{{userId}}"}' },
    });
    root.requests.push(saved);
    const result = effectiveSavedRequest(root, saved);
    expect(result.draft.body).toEqual({ mode: 'json', text: '{"id": "1"}' });
    expect(result.draft.headers.find((h) => h.name === 'X-User')?.value).toBe('1');
  });

  it('is idempotent: the effective draft of an effective draft is the same (history re-sends rely on it)', () => {
    const root = tree();
    for (const saved of [...root.requests, ...(root.folders[0]?.requests ?? [])]) {
      const once = effectiveSavedRequest(root, saved).draft;
      expect(effectiveSavedRequest(root, saved, once).draft).toEqual(once);
    }
  });
});

describe('inherited tests', () => {
  const status = { enabled: true, target: 'status', op: 'oneOf', expected: '2xx' } as const;
  const own = { enabled: true, target: 'jsonPath', path: '$.id', op: 'exists' } as const;
  const root: Folder = {
    id: 'root',
    name: 'Workspace',
    tests: [status],
    folders: [
      {
        id: 'users',
        name: 'Users',
        tests: [{ enabled: true, target: 'responseTime', op: 'lt', expected: '500' }],
        folders: [],
        requests: [request('get-user', { tests: [own] })],
      },
    ],
    requests: [],
  };

  it("adds every folder's rows, outermost first, before the request's own, naming their folder", () => {
    const saved = root.folders[0]?.requests[0] as SavedRequest;
    const tests = effectiveSavedRequest(root, saved).draft.tests;
    expect(tests).toEqual([
      { ...status, from: 'Workspace' },
      { enabled: true, target: 'responseTime', op: 'lt', expected: '500', from: 'Users' },
      own,
    ]);
    // A history re-send carries the inherited rows already: they are derived again, not doubled.
    expect(effectiveSavedRequest(root, saved, { ...saved.draft, tests }).draft.tests).toEqual(tests);
  });
});
