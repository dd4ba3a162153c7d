import type { StateCreator } from 'zustand';
import type { CookieJarInfo, CookieSummary } from '../../shared/model/cookies';
import { call } from '../api';
import { newestOnly, watchers } from './freshness';
import type { LanternState } from './index';
import { activeTab, jarWorkspaceOf } from './tabs-slice';

/** One cookie jar as listed, values masked; `workspaceId` says whose (undefined: the scratch jar). */
export interface CookieJarListing {
  workspaceId: string | undefined;
  jar: CookieJarInfo;
  cookies: CookieSummary[];
}

/** The cookie jar of the active tab's workspace, for the Cookies tab. */
export interface CookiesSlice {
  cookieJar: CookieJarListing | undefined;
  cookiesError: string | undefined;
  watchCookies: () => () => void;
  /** A send or a GraphQL fetch may have set cookies: refresh if shown. */
  invalidateCookies: () => void;
  refreshCookies: () => Promise<void>;
  /** Empties the active tab's jar, or only its cookies of `domain` and its subdomains. */
  clearCookies: (domain?: string) => Promise<void>;
}

/** The workspace whose jar the active tab uses. */
const activeJar = (state: LanternState) => jarWorkspaceOf(state, activeTab(state));
const jarInput = (workspaceId: string | undefined) => (workspaceId ? { workspaceId } : {});

export const createCookiesSlice: StateCreator<LanternState, [], [], CookiesSlice> = (set, get, api) => {
  const ask = newestOnly();
  const refresh = async () => {
    const isNewest = ask();
    const workspaceId = activeJar(get());
    const result = await call('listCookies', jarInput(workspaceId));
    if (!isNewest()) return;
    if (result.ok) set({ cookieJar: { workspaceId, ...result.value }, cookiesError: undefined });
    else set({ cookiesError: result.error.message });
  };
  const shown = watchers(() => void refresh());
  // Another tab can use another workspace's jar: the Cookies tab follows the active one.
  api.subscribe((state, previous) => {
    if (activeJar(state) !== activeJar(previous)) shown.invalidate();
  });
  return {
    cookieJar: undefined,
    cookiesError: undefined,
    watchCookies: shown.watch,
    invalidateCookies: shown.invalidate,
    refreshCookies: refresh,
    clearCookies: async (domain) => {
      const result = await call('clearCookies', {
        ...jarInput(activeJar(get())),
        ...(domain ? { domain } : {}),
      });
      await refresh();
      if (!result.ok) set({ cookiesError: result.error.message });
    },
  };
};

/** The listing of the active tab's jar; undefined while that jar's has not arrived (never another jar's). */
export const activeCookieJar = (state: LanternState): CookieJarListing | undefined => {
  const listing = state.cookieJar;
  return listing && listing.workspaceId === activeJar(state) ? listing : undefined;
};
