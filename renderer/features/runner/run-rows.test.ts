import { describe, expect, it } from 'vitest';
import type { RunRow } from '../../../shared/calls/runner-calls';
import type { AssertionResult } from '../../../shared/assertions/model';
import { assertionCounts, groupByIteration, hasDetails, rowProblems, rowStatusText } from './run-rows';

const row = (iteration: number, index: number, patch: Partial<RunRow> = {}): RunRow => ({
  runId: 'run-1',
  iteration,
  index,
  requestId: `r${index}`,
  name: `Request ${index}`,
  folder: 'Users',
  method: 'GET',
  url: 'http://127.0.0.1/users',
  status: 200,
  statusText: 'OK',
  expected: '2xx',
  statusMet: true,
  passed: true,
  durationMs: 12,
  findings: [],
  rateLimited: 0,
  waitedMs: 0,
  ...patch,
});
const test = (passed: boolean, unchecked = false): AssertionResult => ({
  assertion: { enabled: true, target: 'jsonPath', path: '$.id', op: 'equals', expected: '1' },
  passed,
  ...(unchecked ? { unchecked } : {}),
  actual: passed ? '1' : '2',
  expected: '1',
  path: '$.id',
  message: passed ? 'It equals 1.' : 'It is 2, not 1.',
});

describe('run rows', () => {
  it('groups rows by iteration, in run order, whatever order they arrived in', () => {
    const groups = groupByIteration([row(2, 1), row(1, 1, { passed: false }), row(2, 0), row(1, 0)]);
    expect(groups.map((g) => [g.iteration, g.rows.map((r) => r.index), g.passed, g.failed])).toEqual([
      [1, [0, 1], 1, 1],
      [2, [0, 1], 2, 0],
    ]);
  });

  it('writes the status with its reason, or that no response came', () => {
    expect(rowStatusText(row(1, 0))).toBe('200 OK');
    expect(rowStatusText(row(1, 0, { statusText: undefined, status: 204 }))).toBe('204');
    expect(rowStatusText(row(1, 0, { status: undefined, error: 'Connection refused' }))).toBe('no response');
  });

  it('counts assertions, keeping a body not checked apart from a failure', () => {
    expect(assertionCounts(row(1, 0, { tests: [test(true), test(false), test(false, true)] }))).toEqual({
      passed: 1,
      failed: 1,
      unchecked: 1,
    });
    expect(assertionCounts(row(1, 0))).toEqual({ passed: 0, failed: 0, unchecked: 0 });
  });

  it('lists what failed in a row: assertions and captures', () => {
    const failing = row(1, 0, {
      passed: false,
      tests: [test(true), test(false)],
      captures: [
        {
          name: 'userId',
          scope: 'run',
          ok: false,
          secret: false,
          path: '$.data[0].id',
          message: 'Nothing at $.data[0].id.',
        },
        {
          name: 'email',
          scope: 'run',
          ok: true,
          secret: false,
          value: 'a@b',
          path: '$.email',
          message: 'Set.',
        },
      ],
    });
    const problems = rowProblems(failing);
    expect(problems.assertions.map((t) => t.actual)).toEqual(['2']);
    expect(problems.captures.map((c) => c.name)).toEqual(['userId']);
    expect(hasDetails(failing)).toBe(true);
    expect(hasDetails(row(1, 0))).toBe(false);
    expect(hasDetails(row(1, 0, { passed: false, statusMet: false, status: 500 }))).toBe(true);
  });
});
