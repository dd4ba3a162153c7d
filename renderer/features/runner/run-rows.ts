import type { RunRow } from '../../../shared/calls/runner-calls';
import type { AssertionResult, CaptureResult } from '../../../shared/assertions/model';

export interface IterationGroup {
  iteration: number;
  rows: RunRow[];
  passed: number;
  failed: number;
}

/** The rows by iteration, each in run order, whatever order they arrived in. */
export function groupByIteration(rows: readonly RunRow[]): IterationGroup[] {
  const byIteration = new Map<number, RunRow[]>();
  for (const row of rows) byIteration.set(row.iteration, [...(byIteration.get(row.iteration) ?? []), row]);
  return [...byIteration.entries()]
    .sort(([a], [b]) => a - b)
    .map(([iteration, list]) => {
      const sorted = [...list].sort((a, b) => a.index - b.index);
      const passed = sorted.filter((row) => row.passed).length;
      return { iteration, rows: sorted, passed, failed: sorted.length - passed };
    });
}

/** "200 OK", or "no response" when it could not be sent. */
export function rowStatusText(row: RunRow): string {
  if (row.status === undefined) return 'no response';
  return row.statusText ? `${row.status} ${row.statusText}` : String(row.status);
}

/** The assertion rows of a request: passed, failed (a body not checked counts as neither). */
export function assertionCounts(row: RunRow): { passed: number; failed: number; unchecked: number } {
  const tests = row.tests ?? [];
  const unchecked = tests.filter((t) => !t.passed && t.unchecked).length;
  const passed = tests.filter((t) => t.passed).length;
  return { passed, failed: tests.length - passed - unchecked, unchecked };
}

export interface RowProblems {
  assertions: AssertionResult[];
  captures: CaptureResult[];
}

/** What a failing row's details list: its failed (or unchecked) assertions and failed captures. */
export function rowProblems(row: RunRow): RowProblems {
  return {
    assertions: (row.tests ?? []).filter((t) => !t.passed),
    captures: (row.captures ?? []).filter((c) => !c.ok),
  };
}

/** A row worth expanding: it failed, or something in it did. */
export function hasDetails(row: RunRow): boolean {
  const problems = rowProblems(row);
  return !row.passed || row.error !== undefined || problems.assertions.length + problems.captures.length > 0;
}
