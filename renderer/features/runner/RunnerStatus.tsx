import { useLantern } from '../../store';
import { countsText } from './run-progress';

/** In the status bar while the runner is hidden: how the run stands, and the way back to it. */
export function RunnerStatus() {
  const runner = useLantern((s) => s.runner);
  const run = useLantern((s) => s.run);
  if (!runner || runner.shown) return null;
  const state = !run ? 'not started' : run.finished ? 'finished' : 'running';
  return (
    <button
      type="button"
      className="link-button"
      data-testid="runner-show"
      title="Show the runner"
      onClick={() => useLantern.getState().showRunner()}
    >
      Run {runner.scope.label}: {state}
      {run ? ` · ${countsText(run.totals)}` : ''}
    </button>
  );
}
