import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test-support/fake-renderer-api';
import { credentialOf, environmentOf, vaultOf } from '../../test-support/renderer-fixtures';
import { useLantern } from './index';

vi.mock('../api', () => import('../../test-support/fake-renderer-api').then((m) => m.fakeApi.module));

beforeEach(() => {
  fakeApi.reset();
  useLantern.setState({ vault: undefined, vaultError: undefined });
});

describe('vault slice', () => {
  it('loads the status', async () => {
    fakeApi.answer('vaultStatus', vaultOf(true));
    await useLantern.getState().refreshVault();
    expect(useLantern.getState().vault?.ok).toBe(true);
  });

  it('after a reset, lists credentials (if shown) and environments again: their secrets changed with it', async () => {
    fakeApi
      .answer('resetVault', vaultOf(true))
      .answer('listCredentials', [credentialOf('a')])
      .answer('listEnvironments', [environmentOf('global', 'Globals')]);
    const stop = useLantern.getState().watchCredentials();
    await useLantern.getState().resetVault();
    await fakeApi.settle();
    expect(useLantern.getState().vault?.ok).toBe(true);
    expect(fakeApi.callsOf('listCredentials')).toHaveLength(2);
    expect(fakeApi.callsOf('listEnvironments')).toHaveLength(1);
    stop();
  });

  it('says why "Try again" failed and keeps the status it had', async () => {
    useLantern.setState({ vault: vaultOf(false) });
    fakeApi.fail('retryVault', 'vault.keyring', 'The keyring is still locked.');
    await useLantern.getState().retryVault();
    expect(useLantern.getState().vault?.ok).toBe(false);
    expect(useLantern.getState().vaultError).toBe('The keyring is still locked.');
  });

  it('ignores a status asked before "Try again" that answers after it', async () => {
    const status = fakeApi.hold('vaultStatus');
    fakeApi.answer('retryVault', vaultOf(true));
    void useLantern.getState().refreshVault();
    await useLantern.getState().retryVault();
    await status.answer(0, { ok: true, value: vaultOf(false) });
    expect(useLantern.getState().vault?.ok).toBe(true);
  });
});
