import type { StateCreator } from 'zustand';
import type { TokenSummary } from '../../shared/model/token';
import { call } from '../api';
import { newestOnly, watchers } from './freshness';
import type { LanternState } from './index';

/** The OAuth tokens the main side holds, values masked: the Tokens tab. */
export interface TokensSlice {
  tokens: TokenSummary[];
  /** Why the list could not be read. */
  tokensError: string | undefined;
  watchTokens: () => () => void;
  /** A send, an introspection or a registry fetch may have granted one: refresh if shown. */
  invalidateTokens: () => void;
  refreshTokens: () => Promise<void>;
  /** Grants a new token for a client now; resolves to why it failed, if it did. */
  newToken: (credentialId: string) => Promise<string | undefined>;
  forgetToken: (tokenId: string) => Promise<string | undefined>;
  /** The value, for the component that shows it briefly on an explicit click; never kept here. */
  revealToken: (tokenId: string) => Promise<string | undefined>;
}

export const createTokensSlice: StateCreator<LanternState, [], [], TokensSlice> = (set) => {
  const ask = newestOnly();
  const refresh = async () => {
    const isNewest = ask();
    const result = await call('listTokens', {});
    if (!isNewest()) return;
    if (result.ok) set({ tokens: result.value, tokensError: undefined });
    else set({ tokensError: result.error.message });
  };
  const shown = watchers(() => void refresh());
  return {
    tokens: [],
    tokensError: undefined,
    watchTokens: shown.watch,
    invalidateTokens: shown.invalidate,
    refreshTokens: refresh,
    newToken: async (credentialId) => {
      const result = await call('newToken', { credentialId });
      await refresh();
      return result.ok ? undefined : result.error.message;
    },
    forgetToken: async (tokenId) => {
      const result = await call('forgetToken', { tokenId });
      await refresh();
      return result.ok ? undefined : result.error.message;
    },
    revealToken: async (tokenId) => {
      const result = await call('revealToken', { tokenId });
      return result.ok ? result.value.value : undefined;
    },
  };
};
