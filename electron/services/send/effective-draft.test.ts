import { describe, expect, it } from 'vitest';
import type { RequestDraft } from '../../../shared/model/request';
import type { Workspace } from '../../../shared/workspace-format/types';
import { effectiveDraft } from './effective-draft';

const own: RequestDraft = {
  method: 'GET',
  url: 'https://api.example.com/users',
  headers: [],
  body: { mode: 'none' },
  auth: { type: 'none' },
};

const workspace: Workspace = {
  id: 'ws_1',
  name: 'Team',
  environments: [],
  root: {
    id: 'ws_1',
    name: 'Team',
    auth: { type: 'bearer', credentialId: 'token' },
    headers: [{ name: 'X-Team', value: 'blue', enabled: true }],
    folders: [],
    requests: [{ id: 'req_1', name: 'Users', draft: own, inheritAuth: true }],
  },
};

describe('effectiveDraft', () => {
  it('sends a draft that is not a saved request as it is', () => {
    expect(effectiveDraft(undefined, { draft: own })).toBe(own);
  });

  it('applies the saved request’s folders to the tab’s own draft', () => {
    const sent = effectiveDraft(workspace, { draft: own, savedRequestId: 'req_1', workspaceId: 'ws_1' });
    expect(sent.auth).toEqual({ type: 'bearer', credentialId: 'token' });
    expect(sent.headers).toEqual([{ name: 'X-Team', value: 'blue', enabled: true }]);
  });

  it('refuses, in plain words, a saved request whose workspace is not open or which is gone', () => {
    expect(() => effectiveDraft(undefined, { draft: own, savedRequestId: 'req_1' })).toThrow(
      /belongs to a workspace that is not open/,
    );
    expect(() =>
      effectiveDraft(workspace, { draft: own, savedRequestId: 'req_1', workspaceId: 'ws_2' }),
    ).toThrow(/belongs to a workspace that is not open/);
    expect(() => effectiveDraft(workspace, { draft: own, savedRequestId: 'req_gone' })).toThrow(
      /not in the workspace "Team" as it is on disk now/,
    );
  });

  it('re-sends a history entry as recorded when its saved request is gone', () => {
    const recorded = { ...own, headers: [{ name: 'X-Team', value: 'green', enabled: true }] };
    expect(effectiveDraft(undefined, { draft: recorded, savedRequestId: 'req_1', replay: true })).toBe(
      recorded,
    );
    expect(effectiveDraft(workspace, { draft: recorded, savedRequestId: 'req_gone', replay: true })).toBe(
      recorded,
    );
    // Still there: its folders apply again; the recorded header (now its own) wins over the folder's.
    const again = effectiveDraft(workspace, { draft: recorded, savedRequestId: 'req_1', replay: true });
    expect(again.headers).toEqual(recorded.headers);
    expect(again.auth).toEqual({ type: 'bearer', credentialId: 'token' });
  });
});

describe('a folder whose settings cannot be read', () => {
  it('stops the send, naming the file and the reason, instead of sending without its auth', () => {
    const broken: Workspace = {
      ...workspace,
      root: {
        ...workspace.root,
        requests: [],
        folders: [
          {
            id: 'fld_admin',
            name: 'admin',
            unreadable: { path: 'admin/_folder.yaml', reason: 'line 2: not valid YAML' },
            folders: [],
            requests: [{ id: 'req_2', name: 'Users', draft: own, inheritAuth: true }],
          },
        ],
      },
    };
    expect(() => effectiveDraft(broken, { draft: own, savedRequestId: 'req_2' })).toThrow(
      /The settings of the folder "admin" cannot be read \(admin\/_folder.yaml, line 2: not valid YAML\).*did not send it/,
    );
  });
});

describe('a history re-send of values history kept masked', () => {
  it('is refused, saying where, unless the folder sets that header again', () => {
    const recorded: RequestDraft = {
      ...own,
      headers: [{ name: 'Authorization', value: 'Bearer ••••9f3a', enabled: true }],
    };
    expect(() => effectiveDraft(undefined, { draft: recorded, replay: true })).toThrow(
      /the header "Authorization" holds ••••\), and a masked value cannot be sent again/,
    );
    const folderHeader: Workspace = {
      ...workspace,
      root: {
        ...workspace.root,
        headers: [{ name: 'Authorization', value: 'Bearer {{token}}', enabled: true }],
      },
    };
    const again = effectiveDraft(folderHeader, { draft: recorded, savedRequestId: 'req_1', replay: true });
    expect(again.headers).toEqual([{ name: 'Authorization', value: 'Bearer {{token}}', enabled: true }]);
    const body: RequestDraft = { ...own, body: { mode: 'json', text: '{"password":"••••"}' } };
    expect(() => effectiveDraft(workspace, { draft: body, savedRequestId: 'req_1', replay: true })).toThrow(
      /the body holds ••••/,
    );
  });
});
