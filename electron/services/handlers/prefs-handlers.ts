import type { PrefsCalls } from '../../../shared/calls/prefs-calls';
import type { Handlers } from '../../../shared/contract';
import type { PreferencesStore } from '../preferences/preferences-store';

/** The handlers of shared/calls/prefs-calls.ts: the window's theme, sidebar and pane sizes. */
export function prefsHandlers(store: PreferencesStore): Pick<Handlers, keyof PrefsCalls> {
  return {
    loadPreferences: () => store.load(),
    savePreferences: async ({ preferences }) => {
      await store.save(preferences);
      return {};
    },
  };
}
