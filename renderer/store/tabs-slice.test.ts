// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkspaceView } from '../../shared/calls/workspace-calls';
import type { HistoryEntry } from '../../shared/model/history';
import type { RequestDraft } from '../../shared/model/request';
import type { Exchange } from '../../shared/model/response';
import { fakeApi } from '../../test-support/fake-renderer-api';
import { useLantern } from './index';
import { activeTab, jarWorkspaceOf } from './tabs-slice';

vi.mock('../api', () => import('../../test-support/fake-renderer-api').then((m) => m.fakeApi.module));

const draft: RequestDraft = {
  method: 'GET',
  url: 'http://127.0.0.1:1/cookies',
  headers: [],
  body: { mode: 'none' },
  auth: { type: 'none' },
};

const openWorkspace = (id: string | undefined) =>
  useLantern.setState({
    workspaceView:
      id === undefined
        ? undefined
        : ({
            id,
            name: id,
            root: { id: 'root', name: id, folders: [], requests: [] },
          } as unknown as WorkspaceView),
  });
const entry: HistoryEntry = {
  draft,
  summary: {
    id: 'h_1',
    at: new Date(0).toISOString(),
    method: 'GET',
    url: draft.url,
    status: 200,
    statusText: 'OK',
    totalMs: 1,
    bodyBytes: 0,
  },
};
/** Sends the active tab; resolves to the workspace id the send named (its cookie jar). */
async function sendActive(): Promise<string | undefined> {
  await useLantern.getState().send();
  return fakeApi.callsOf('send').at(-1)?.workspaceId;
}

beforeEach(() => {
  fakeApi.reset();
  fakeApi.answer('getHistoryEntry', entry);
  openWorkspace(undefined);
});

describe('the cookie jar a tab uses', () => {
  it('is the scratch jar while no workspace is open', async () => {
    useLantern.getState().openTab({ draft });
    expect(await sendActive()).toBeUndefined();
  });

  it('is the open workspace’s jar for the first tab, new tabs and samples', async () => {
    openWorkspace('ws_open');
    expect(await sendActive()).toBe('ws_open'); // the tab that was there before the workspace opened
    useLantern.getState().openTab({ draft });
    expect(await sendActive()).toBe('ws_open');
    useLantern.getState().openTab({ draft, sourceId: 'sample:users', name: 'Users' });
    expect(await sendActive()).toBe('ws_open');
    expect(jarWorkspaceOf(useLantern.getState(), activeTab(useLantern.getState()))).toBe('ws_open');
  });

  it('is the open workspace’s jar for a request reopened from history', async () => {
    openWorkspace('ws_open');
    await useLantern.getState().openHistoryEntry('h_1');
    expect(activeTab(useLantern.getState()).sourceId).toBe('history:h_1');
    expect(await sendActive()).toBe('ws_open');
  });

  it('stays its own workspace’s jar for a tab opened from a workspace, whichever is open now', async () => {
    openWorkspace('ws_other');
    useLantern.getState().openTab({ draft, sourceId: 'file:req_1', name: 'Saved', workspaceId: 'ws_a' });
    expect(await sendActive()).toBe('ws_a');
  });
});

describe('a failed send and the response pane', () => {
  const exchangeOf = (status: number): Exchange => ({
    requestId: 'r',
    request: { method: 'GET', url: draft.url, headers: [] },
    response: {
      status,
      statusText: 'OK',
      headers: [],
      body: { text: '{}', encoding: 'utf8', truncated: false, contentType: 'application/json' },
      bodyBytes: 2,
    },
    timings: { firstByteMs: 1, downloadMs: 1, totalMs: 2 },
    startedAt: new Date(0).toISOString(),
  });

  it('replaces the response: the old one is kept only as the previous response', async () => {
    useLantern.getState().openTab({ draft, sourceId: 'failing', name: 'Failing' });
    fakeApi.answer('send', exchangeOf(200));
    await useLantern.getState().send();
    const old = activeTab(useLantern.getState()).exchange;
    expect(old?.response.status).toBe(200);
    fakeApi.handle('send', () => ({ ok: false, error: { code: 'network.refused', message: 'Refused.' } }));
    await useLantern.getState().send();
    const tab = activeTab(useLantern.getState());
    expect(tab.phase).toBe('failed');
    expect(tab.exchange).toBeUndefined();
    expect(tab.previous).toBe(old);
    // A later success is the answer again; nothing previous lingers.
    fakeApi.answer('send', exchangeOf(201));
    await useLantern.getState().send();
    expect(activeTab(useLantern.getState())).toMatchObject({ phase: 'done', previous: undefined });
  });

  it('reloads the environments after a capture saved into one, and not otherwise', async () => {
    useLantern.getState().openTab({ draft, sourceId: 'capturing', name: 'Capturing' });
    fakeApi.answer('listEnvironments', []);
    fakeApi.answer('send', exchangeOf(200));
    await useLantern.getState().send();
    await fakeApi.settle();
    expect(fakeApi.callsOf('listEnvironments')).toHaveLength(0);
    fakeApi.answer('send', {
      ...exchangeOf(200),
      captures: [
        {
          name: 'userId',
          scope: 'environment',
          ok: true,
          secret: false,
          value: '7',
          path: '$.id',
          message: 'Set.',
        },
      ],
    });
    await useLantern.getState().send();
    await fakeApi.settle();
    expect(fakeApi.callsOf('listEnvironments')).toHaveLength(1);
  });

  it('keeps each tab’s response part, and offers the GraphQL view only for a GraphQL exchange', async () => {
    const graphqlDraft: RequestDraft = {
      ...draft,
      method: 'POST',
      body: { mode: 'graphql', query: '{ a }', variables: '', persisted: false },
    };
    useLantern.getState().openTab({ draft: graphqlDraft, sourceId: 'gql', name: 'GraphQL' });
    fakeApi.answer('send', exchangeOf(200));
    await useLantern.getState().send();
    const graphqlTab = activeTab(useLantern.getState()).id;
    expect(activeTab(useLantern.getState()).exchangeIsGraphql).toBe(true);
    useLantern.getState().selectResponsePart('graphql');
    useLantern.getState().openTab({ draft, sourceId: 'rest', name: 'REST' });
    await useLantern.getState().send();
    expect(activeTab(useLantern.getState())).toMatchObject({
      responsePart: 'body',
      exchangeIsGraphql: false,
    });
    useLantern.getState().selectTab(graphqlTab);
    expect(activeTab(useLantern.getState()).responsePart).toBe('graphql');
    // The same tab switched to a REST body: its next exchange is not a GraphQL one.
    useLantern.getState().editDraft((d) => ({ ...d, body: { mode: 'none' } }));
    await useLantern.getState().send();
    expect(activeTab(useLantern.getState())).toMatchObject({
      responsePart: 'body',
      exchangeIsGraphql: false,
    });
  });
});
