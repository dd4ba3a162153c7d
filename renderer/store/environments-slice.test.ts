import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test-support/fake-renderer-api';
import { environmentOf, workspaceOf } from '../../test-support/renderer-fixtures';
import { useLantern } from './index';

vi.mock('../api', () => import('../../test-support/fake-renderer-api').then((m) => m.fakeApi.module));

const names = () => useLantern.getState().environments.map((e) => e.name);
const listed = () => fakeApi.callsOf('listEnvironments').length;

beforeEach(() => {
  fakeApi.reset();
  useLantern.setState({ environments: [], environmentId: undefined, workspaceView: undefined });
});

describe('environments slice', () => {
  it('saves through the main side, then lists again', async () => {
    fakeApi
      .answer('saveEnvironment', environmentOf('env_1', 'Staging'))
      .answer('listEnvironments', [environmentOf('global', 'Globals'), environmentOf('env_1', 'Staging')]);
    const result = await useLantern.getState().saveEnvironment({ name: 'Staging', variables: [] });
    expect(result.ok && result.value.id).toBe('env_1');
    expect(names()).toEqual(['Globals', 'Staging']);
  });

  it('deleting the chosen environment leaves the globals alone in use', async () => {
    useLantern.setState({ environmentId: 'env_1' });
    fakeApi
      .answer('deleteEnvironment', { deleted: true })
      .answer('listEnvironments', [environmentOf('global')]);
    await useLantern.getState().deleteEnvironment('env_1');
    expect(useLantern.getState().environmentId).toBeUndefined();
    expect(names()).toEqual(['global']);
  });

  it('a failed save changes nothing and says why', async () => {
    fakeApi.fail('saveEnvironment', 'vault.unreadable', 'The vault cannot be read.');
    const result = await useLantern.getState().saveEnvironment({ name: 'Staging', variables: [] });
    expect(!result.ok && result.error.message).toBe('The vault cannot be read.');
    expect(listed()).toBe(0);
  });

  it('lists again when a workspace with other environments opens, not on every change of its tree', async () => {
    fakeApi.answer('listEnvironments', []);
    useLantern.setState({ workspaceView: workspaceOf('ws_a') });
    expect(listed()).toBe(1);
    useLantern.setState({ workspaceView: workspaceOf('ws_a', { name: 'renamed root' }) });
    expect(listed()).toBe(1);
    useLantern.setState({
      workspaceView: { ...workspaceOf('ws_a'), environments: [{ id: 'e', name: 'Pulled', variables: [] }] },
    });
    expect(listed()).toBe(2);
  });

  it('ignores the answer of an older refresh that arrives after a newer one', async () => {
    const held = fakeApi.hold('listEnvironments');
    void useLantern.getState().refreshEnvironments();
    void useLantern.getState().refreshEnvironments();
    await held.answer(1, { ok: true, value: [environmentOf('env_2', 'Saved just now')] });
    await held.answer(0, { ok: true, value: [] });
    expect(names()).toEqual(['Saved just now']);
  });

  it('remembers the chosen environment per workspace on the main side, and applies it when that workspace opens', () => {
    fakeApi.answer('listEnvironments', []).answer('sessionChooseEnvironment', { saved: true });
    useLantern.setState({ chosenEnvironments: {} });
    useLantern.getState().useChosenEnvironments({ ws_a: 'ws:ws_a:staging', '': 'app-env' });
    expect(useLantern.getState().environmentId).toBe('app-env');
    useLantern.setState({ workspaceView: workspaceOf('ws_a') });
    expect(useLantern.getState().environmentId).toBe('ws:ws_a:staging');
    useLantern.getState().selectEnvironment('ws:ws_a:prod');
    expect(fakeApi.callsOf('sessionChooseEnvironment')).toEqual([
      { workspaceKey: 'ws_a', environmentId: 'ws:ws_a:prod' },
    ]);
    // Another workspace without a remembered choice does not keep the first one's environment.
    useLantern.setState({ workspaceView: workspaceOf('ws_b') });
    expect(useLantern.getState().environmentId).toBeUndefined();
    useLantern.setState({ workspaceView: workspaceOf('ws_a') });
    expect(useLantern.getState().environmentId).toBe('ws:ws_a:prod');
  });
});
