import type { ThemeChoice } from '../../shared/calls/prefs-calls';
import { useLantern } from '../store';
import { THEME_LABELS } from './preference-labels';

/** System, Light or Dark; kept across restarts; Monaco follows (renderer/theme.ts). */
export function ThemeSwitch() {
  const theme = useLantern((s) => s.preferences.theme);
  const setTheme = useLantern((s) => s.setTheme);
  return (
    <label className="status-control">
      Theme
      <select
        data-testid="theme-select"
        value={theme}
        title="Colour theme: System follows your computer's light or dark setting"
        onChange={(event) => setTheme(event.target.value as ThemeChoice)}
      >
        {(Object.keys(THEME_LABELS) as ThemeChoice[]).map((choice) => (
          <option key={choice} value={choice}>
            {THEME_LABELS[choice]}
          </option>
        ))}
      </select>
    </label>
  );
}
