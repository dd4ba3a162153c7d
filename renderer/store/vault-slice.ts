import type { StateCreator } from 'zustand';
import type { VaultStatusView } from '../../shared/model/vault';
import { call } from '../api';
import { newestOnly } from './freshness';
import type { LanternState } from './index';

/** How the vault is protected and whether it can be read: the status bar's indicator. */
export interface VaultSlice {
  vault: VaultStatusView | undefined;
  vaultError: string | undefined;
  refreshVault: () => Promise<void>;
  /** Reads the vault again (the keyring came back, say). */
  retryVault: () => Promise<void>;
  /** Moves an unreadable vault aside and starts an empty one: an explicit user decision. */
  resetVault: () => Promise<void>;
}

export const createVaultSlice: StateCreator<LanternState, [], [], VaultSlice> = (set, get) => {
  const ask = newestOnly();
  const run = async (name: 'vaultStatus' | 'retryVault' | 'resetVault') => {
    const isNewest = ask();
    const result = await call(name, {});
    if (!isNewest()) return;
    if (!result.ok) return set({ vaultError: result.error.message });
    set({ vault: result.value, vaultError: undefined });
    if (name === 'vaultStatus') return;
    // What the vault holds shows elsewhere as masked previews and problems: they change with it.
    get().invalidateCredentials();
    get().invalidateCookies();
    void get().refreshEnvironments();
  };
  return {
    vault: undefined,
    vaultError: undefined,
    refreshVault: () => run('vaultStatus'),
    retryVault: () => run('retryVault'),
    resetVault: () => run('resetVault'),
  };
};
