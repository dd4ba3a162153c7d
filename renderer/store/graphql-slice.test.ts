// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkspaceView } from '../../shared/calls/workspace-calls';
import type { RequestDraft } from '../../shared/model/request';
import { fakeApi } from '../../test-support/fake-renderer-api';
import { schemaKeyId } from './graphql-slice';
import { useLantern } from './index';

vi.mock('../api', () => import('../../test-support/fake-renderer-api').then((m) => m.fakeApi.module));

const draft: RequestDraft = {
  method: 'POST',
  url: 'http://127.0.0.1:1/api/graphql.php',
  headers: [],
  body: { mode: 'none' },
  auth: { type: 'none' },
};
const openWorkspace = (id: string | undefined) =>
  useLantern.setState({
    workspaceView: id === undefined ? undefined : ({ id, name: id } as unknown as WorkspaceView),
  });
/** The workspace ids (cookie jars) Fetch schema and Fetch operations named. */
async function jarsUsed(): Promise<(string | undefined)[]> {
  fakeApi.reset();
  await useLantern.getState().fetchSchema({ url: draft.url }, draft);
  await useLantern.getState().fetchRegistry(draft.url, 'http://127.0.0.1:1/ops', draft);
  return [...fakeApi.callsOf('introspectSchema'), ...fakeApi.callsOf('fetchOperationRegistry')].map(
    (input) => input.workspaceId,
  );
}

beforeEach(() => openWorkspace(undefined));

describe('GraphQL fetches use the cookie jar of the active tab, as its sends do', () => {
  it('the scratch jar while no workspace is open', async () => {
    expect(await jarsUsed()).toEqual([undefined, undefined]);
  });

  it('the open workspace’s jar for a tab of no saved request', async () => {
    openWorkspace('ws_open');
    expect(await jarsUsed()).toEqual(['ws_open', 'ws_open']);
  });

  it('a saved request’s own workspace', async () => {
    openWorkspace('ws_open');
    useLantern.getState().openTab({ draft, sourceId: 'req_1', name: 'Status', workspaceId: 'ws_saved' });
    expect(await jarsUsed()).toEqual(['ws_saved', 'ws_saved']);
  });
});

describe('limits the server stated', () => {
  it('are kept per endpoint and environment, as the main side reports them', async () => {
    const stated = {
      maxDepth: {
        value: 12,
        message: 'Max query depth should be 12 but got 13.',
        at: '2025-03-04T10:00:00.000Z',
      },
    };
    fakeApi.reset();
    fakeApi.answer('serverLimits', stated);
    const key = { url: '{{base}}/api/graphql.php', environmentId: 'env_test' };
    await useLantern.getState().checkServerLimits(key);
    expect(fakeApi.callsOf('serverLimits').at(-1)).toEqual(key);
    expect(useLantern.getState().graphqlServerLimits[schemaKeyId(key)]).toEqual(stated);
    expect(useLantern.getState().graphqlServerLimits[schemaKeyId({ url: key.url })]).toBeUndefined();
  });
});
