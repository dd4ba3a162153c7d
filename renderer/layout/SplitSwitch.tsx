import type { SplitChoice } from '../../shared/calls/prefs-calls';
import { useLantern } from '../store';
import { SPLIT_LABELS } from './preference-labels';
import { STACK_BELOW_PX } from './use-split-orientation';

/** Request and response side by side, stacked, or by the window's width. */
export function SplitSwitch() {
  const split = useLantern((s) => s.preferences.split);
  const setSplit = useLantern((s) => s.setSplit);
  return (
    <label className="status-control">
      Layout
      <select
        data-testid="split-select"
        value={split}
        title={`Request and response: Automatic stacks them in a window narrower than ${STACK_BELOW_PX} px`}
        onChange={(event) => setSplit(event.target.value as SplitChoice)}
      >
        {(Object.keys(SPLIT_LABELS) as SplitChoice[]).map((choice) => (
          <option key={choice} value={choice}>
            {SPLIT_LABELS[choice]}
          </option>
        ))}
      </select>
    </label>
  );
}
