import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunRow, RunTotals } from '../../shared/calls/runner-calls';
import { fakeApi } from '../../test-support/fake-renderer-api';
import { workspaceOf } from '../../test-support/renderer-fixtures';
import { useLantern } from './index';

vi.mock('../api', () => import('../../test-support/fake-renderer-api').then((m) => m.fakeApi.module));

const totals = (done: number, passed = done, failed = 0): RunTotals => ({
  planned: 4,
  done,
  passed,
  failed,
  assertionsPassed: 0,
  assertionsFailed: 0,
  rateLimited: 0,
  waitedMs: 0,
  durationMs: 0,
});
const row = (iteration: number, index: number, passed = true): RunRow => ({
  runId: 'run-1',
  iteration,
  index,
  requestId: `r${index}`,
  name: `R${index}`,
  folder: '',
  method: 'GET',
  url: 'http://127.0.0.1/',
  status: passed ? 200 : 500,
  expected: '2xx',
  passed,
  durationMs: 5,
  findings: [],
  rateLimited: 0,
  waitedMs: 0,
  historyId: `h-${iteration}-${index}`,
});
const started = { runId: 'run-1', iterations: 2, requests: 2, columns: ['email', 'name'] };
const start = () =>
  useLantern.getState().startRun({
    order: ['r0', 'r1'],
    data: { fileName: 'users.csv', text: 'email,name\na@x,A\nb@x,B\n' },
  });

beforeEach(() => {
  fakeApi.reset();
  fakeApi.answer('listHistory', { entries: [], problems: [] });
  useLantern.setState({
    workspaceView: workspaceOf('ws_a'),
    runner: undefined,
    run: undefined,
    runStarting: false,
    runnerError: undefined,
  });
  useLantern.getState().openRunner({ folderId: 'users', label: 'Users' });
});

describe('runner slice', () => {
  it('follows a run from its start through progress events to its end', async () => {
    fakeApi.answer('startRun', started);
    await start();
    expect(useLantern.getState().run).toMatchObject({
      runId: 'run-1',
      iterations: 2,
      data: { fileName: 'users.csv', columns: ['email', 'name'] },
      totals: { planned: 4, done: 0 },
    });
    fakeApi.emit('runProgress', {
      runId: 'run-1',
      totals: totals(1),
      current: { iteration: 1, index: 1, name: 'R1' },
      row: row(1, 0),
    });
    fakeApi.emit('runProgress', { runId: 'other-run', totals: totals(3), row: row(2, 1) });
    const run = useLantern.getState().run;
    expect(run?.rows.map((r) => r.historyId)).toEqual(['h-1-0']);
    expect(run?.current?.name).toBe('R1');
    fakeApi.emit('runFinished', { runId: 'run-1', totals: totals(1), outcome: 'cancelled' });
    expect(useLantern.getState().run?.finished).toEqual({ outcome: 'cancelled' });
    expect(useLantern.getState().run?.current).toBeUndefined();
    await fakeApi.settle();
    expect(fakeApi.callsOf('listHistory')).toHaveLength(1);
  });

  it('keeps events that arrive before startRun answers, for the run they belong to', async () => {
    const held = fakeApi.hold('startRun');
    const starting = start();
    fakeApi.emit('runProgress', { runId: 'run-1', totals: totals(1), row: row(1, 0) });
    await held.answer(0, { ok: true, value: started });
    await starting;
    expect(useLantern.getState().run?.rows).toHaveLength(1);
    expect(useLantern.getState().run?.totals.done).toBe(1);
  });

  it('shows why a run could not start, and starts none', async () => {
    fakeApi.handle('startRun', () => ({
      ok: false,
      error: { code: 'runner.data', message: 'users.csv: line 3 has 3 fields, the header has 2.' },
    }));
    await start();
    expect(useLantern.getState().run).toBeUndefined();
    expect(useLantern.getState().runnerError).toBe('users.csv: line 3 has 3 fields, the header has 2.');
    expect(useLantern.getState().runStarting).toBe(false);
  });

  it('cancels the run in progress and cannot close the view until it has ended', async () => {
    fakeApi.answer('startRun', started).answer('cancelRun', { cancelled: true });
    await start();
    await useLantern.getState().cancelRun();
    expect(fakeApi.callsOf('cancelRun')).toEqual([{ runId: 'run-1' }]);
    useLantern.getState().closeRunner();
    expect(useLantern.getState().runner).toBeDefined();
    fakeApi.emit('runFinished', { runId: 'run-1', totals: totals(1), outcome: 'cancelled' });
    useLantern.getState().closeRunner();
    expect(useLantern.getState().runner).toBeUndefined();
  });

  it('saves the report of a finished run where the user chooses, under the report’s own name', async () => {
    fakeApi
      .answer('startRun', started)
      .answer('runReport', { fileName: 'lantern-run.xml', text: '<testsuites/>' })
      .answer('saveTextFile', { saved: true, name: 'lantern-run.xml', bytes: 13 });
    await start();
    const early = await useLantern.getState().saveRunReport('junit');
    expect(early).toEqual({ ok: false, text: 'The run has not finished yet.' });
    fakeApi.emit('runFinished', { runId: 'run-1', totals: totals(4), outcome: 'completed' });
    const saved = await useLantern.getState().saveRunReport('junit');
    expect(saved.ok).toBe(true);
    expect(saved.text).toContain('lantern-run.xml');
    expect(fakeApi.callsOf('runReport')).toEqual([{ runId: 'run-1', format: 'junit' }]);
    expect(fakeApi.callsOf('saveTextFile')).toEqual([
      { suggestedName: 'lantern-run.xml', text: '<testsuites/>' },
    ]);
  });

  it('replaces a row sent again rather than listing it twice', async () => {
    fakeApi.answer('startRun', started);
    await start();
    fakeApi.emit('runProgress', { runId: 'run-1', totals: totals(1, 0, 1), row: row(1, 0, false) });
    fakeApi.emit('runProgress', { runId: 'run-1', totals: totals(1), row: row(1, 0, true) });
    expect(useLantern.getState().run?.rows.map((r) => r.passed)).toEqual([true]);
  });

  it('closes a runner that is not running when another workspace opens', () => {
    useLantern.setState({ workspaceView: workspaceOf('ws_b') });
    expect(useLantern.getState().runner).toBeUndefined();
  });
});
