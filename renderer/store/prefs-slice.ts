import type { StateCreator } from 'zustand';
import {
  DEFAULT_PREFERENCES,
  type PaneLayout,
  type Preferences,
  type SplitChoice,
  type ThemeChoice,
} from '../../shared/calls/prefs-calls';
import { call } from '../api';
import type { LanternState } from './index';

/** How long after the last change the preferences are written (a drag changes them many times). */
export const PREFERENCES_SAVE_DELAY_MS = 250;

/** The window's UI preferences, kept by the main side across reloads and restarts. */
export interface PrefsSlice {
  preferences: Preferences;
  /** False until the saved preferences arrived (or failed to): the panes mount with them. */
  preferencesLoaded: boolean;
  /** Why the preferences cannot be kept (an unreadable file, a failed write). */
  preferencesProblem: string | undefined;
  loadPreferences: () => Promise<void>;
  setTheme: (theme: ThemeChoice) => void;
  setSplit: (split: SplitChoice) => void;
  setSidebarCollapsed: (collapsed: boolean) => void;
  setPaneLayout: (groupId: string, layout: PaneLayout) => void;
  /** Writes a change still waiting for its delay now (the page is going away). */
  flushPreferences: () => void;
}

export const createPrefsSlice: StateCreator<LanternState, [], [], PrefsSlice> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = async () => {
    timer = undefined;
    const result = await call('savePreferences', { preferences: get().preferences });
    set({ preferencesProblem: result.ok ? undefined : result.error.message });
  };
  const change = (patch: Partial<Preferences>) => {
    set((s) => ({ preferences: { ...s.preferences, ...patch } }));
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void save(), PREFERENCES_SAVE_DELAY_MS);
  };
  return {
    preferences: DEFAULT_PREFERENCES,
    preferencesLoaded: false,
    preferencesProblem: undefined,
    loadPreferences: async () => {
      const result = await call('loadPreferences', {});
      if (result.ok)
        set({
          preferences: result.value.preferences,
          preferencesLoaded: true,
          preferencesProblem: result.value.problem,
        });
      else set({ preferencesLoaded: true, preferencesProblem: result.error.message });
    },
    flushPreferences: () => {
      if (!timer) return;
      clearTimeout(timer);
      void save();
    },
    setTheme: (theme) => change({ theme }),
    setSplit: (split) => change({ split }),
    setSidebarCollapsed: (sidebarCollapsed) => change({ sidebarCollapsed }),
    setPaneLayout: (groupId, layout) => {
      const rounded = Object.fromEntries(
        Object.entries(layout).map(([id, size]) => [id, Math.round(size * 100) / 100]),
      );
      change({ paneLayouts: { ...get().preferences.paneLayouts, [groupId]: rounded } });
    },
  };
};
