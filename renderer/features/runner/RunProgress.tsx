import { Square } from 'lucide-react';
import { Button } from '../../components/Button';
import { useNow } from '../../hooks';
import { useLantern } from '../../store';
import type { RunState } from '../../store/runner-slice';
import { formatDuration } from '../response/format';
import {
  assertionsText,
  countsText,
  currentStepText,
  outcomeText,
  progressPercent,
  waitText,
} from './run-progress';

/** The live wait line, ticking each second. */
function WaitLine({ waiting }: { waiting: NonNullable<RunState['waiting']> }) {
  const text = waitText(waiting, useNow(1000));
  return text ? (
    <p className="run-wait" role="status" data-testid="run-wait">
      {text}
    </p>
  ) : null;
}

/** Where the run is (or how it ended): the bar, the step in flight, counts, rate-limit waits, Cancel. */
export function RunProgress({ run }: { run: RunState }) {
  const percent = progressPercent(run.totals);
  const finished = run.finished;
  const assertions = assertionsText(run.totals);
  return (
    <section className="run-progress" aria-label="Run progress" data-testid="run-progress">
      <div className="run-progress-head">
        <progress
          max={100}
          value={percent}
          aria-label={`${run.totals.done} of ${run.totals.planned} requests done`}
          data-testid="run-progress-bar"
        />
        {!finished && (
          <Button
            variant="danger"
            icon={Square}
            testId="run-cancel"
            onClick={() => void useLantern.getState().cancelRun()}
          >
            Cancel
          </Button>
        )}
      </div>
      <p className="run-counts" data-testid="run-counts">
        {countsText(run.totals)}
        {assertions && ` · ${assertions}`}
        {run.totals.rateLimited > 0 &&
          ` · ${run.totals.rateLimited} rate-limited (waited ${formatDuration(run.totals.waitedMs)})`}
      </p>
      {!finished && run.current && (
        <p className="run-current" data-testid="run-current">
          {currentStepText(run.current, run)}
        </p>
      )}
      {!finished && run.waiting && <WaitLine waiting={run.waiting} />}
      {run.data && (
        <p className="hint" data-testid="run-data-summary">
          Data file {run.data.fileName}: {run.iterations} {run.iterations === 1 ? 'row' : 'rows'}
          {run.data.columns.length > 0 ? `, columns ${run.data.columns.join(', ')}` : ', no columns'}.
        </p>
      )}
      {finished && (
        <p
          className={`run-outcome outcome-${finished.outcome}`}
          role="status"
          data-testid="run-outcome"
          data-outcome={finished.outcome}
        >
          {outcomeText(finished.outcome, run.totals, finished.message)}
        </p>
      )}
    </section>
  );
}
