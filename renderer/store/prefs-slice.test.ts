import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test-support/fake-renderer-api';
import { DEFAULT_PREFERENCES } from '../../shared/calls/prefs-calls';
import { useLantern } from './index';
import { PREFERENCES_SAVE_DELAY_MS } from './prefs-slice';

vi.mock('../api', () => import('../../test-support/fake-renderer-api').then((m) => m.fakeApi.module));

beforeEach(() => {
  fakeApi.reset();
  vi.useFakeTimers();
  useLantern.setState({
    preferences: DEFAULT_PREFERENCES,
    preferencesLoaded: false,
    preferencesProblem: undefined,
  });
});
afterEach(() => vi.useRealTimers());

describe('prefs slice', () => {
  it('adopts the saved preferences and says why a kept file is not used', async () => {
    fakeApi.answer('loadPreferences', {
      preferences: { ...DEFAULT_PREFERENCES, theme: 'dark' },
      problem: 'Lantern cannot read its UI preferences',
    });
    await useLantern.getState().loadPreferences();
    const state = useLantern.getState();
    expect(state.preferencesLoaded).toBe(true);
    expect(state.preferences.theme).toBe('dark');
    expect(state.preferencesProblem).toContain('cannot read');
  });

  it('shows the window with the defaults when the preferences cannot be loaded', async () => {
    fakeApi.fail('loadPreferences', 'internal', 'disk gone');
    await useLantern.getState().loadPreferences();
    expect(useLantern.getState().preferencesLoaded).toBe(true);
    expect(useLantern.getState().preferences).toEqual(DEFAULT_PREFERENCES);
    expect(useLantern.getState().preferencesProblem).toBe('disk gone');
  });

  it('writes once after a burst of changes (a drag), with every change in it', async () => {
    fakeApi.answer('savePreferences', {});
    const { setPaneLayout, setTheme } = useLantern.getState();
    setPaneLayout('workbench', { sidebar: 20.123456, main: 79.876544 });
    setPaneLayout('workbench', { sidebar: 25, main: 75 });
    setTheme('light');
    expect(fakeApi.callsOf('savePreferences')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(PREFERENCES_SAVE_DELAY_MS);
    const saves = fakeApi.callsOf('savePreferences');
    expect(saves).toHaveLength(1);
    expect(saves[0]).toEqual({
      preferences: {
        ...DEFAULT_PREFERENCES,
        theme: 'light',
        paneLayouts: { workbench: { sidebar: 25, main: 75 } },
      },
    });
  });

  it('writes a waiting change at once when the page goes away, and only once', async () => {
    fakeApi.answer('savePreferences', {});
    useLantern.getState().setTheme('dark');
    useLantern.getState().flushPreferences();
    await vi.advanceTimersByTimeAsync(PREFERENCES_SAVE_DELAY_MS * 2);
    expect(fakeApi.callsOf('savePreferences')).toHaveLength(1);
    useLantern.getState().flushPreferences();
    expect(fakeApi.callsOf('savePreferences')).toHaveLength(1);
  });

  it('rounds sizes and keeps other groups when one changes', () => {
    useLantern.getState().setPaneLayout('graphql', { query: 60, variables: 40 });
    useLantern.getState().setPaneLayout('workbench', { sidebar: 20.123456, main: 79.876544 });
    expect(useLantern.getState().preferences.paneLayouts).toEqual({
      graphql: { query: 60, variables: 40 },
      workbench: { sidebar: 20.12, main: 79.88 },
    });
  });

  it('says so when a save fails, and clears it when one succeeds', async () => {
    fakeApi.fail('savePreferences', 'storage.file-unreadable', 'Lantern cannot read its UI preferences');
    useLantern.getState().setSidebarCollapsed(true);
    await vi.advanceTimersByTimeAsync(PREFERENCES_SAVE_DELAY_MS);
    expect(useLantern.getState().preferencesProblem).toContain('cannot read');
    fakeApi.answer('savePreferences', {});
    useLantern.getState().setSidebarCollapsed(false);
    await vi.advanceTimersByTimeAsync(PREFERENCES_SAVE_DELAY_MS);
    expect(useLantern.getState().preferencesProblem).toBeUndefined();
  });
});
