import { describe, expect, it } from 'vitest';
import type { Folder, SavedRequest } from '../model/collection';
import type { RequestDraft } from '../model/request';
import { inheritanceOf } from './inheritance-view';

const draft = (patch: Partial<RequestDraft> = {}): RequestDraft => ({
  method: 'GET',
  url: '{{base}}/users',
  headers: [],
  body: { mode: 'none' },
  auth: { type: 'none' },
  ...patch,
});

const saved = (id: string, inheritAuth = true): SavedRequest => ({
  id,
  name: id,
  draft: draft(),
  inheritAuth,
});

function tree(): Folder {
  return {
    id: 'root',
    name: 'Workspace',
    headers: [{ name: 'Accept', value: 'application/json', enabled: true }],
    variables: [{ name: 'base', value: 'https://api.example.com', secret: false }],
    folders: [
      {
        id: 'admin',
        name: 'Admin',
        auth: { type: 'bearer', credentialId: 'admin-token' },
        headers: [{ name: 'X-Team', value: 'blue', enabled: true }],
        variables: [
          { name: 'apiKey', value: '••••3f9a', secret: true },
          { name: 'password', value: '••••', secret: true },
        ],
        folders: [
          { id: 'open', name: 'Open', auth: { type: 'none' }, folders: [], requests: [saved('public')] },
        ],
        requests: [saved('inherits'), saved('own-auth'), saved('no-inherit', false)],
      },
    ],
    requests: [saved('top')],
  };
}

const missing = new Map([['admin', new Set(['password'])]]);

describe('inheritanceOf', () => {
  it('names the folder and credential a request inherits, with secret variables masked and missing ones marked', () => {
    const root = tree();
    const request = root.folders[0]!.requests[0]!;
    const view = inheritanceOf(root, { request, draft: request.draft }, { missing });
    expect(view.authUsed).toBe('inherited');
    expect(view.auth).toEqual({
      value: { type: 'bearer', credentialId: 'admin-token' },
      from: 'Admin',
      fromId: 'admin',
    });
    expect(view.headers.map((h) => [h.name, h.from, h.overridden])).toEqual([
      ['Accept', 'Workspace', false],
      ['X-Team', 'Admin', false],
    ]);
    expect(view.variables).toEqual([
      {
        name: 'base',
        value: 'https://api.example.com',
        secret: false,
        missing: false,
        from: 'Workspace',
        fromId: 'root',
      },
      { name: 'apiKey', value: '••••3f9a', secret: true, missing: false, from: 'Admin', fromId: 'admin' },
      { name: 'password', value: '••••', secret: true, missing: true, from: 'Admin', fromId: 'admin' },
    ]);
  });

  it('follows the tab’s edits: its own auth and headers win', () => {
    const root = tree();
    const request = root.folders[0]!.requests[1]!;
    const edited = draft({
      auth: { type: 'basic', credentialId: 'mine' },
      headers: [{ name: 'x-team', value: 'red', enabled: true }],
    });
    const view = inheritanceOf(root, { request, draft: edited });
    expect(view.authUsed).toBe('own');
    expect(view.headers.find((h) => h.name === 'X-Team')?.overridden).toBe(true);
  });

  it('says when a request sends no credentials: it does not inherit, or the nearest folder sets "none"', () => {
    const root = tree();
    const noInherit = root.folders[0]!.requests[2]!;
    expect(inheritanceOf(root, { request: noInherit, draft: noInherit.draft }).authUsed).toBe('none');
    const open = root.folders[0]!.folders[0]!.requests[0]!;
    const view = inheritanceOf(root, { request: open, draft: open.draft });
    expect(view.authUsed).toBe('none');
    expect(view.auth?.from).toBe('Open');
    const top = root.requests[0]!;
    expect(inheritanceOf(root, { request: top, draft: top.draft }).auth).toBeUndefined();
  });

  it('gives a folder what the folders above it give, not its own settings', () => {
    const view = inheritanceOf(tree(), { folderId: 'admin' });
    expect(view.headers.map((h) => h.name)).toEqual(['Accept']);
    expect(view.variables.map((v) => v.name)).toEqual(['base']);
    expect(view.auth).toBeUndefined();
  });
});
