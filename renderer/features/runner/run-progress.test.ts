import { describe, expect, it } from 'vitest';
import type { RunTotals } from '../../../shared/calls/runner-calls';
import {
  assertionsText,
  countsText,
  currentStepText,
  outcomeText,
  progressPercent,
  waitText,
} from './run-progress';

const totals = (patch: Partial<RunTotals>): RunTotals => ({
  planned: 20,
  done: 0,
  passed: 0,
  failed: 0,
  assertionsPassed: 0,
  assertionsFailed: 0,
  rateLimited: 0,
  waitedMs: 0,
  durationMs: 0,
  ...patch,
});

describe('run progress', () => {
  it.each([
    [{ planned: 20, done: 7 }, 35],
    [{ planned: 3, done: 1 }, 33],
    [{ planned: 0, done: 0 }, 0],
    [{ planned: 4, done: 4 }, 100],
  ])('%o is %i%%', (counts, percent) => {
    expect(progressPercent(counts)).toBe(percent);
  });

  it('names the step in flight, with the iteration only when there are several', () => {
    const current = { iteration: 2, index: 0, name: 'List users' };
    expect(currentStepText(current, { iterations: 3, requests: 4 })).toBe(
      'Iteration 2 of 3 · request 1 of 4: List users',
    );
    expect(currentStepText({ ...current, iteration: 1 }, { iterations: 1, requests: 4 })).toBe(
      'Request 1 of 4: List users',
    );
  });

  it('counts what is done, passed and failed', () => {
    expect(countsText(totals({ done: 7, passed: 6, failed: 1 }))).toBe(
      '7 of 20 requests · 6 passed · 1 failed',
    );
  });

  it('counts a wait down in whole seconds and says why, until it is over', () => {
    const waiting = { untilEpochMs: 60_000, why: 'the API allows 5 requests a minute' };
    expect(waitText(waiting, 48_000)).toBe('Waiting 12 s: the API allows 5 requests a minute');
    expect(waitText(waiting, 47_500)).toBe('Waiting 13 s: the API allows 5 requests a minute');
    expect(waitText(waiting, 0)).toBe('Waiting 1 min 00 s: the API allows 5 requests a minute');
    expect(waitText(waiting, 60_000)).toBeUndefined();
  });

  it('says how the run ended, never calling a cancelled run failed', () => {
    expect(outcomeText('completed', totals({ done: 20, passed: 20 }))).toBe(
      'Completed: all 20 requests passed.',
    );
    expect(outcomeText('completed', totals({ done: 20, passed: 18, failed: 2 }))).toBe(
      'Completed: 20 requests ran, 18 passed, 2 failed.',
    );
    expect(outcomeText('cancelled', totals({ done: 7, passed: 7 }))).toBe(
      'Cancelled after 7 of 20 requests: 7 passed, 0 failed.',
    );
    expect(outcomeText('bailed', totals({ done: 4, passed: 3, failed: 1 }))).toBe(
      'Stopped at the first failure, after 4 of 20 requests: 3 passed, 1 failed.',
    );
    expect(outcomeText('error', totals({ done: 2 }), 'The workspace was closed.')).toBe(
      'The run broke off after 2 of 20 requests: The workspace was closed.',
    );
    expect(outcomeText('completed', totals({ planned: 1, done: 1, passed: 1 }))).toBe(
      'Completed: the one request passed.',
    );
  });

  it('sums assertions only when there were some', () => {
    expect(assertionsText(totals({}))).toBeUndefined();
    expect(assertionsText(totals({ assertionsPassed: 5, assertionsFailed: 1 }))).toBe(
      'Assertions: 5 passed, 1 failed',
    );
  });
});
