// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunRow, RunTotals } from '../../../shared/calls/runner-calls';
import { fakeApi } from '../../../test-support/fake-renderer-api';
import { draftOf, workspaceOf } from '../../../test-support/renderer-fixtures';
import { useLantern } from '../../store';
import { RunnerView } from './RunnerView';

vi.mock('../../api', () => import('../../../test-support/fake-renderer-api').then((m) => m.fakeApi.module));
vi.mock('./runner.css', () => ({}));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const request = (id: string, name: string) => ({
  id,
  name,
  draft: draftOf(`http://127.0.0.1/${id}`),
  inheritAuth: true,
});
const totals = (done: number, passed: number, failed: number): RunTotals => ({
  planned: 4,
  done,
  passed,
  failed,
  assertionsPassed: passed,
  assertionsFailed: failed,
  rateLimited: 0,
  waitedMs: 0,
  durationMs: 0,
});
const row = (iteration: number, index: number, passed: boolean): RunRow => ({
  runId: 'run-1',
  iteration,
  index,
  requestId: index === 0 ? 'r-a' : 'r-b',
  name: index === 0 ? 'Alpha' : 'Beta',
  folder: 'Users',
  method: 'GET',
  url: 'http://127.0.0.1/',
  status: 200,
  statusText: 'OK',
  expected: '2xx',
  statusMet: true,
  passed,
  durationMs: 12,
  findings: [],
  tests: [
    {
      assertion: { enabled: true, target: 'jsonPath', path: '$.email', op: 'equals', expected: '{{email}}' },
      passed,
      actual: passed ? 'a@x' : 'b@x',
      expected: 'a@x',
      path: '$.email',
      message: passed ? 'It equals a@x.' : 'It is b@x, not a@x.',
    },
  ],
  rateLimited: 0,
  waitedMs: 0,
  historyId: `h-${iteration}-${index}`,
});

let root: Root | undefined;
let container: HTMLElement;
const byTestId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const click = (id: string) => act(() => byTestId(id)?.click());

beforeEach(() => {
  fakeApi.reset();
  fakeApi.answer('listHistory', { entries: [], problems: [] });
  fakeApi.answer('startRun', { runId: 'run-1', iterations: 2, requests: 2, columns: [] });
  useLantern.setState({
    run: undefined,
    runStarting: false,
    runnerError: undefined,
    environments: [],
    environmentId: undefined,
    workspaceView: workspaceOf('ws', {
      folders: [
        {
          id: 'users',
          name: 'Users',
          folders: [],
          requests: [request('r-a', 'Alpha'), request('r-b', 'Beta')],
        },
      ],
    }),
  });
  useLantern.getState().openRunner({ folderId: 'users', label: 'Users' });
  container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
  act(() => root?.render(<RunnerView />));
});

afterEach(() => {
  act(() => root?.unmount());
  container.remove();
});

describe('RunnerView', () => {
  it('runs the ticked requests in the chosen order, with the iterations asked for', async () => {
    click('run-down-r-a');
    expect([...container.querySelectorAll('.run-order-name')].map((n) => n.textContent)).toEqual([
      'Beta',
      'Alpha',
    ]);
    await act(async () => {
      const iterations = byTestId('run-iterations') as HTMLInputElement;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setValue?.call(iterations, '2');
      iterations.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => byTestId('run-start')?.click());
    expect(fakeApi.callsOf('startRun')).toEqual([
      { folderId: 'users', order: ['r-b', 'r-a'], iterations: 2, delayMs: 0, bail: false },
    ]);
  });

  it('shows progress live, then a cancelled run as cancelled with its rows so far', async () => {
    await act(async () => byTestId('run-start')?.click());
    act(() =>
      fakeApi.emit('runProgress', {
        runId: 'run-1',
        totals: totals(1, 0, 1),
        current: { iteration: 1, index: 1, name: 'Beta' },
        waiting: { untilEpochMs: Date.now() + 12_000, why: 'the API allows 5 requests a minute' },
        row: row(1, 0, false),
      }),
    );
    expect(byTestId('run-current')?.textContent).toBe('Iteration 1 of 2 · request 2 of 2: Beta');
    expect(byTestId('run-wait')?.textContent).toMatch(
      /^Waiting 1[12] s: the API allows 5 requests a minute$/,
    );
    expect(byTestId('run-counts')?.textContent).toBe(
      '1 of 4 requests · 0 passed · 1 failed · Assertions: 0 passed, 1 failed',
    );
    expect(byTestId('run-row-result-1-0')?.textContent).toBe('✗ fail');
    click('run-row-expand-1-0');
    expect(byTestId('run-row-details-1-0-expected-0')?.textContent).toBe('a@x');
    expect(byTestId('run-row-details-1-0-actual-0')?.textContent).toBe('b@x');
    expect((byTestId('runner-close') as HTMLButtonElement).disabled).toBe(true);

    act(() => fakeApi.emit('runFinished', { runId: 'run-1', totals: totals(1, 0, 1), outcome: 'cancelled' }));
    expect(byTestId('run-outcome')?.textContent).toBe('Cancelled after 1 of 4 requests: 0 passed, 1 failed.');
    expect(byTestId('run-cancel')).toBeNull();
    expect(byTestId('run-wait')).toBeNull();
    expect(byTestId('run-report-save')).not.toBeNull();
  });

  it('asks History for a row’s exchange, and stays with the reason when the entry is gone', async () => {
    fakeApi.handle('getHistoryEntry', () => ({
      ok: false,
      error: { code: 'history.missing', message: 'That entry is no longer in History.' },
    }));
    await act(async () => byTestId('run-start')?.click());
    act(() => fakeApi.emit('runProgress', { runId: 'run-1', totals: totals(1, 1, 0), row: row(1, 0, true) }));
    await act(async () => byTestId('run-row-open-1-0')?.click());
    expect(fakeApi.callsOf('getHistoryEntry')).toEqual([{ id: 'h-1-0' }]);
    // The entry is gone: the runner stays and says so.
    expect(useLantern.getState().runner?.shown).toBe(true);
    expect(byTestId('runner-error')?.textContent).toBe(
      'This exchange cannot be opened from History: That entry is no longer in History.',
    );
  });
});
