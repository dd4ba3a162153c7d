import type { StateCreator } from 'zustand';
import type { RunRow, RunTotals } from '../../shared/calls/runner-calls';
import type { CallInput, EventPayload } from '../../shared/contract';
import { call, on } from '../api';
import type { LanternState } from './index';

/** What the Runner view runs: a folder of the open workspace, or the whole workspace. */
export interface RunScope {
  folderId?: string;
  /** The folder's name, or the workspace's. */
  label: string;
}

/** One run as the page follows it, from its start to its end. */
export interface RunState {
  runId: string;
  scope: RunScope;
  iterations: number;
  requests: number;
  /** The data file's name and columns, when one was given. */
  data?: { fileName: string; columns: string[] };
  totals: RunTotals;
  current?: EventPayload<'runProgress'>['current'];
  waiting?: EventPayload<'runProgress'>['waiting'];
  rows: RunRow[];
  finished?: { outcome: EventPayload<'runFinished'>['outcome']; message?: string };
}

export interface RunnerSlice {
  /** The Runner view's scope while it is open; it stays open (hidden) while an exchange is looked at. */
  runner: { scope: RunScope; shown: boolean } | undefined;
  run: RunState | undefined;
  runStarting: boolean;
  runnerError: string | undefined;
  openRunner: (scope: RunScope) => void;
  /** Shows the request tabs again, keeping the run (and its results) for the status bar's link back. */
  hideRunner: () => void;
  showRunner: () => void;
  /** Closes the view and forgets a finished run. */
  closeRunner: () => void;
  startRun: (input: CallInput<'startRun'>) => Promise<void>;
  cancelRun: () => Promise<void>;
  /** Writes the finished run's JUnit or JSON report to a path the user typed (one place to re-point). */
  /** The finished run's report, saved where the user chooses (desktop) or downloaded (browser mode). */
  saveRunReport: (format: 'junit' | 'json') => Promise<{ ok: boolean; text: string }>;
  /** Opens a row's exchange from History in a tab, leaving the runner one click away. */
  openRunExchange: (historyId: string) => Promise<void>;
}

const emptyTotals = (planned: number): RunTotals => ({
  planned,
  done: 0,
  passed: 0,
  failed: 0,
  assertionsPassed: 0,
  assertionsFailed: 0,
  rateLimited: 0,
  waitedMs: 0,
  durationMs: 0,
});

type RunEvent =
  | { name: 'runProgress'; payload: EventPayload<'runProgress'> }
  | { name: 'runFinished'; payload: EventPayload<'runFinished'> };

/** A progress event applied to the run it belongs to. */
export function applyRunEvent(run: RunState, event: RunEvent): RunState {
  if (event.name === 'runFinished') {
    const { outcome, message, totals } = event.payload;
    return {
      ...run,
      totals,
      current: undefined,
      waiting: undefined,
      finished: { outcome, ...(message ? { message } : {}) },
    };
  }
  const { totals, current, waiting, row } = event.payload;
  // A row sent again (same iteration and place) replaces the earlier one rather than doubling it.
  const rows = row
    ? [...run.rows.filter((r) => r.iteration !== row.iteration || r.index !== row.index), row]
    : run.rows;
  return { ...run, totals, current, waiting, rows };
}

export const createRunnerSlice: StateCreator<LanternState, [], [], RunnerSlice> = (set, get, api) => {
  // Another workspace opened: a runner set up for the last one (not running) would name requests it no longer has.
  api.subscribe((state, previous) => {
    if (state.workspaceView?.id === previous.workspaceView?.id || !state.runner) return;
    if (!state.run || state.run.finished) set({ runner: undefined, run: undefined, runnerError: undefined });
  });
  // Events can come before startRun answers with the run's id: they wait here until it does.
  let early: RunEvent[] = [];
  const receive = (event: RunEvent) => {
    const run = get().run;
    if (run && run.runId === event.payload.runId) {
      set({ run: applyRunEvent(run, event) });
      // Each exchange of the run was written to History.
      if (event.name === 'runFinished') void get().refreshHistory();
    } else if (get().runStarting) early.push(event);
  };
  on('runProgress', (payload) => receive({ name: 'runProgress', payload }));
  on('runFinished', (payload) => receive({ name: 'runFinished', payload }));

  return {
    runner: undefined,
    run: undefined,
    runStarting: false,
    runnerError: undefined,
    openRunner: (scope) => {
      const running = get().run && !get().run?.finished;
      // A run in progress is shown rather than replaced: only one runs at a time.
      if (running) return set((s) => ({ runner: s.runner && { ...s.runner, shown: true } }));
      set({ runner: { scope, shown: true }, run: undefined, runnerError: undefined });
    },
    hideRunner: () => set((s) => ({ runner: s.runner && { ...s.runner, shown: false } })),
    showRunner: () => set((s) => ({ runner: s.runner && { ...s.runner, shown: true } })),
    closeRunner: () => {
      if (get().run && !get().run?.finished) return;
      set({ runner: undefined, run: undefined, runnerError: undefined });
    },
    startRun: async (input) => {
      const scope = get().runner?.scope;
      if (!scope || get().runStarting) return;
      early = [];
      set({ runStarting: true, runnerError: undefined, run: undefined });
      const result = await call('startRun', input);
      if (!result.ok) {
        early = [];
        return set({ runStarting: false, runnerError: result.error.message });
      }
      const { runId, iterations, requests, columns } = result.value;
      let run: RunState = {
        runId,
        scope,
        iterations,
        requests,
        ...(input.data ? { data: { fileName: input.data.fileName, columns } } : {}),
        totals: emptyTotals(iterations * requests),
        rows: [],
      };
      for (const event of early) if (event.payload.runId === runId) run = applyRunEvent(run, event);
      early = [];
      set({ run, runStarting: false });
      if (run.finished) void get().refreshHistory();
    },
    cancelRun: async () => {
      const run = get().run;
      if (!run || run.finished) return;
      const result = await call('cancelRun', { runId: run.runId });
      if (!result.ok) set({ runnerError: result.error.message });
    },
    saveRunReport: async (format) => {
      const run = get().run;
      if (!run?.finished) return { ok: false, text: 'The run has not finished yet.' };
      const report = await call('runReport', { runId: run.runId, format });
      if (!report.ok) return { ok: false, text: report.error.message };
      return get().saveText({ suggestedName: report.value.fileName, text: report.value.text });
    },
    openRunExchange: async (historyId) => {
      set({ historyError: undefined });
      await get().openHistoryEntry(historyId, { pinned: true });
      const problem = get().historyError;
      // The runner stays in view when the entry cannot be opened (History trimmed, deleted), saying why.
      if (problem) set({ runnerError: `This exchange cannot be opened from History: ${problem}` });
      else get().hideRunner();
    },
  };
};
