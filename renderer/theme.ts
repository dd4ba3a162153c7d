import { useEffect, useSyncExternalStore } from 'react';
import type { ThemeChoice } from '../shared/calls/prefs-calls';
import { useLantern } from './store';

export type ColorScheme = 'dark' | 'light';

const query = () => window.matchMedia('(prefers-color-scheme: dark)');
const systemScheme = (): ColorScheme => (query().matches ? 'dark' : 'light');

/** The scheme a choice comes to: System follows the operating system. */
export function resolveScheme(choice: ThemeChoice, system: ColorScheme): ColorScheme {
  return choice === 'system' ? system : choice;
}

function useSystemScheme(): ColorScheme {
  return useSyncExternalStore((notify) => {
    const media = query();
    media.addEventListener('change', notify);
    return () => media.removeEventListener('change', notify);
  }, systemScheme);
}

/** The scheme in force: the in-app choice (System, Light, Dark), System following the OS live. */
export function useColorScheme(): ColorScheme {
  const choice = useLantern((s) => s.preferences.theme);
  return resolveScheme(choice, useSystemScheme());
}

/** styles.css reads `data-theme` on <html>; set before the first paint, then kept in step. */
export function applyScheme(scheme: ColorScheme = systemScheme()): void {
  document.documentElement.dataset.theme = scheme;
}

/** Keeps <html data-theme> on the scheme in force (App calls it once). */
export function useDocumentTheme(): void {
  const scheme = useColorScheme();
  useEffect(() => applyScheme(scheme), [scheme]);
}
