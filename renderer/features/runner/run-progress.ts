import type { RunTotals } from '../../../shared/calls/runner-calls';
import { formatCountdown } from '../../../shared/model/token';

export type RunOutcome = 'completed' | 'bailed' | 'cancelled' | 'error';

/** How far the run is, 0–100, from the steps done of those planned. */
export function progressPercent(totals: Pick<RunTotals, 'planned' | 'done'>): number {
  if (totals.planned <= 0) return 0;
  return Math.min(100, Math.round((totals.done / totals.planned) * 100));
}

/** "Iteration 2 of 3 · request 1 of 4: List users" (index is 0-based, as the event gives it). */
export function currentStepText(
  current: { iteration: number; index: number; name: string },
  shape: { iterations: number; requests: number },
): string {
  const iteration = shape.iterations > 1 ? `Iteration ${current.iteration} of ${shape.iterations} · r` : 'R';
  return `${iteration}equest ${current.index + 1} of ${shape.requests}: ${current.name}`;
}

/** "7 of 20 requests · 6 passed · 1 failed" */
export function countsText(totals: Pick<RunTotals, 'planned' | 'done' | 'passed' | 'failed'>): string {
  return `${totals.done} of ${totals.planned} requests · ${totals.passed} passed · ${totals.failed} failed`;
}

/**
 * The live wait line: "Waiting 12 s: the API allows 5 requests a minute". Undefined once the wait
 * is over, so the page never shows a countdown stuck at zero.
 */
export function waitText(waiting: { untilEpochMs: number; why: string }, nowMs: number): string | undefined {
  const seconds = Math.ceil((waiting.untilEpochMs - nowMs) / 1000);
  if (seconds <= 0) return undefined;
  return `Waiting ${formatCountdown(seconds * 1000)}: ${waiting.why}`;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** How the run ended, in one true sentence: a cancelled run never reads as failed, nor a partial one as complete. */
export function outcomeText(outcome: RunOutcome, totals: RunTotals, message?: string): string {
  const tally = `${totals.passed} passed, ${totals.failed} failed`;
  const partial = `${totals.done} of ${plural(totals.planned, 'request')}`;
  switch (outcome) {
    case 'completed':
      if (totals.failed > 0) return `Completed: ${plural(totals.done, 'request')} ran, ${tally}.`;
      return totals.done === 1
        ? 'Completed: the one request passed.'
        : `Completed: all ${totals.done} requests passed.`;
    case 'bailed':
      return `Stopped at the first failure, after ${partial}: ${tally}.`;
    case 'cancelled':
      return `Cancelled after ${partial}: ${tally}.`;
    case 'error':
      return `The run broke off after ${partial}: ${message ?? 'Lantern gave no reason.'}`;
  }
}

/** "Assertions: 5 passed, 1 failed" for the run's summary; undefined when no request had any. */
export function assertionsText(
  totals: Pick<RunTotals, 'assertionsPassed' | 'assertionsFailed'>,
): string | undefined {
  if (totals.assertionsPassed + totals.assertionsFailed === 0) return undefined;
  return `Assertions: ${totals.assertionsPassed} passed, ${totals.assertionsFailed} failed`;
}
