// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkspaceView } from '../../shared/calls/workspace-calls';
import type { RequestDraft } from '../../shared/model/request';

const calls: { name: string; input: { workspaceId?: string } }[] = [];
/** What the main side answers, by call name; any other call fails. */
const answers: Record<string, unknown> = {};
vi.mock('../api', () => ({
  call: vi.fn(async (name: string, input: { workspaceId?: string }) => {
    calls.push({ name, input });
    if (name in answers) return { ok: true, value: answers[name] };
    return { ok: false, error: { code: 'test', message: 'not in this test' } };
  }),
  on: () => () => undefined,
  mode: 'browser',
  hasLaunchToken: () => true,
}));

const { useLantern } = await import('./index');
const { schemaKeyId } = await import('./graphql-slice');

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
  calls.length = 0;
  await useLantern.getState().fetchSchema({ url: draft.url }, draft);
  await useLantern.getState().fetchRegistry(draft.url, 'http://127.0.0.1:1/ops', draft);
  return calls.map((c) => c.input.workspaceId);
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
    answers.serverLimits = stated;
    const key = { url: '{{base}}/api/graphql.php', environmentId: 'env_test' };
    await useLantern.getState().checkServerLimits(key);
    expect(calls.at(-1)).toEqual({ name: 'serverLimits', input: key });
    expect(useLantern.getState().graphqlServerLimits[schemaKeyId(key)]).toEqual(stated);
    expect(useLantern.getState().graphqlServerLimits[schemaKeyId({ url: key.url })]).toBeUndefined();
  });
});
