import type { SplitChoice, ThemeChoice } from '../../shared/calls/prefs-calls';

/** How the preference choices are named in the status bar and in quick open. */
export const THEME_LABELS: Record<ThemeChoice, string> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
};

export const SPLIT_LABELS: Record<SplitChoice, string> = {
  auto: 'Automatic',
  horizontal: 'Side by side',
  vertical: 'Stacked',
};
