import type { StateCreator } from 'zustand';
import type { RateLimitView } from '../../shared/model/findings';
import { call } from '../api';
import { retryAtOf } from '../features/rate-limit/gauge-math';
import type { LanternState } from './index';
import { activeTab, type RequestTab, type ResponsePart } from './tabs-slice';

/** Auto-retry gives up after this many 429s in a row: a loop against a spent budget helps nobody. */
export const AUTO_RETRY_CAP = 3;

export interface ScheduledRetry {
  tabId: string;
  /** Epoch ms when the re-send goes. */
  at: number;
  auto: boolean;
}

export interface DiagnosticsSlice {
  /** Opens a response part of the active tab (the findings badge, a finding's "show in Headers"). */
  showResponsePart: (part: ResponsePart) => void;
  scheduledRetry: ScheduledRetry | undefined;
  /** Why a scheduled re-send did not go, when it did not. */
  retryNote: string | undefined;
  autoRetry: boolean;
  /** 429s answered by an automatic re-send, per tab, since the last non-429. */
  autoRetries: Record<string, number>;
  setAutoRetry: (on: boolean) => void;
  scheduleRetry: (tabId: string, at: number, auto?: boolean) => void;
  cancelRetry: () => void;
  /** Every host + credential the main side tracks, for the Diagnostics panel. */
  rateLimits: RateLimitView[];
  refreshRateLimits: () => Promise<void>;
  setRateLimitBudget: (
    view: RateLimitView,
    limit: number | undefined,
    windowSeconds: number,
  ) => Promise<string | undefined>;
}

let timer: ReturnType<typeof setTimeout> | undefined;

export const createDiagnosticsSlice: StateCreator<LanternState, [], [], DiagnosticsSlice> = (
  set,
  get,
  api,
) => {
  const fire = () => {
    timer = undefined;
    const scheduled = get().scheduledRetry;
    if (!scheduled) return;
    const tab = activeTab(get());
    if (tab.id !== scheduled.tabId) {
      return set({ scheduledRetry: undefined, retryNote: 'Not re-sent: another request tab is open.' });
    }
    set({ scheduledRetry: undefined, retryNote: undefined });
    if (!tab.inFlightId) void get().send();
  };
  // A 429 that arrives while auto-retry is on schedules its own re-send (at most AUTO_RETRY_CAP in a row).
  api.subscribe((state, previous) => {
    if (state.tabs === previous.tabs) return;
    for (const tab of state.tabs) {
      const before = previous.tabs.find((t) => t.id === tab.id);
      if (!tab.exchange || before?.exchange === tab.exchange) continue;
      onNewExchange(tab);
    }
  });
  function onNewExchange(tab: RequestTab) {
    const view = tab.exchange?.rateLimit;
    const retryAt = view && retryAtOf(view);
    const used = get().autoRetries[tab.id] ?? 0;
    if (retryAt === undefined) {
      if (used) set({ autoRetries: { ...get().autoRetries, [tab.id]: 0 } });
      return;
    }
    if (!get().autoRetry) return;
    if (used >= AUTO_RETRY_CAP) {
      return set({ retryNote: `Auto-retry stopped after ${AUTO_RETRY_CAP} refusals in a row.` });
    }
    set({ autoRetries: { ...get().autoRetries, [tab.id]: used + 1 } });
    get().scheduleRetry(tab.id, retryAt, true);
  }
  return {
    showResponsePart: (part) => get().selectResponsePart(part),
    scheduledRetry: undefined,
    retryNote: undefined,
    autoRetry: false,
    autoRetries: {},
    setAutoRetry: (on) => {
      set({ autoRetry: on, ...(on ? {} : { autoRetries: {} }) });
      // Ticked while a 429's countdown runs: that countdown ends in a re-send too, not only later 429s.
      const tab = activeTab(get());
      const view = tab.exchange?.rateLimit;
      const retryAt = view && retryAtOf(view);
      if (!on || retryAt === undefined || retryAt <= Date.now() || get().scheduledRetry) return;
      set({ autoRetries: { ...get().autoRetries, [tab.id]: (get().autoRetries[tab.id] ?? 0) + 1 } });
      get().scheduleRetry(tab.id, retryAt, true);
    },
    scheduleRetry: (tabId, at, auto = false) => {
      if (timer) clearTimeout(timer);
      // A little after the allowed moment: the server's clock and ours are not the same clock.
      timer = setTimeout(fire, Math.max(0, at - Date.now()) + 250);
      set({ scheduledRetry: { tabId, at, auto }, retryNote: undefined });
    },
    cancelRetry: () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      set({ scheduledRetry: undefined });
    },
    rateLimits: [],
    refreshRateLimits: async () => {
      const result = await call('rateLimitState', {});
      if (result.ok) set({ rateLimits: result.value });
    },
    setRateLimitBudget: async (view, limit, windowSeconds) => {
      const result = await call('setRateLimitBudget', {
        host: view.host,
        credentialId: view.credentialId,
        limit,
        windowSeconds,
      });
      if (!result.ok) return result.error.message;
      await get().refreshRateLimits();
      return undefined;
    },
  };
};
