import { useSyncExternalStore } from 'react';
import type { SplitChoice } from '../../shared/calls/prefs-calls';
import { useLantern } from '../store';

/**
 * Below this window width the request and response panes are stacked: beside a 260 px sidebar,
 * two panes side by side would each be narrower than a URL bar and its Send button.
 */
export const STACK_BELOW_PX = 1180;

const narrow = () => window.matchMedia(`(max-width: ${STACK_BELOW_PX - 1}px)`);

/** Side by side or stacked: the choice made, or (Automatic) by the window's width. */
export function splitOrientation(choice: SplitChoice, isNarrow: boolean): 'horizontal' | 'vertical' {
  if (choice === 'auto') return isNarrow ? 'vertical' : 'horizontal';
  return choice;
}

export function useSplitOrientation(): 'horizontal' | 'vertical' {
  const choice = useLantern((s) => s.preferences.split);
  const isNarrow = useSyncExternalStore(
    (notify) => {
      const media = narrow();
      media.addEventListener('change', notify);
      return () => media.removeEventListener('change', notify);
    },
    () => narrow().matches,
  );
  return splitOrientation(choice, isNarrow);
}
