import { randomBytes } from 'node:crypto';
import type { RunRow, RunTotals } from '../../../shared/calls/runner-calls';
import { folderChain } from '../../../shared/collections/effective-request';
import { sidebarOrder, type OrderedRequest } from '../../../shared/collections/sidebar-order';
import type { CallOutput, CallParsedInput } from '../../../shared/contract';
import { LanternError } from '../../../shared/model/result';
import { DataFileError, parseDataFile } from '../../../shared/runner/data-file';
import { knownSecrets } from '../diagnostics/support-service';
import type { ServiceContext } from '../service-context';
import {
  countResults,
  jsonReport,
  junitReport,
  stoppedSentence,
  type RunResult,
  type RunSummary,
} from './reporters';
import { runCollection, type RunIteration, type RunOutcome } from './run-engine';

/** Finished runs kept for their reports; the oldest goes first. */
const KEPT_RUNS = 20;

interface AppRun {
  controller: AbortController;
  workspace: string;
  environment?: string;
  iterations: number;
  data?: string;
  started: number;
  planned: number;
  results: RunResult[];
  summary?: RunSummary;
}

const fail = (code: string, message: string) => new LanternError(code, message);

/** The requests `order` names, checked against the open workspace (and the folder, when given). */
function orderedSteps(context: ServiceContext, input: CallParsedInput<'startRun'>): OrderedRequest[] {
  const workspace = context.workspace();
  if (!workspace)
    throw fail(
      'runner.no-workspace',
      'No workspace is open: the runner runs a workspace’s saved requests. Open one in the sidebar first.',
    );
  let scope = { folder: workspace.root, trail: [] as string[], where: `the workspace "${workspace.name}"` };
  if (input.folderId !== undefined) {
    const chain = folderChain(workspace.root, input.folderId);
    const folder = chain?.at(-1);
    if (!chain || !folder || folder.id !== input.folderId)
      throw fail(
        'runner.unknown-folder',
        `There is no folder with id "${input.folderId}" in the workspace "${workspace.name}": it may have been deleted or moved. Pick the folder again.`,
      );
    scope = { folder, trail: chain.slice(1).map((f) => f.name), where: `the folder "${folder.name}"` };
  }
  const available = new Map(sidebarOrder(scope.folder, scope.trail).map((step) => [step.request.id, step]));
  return input.order.map((id) => {
    const step = available.get(id);
    if (!step)
      throw fail(
        'runner.unknown-request',
        `The run order names a request (id "${id}") that is not in ${scope.where}: it may have been deleted or moved since the order was made. Reopen the runner to get the current order.`,
      );
    return step;
  });
}

/** One iteration per data row, or `iterations` plain repeats; with a data file both must agree. */
function iterationsOf(input: CallParsedInput<'startRun'>): { iterations: RunIteration[]; columns: string[] } {
  if (!input.data) {
    const count = input.iterations ?? 1;
    return { iterations: Array.from({ length: count }, () => ({ values: {} })), columns: [] };
  }
  let table;
  try {
    table = parseDataFile(input.data.fileName, input.data.text);
  } catch (error) {
    if (error instanceof DataFileError) throw fail('runner.bad-data', error.message);
    throw error;
  }
  if (input.iterations !== undefined && input.iterations !== table.rows.length)
    throw fail(
      'runner.iterations-mismatch',
      `${input.data.fileName} has ${table.rows.length} rows, so the run has ${table.rows.length} iterations, not ${input.iterations}. Leave the iteration count out with a data file.`,
    );
  return { iterations: table.rows.map((values) => ({ values })), columns: table.columns };
}

function totalsOf(run: AppRun): RunTotals {
  const counts = countResults(run.results);
  return {
    planned: run.planned,
    done: run.results.length,
    passed: counts.passed,
    failed: counts.failed,
    assertionsPassed: counts.assertions.passed,
    assertionsFailed: counts.assertions.failed,
    rateLimited: counts.rateLimited,
    waitedMs: counts.waitedMs,
    durationMs: performance.now() - run.started,
  };
}

/** A result as the runner's table gets it (already masked by the engine). */
function rowOf(runId: string, result: RunResult): RunRow {
  const { id, unreadableFile: _file, iteration, index, ...rest } = result;
  return { ...rest, runId, requestId: id, iteration: iteration ?? 1, index: index ?? 0 };
}

function summaryOf(run: AppRun, outcome: RunOutcome): RunSummary {
  return {
    workspace: run.workspace,
    ...(run.environment ? { environment: run.environment } : {}),
    ...countResults(outcome.results),
    durationMs: outcome.durationMs,
    iterations: run.iterations,
    ...(run.data ? { data: run.data } : {}),
    outcome: outcome.outcome,
    notRun: outcome.notRun,
    results: outcome.results,
  };
}

/**
 * The app's collection runner: the run engine of `lantern run`, with History written (each row
 * carries its entry's id), progress and the end as events, cancel, and the same reports.
 */
export function createAppRunner(context: ServiceContext) {
  const runs = new Map<string, AppRun>();

  function forget(): void {
    const finished = [...runs].filter(([, run]) => run.summary);
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEPT_RUNS))) runs.delete(id);
  }

  async function startRun(input: CallParsedInput<'startRun'>): Promise<CallOutput<'startRun'>> {
    const steps = orderedSteps(context, input);
    const { iterations, columns } = iterationsOf(input);
    const environment = input.environmentId
      ? context.environments.summaries().find((e) => e.id === input.environmentId)
      : undefined;
    if (input.environmentId && !environment)
      throw fail(
        'environment.unknown',
        `The selected environment (id "${input.environmentId}") no longer exists. Pick another environment, then start the run again.`,
      );
    const workspace = context.workspace();
    if (!workspace) throw fail('runner.no-workspace', 'No workspace is open.');
    const runId = randomBytes(6).toString('hex');
    const run: AppRun = {
      controller: new AbortController(),
      workspace: workspace.name,
      ...(environment ? { environment: environment.name } : {}),
      iterations: iterations.length,
      ...(input.data ? { data: input.data.fileName } : {}),
      started: performance.now(),
      planned: steps.length * iterations.length,
      results: [],
    };
    runs.set(runId, run);
    forget();
    const finish = (outcome: 'completed' | 'bailed' | 'cancelled' | 'error', message?: string) =>
      context.emit('runFinished', {
        runId,
        totals: totalsOf(run),
        outcome,
        ...(message ? { message } : {}),
      });
    void runCollection(
      {
        sendInRun: context.sendInRun,
        cancelSend: (requestId) => context.engine.cancel({ requestId }),
        knownSecrets: () => knownSecrets(context),
      },
      {
        workspace,
        jarWorkspaceId: workspace.id,
        steps,
        iterations,
        ...(input.data ? { dataName: input.data.fileName } : {}),
        ...(input.environmentId ? { environmentId: input.environmentId } : {}),
        delayMs: input.delayMs,
        bail: input.bail,
        history: true,
        timeoutMs: 30_000,
        pacing: { windowMs: 60_000, maxWaitMs: 120_000, maxWaitLabel: 'the longest wait the runner allows' },
        signal: run.controller.signal,
        idPrefix: `run-${runId}`,
        onProgress: (progress) => {
          if (progress.kind === 'row') run.results.push(progress.row);
          const current =
            progress.kind === 'row'
              ? {
                  iteration: progress.row.iteration ?? 1,
                  index: progress.row.index ?? 0,
                  name: progress.row.name,
                }
              : { iteration: progress.iteration, index: progress.index, name: progress.name };
          context.emit('runProgress', {
            runId,
            totals: totalsOf(run),
            current,
            ...(progress.kind === 'waiting'
              ? { waiting: { untilEpochMs: progress.untilEpochMs, why: progress.why } }
              : {}),
            ...(progress.kind === 'row' ? { row: rowOf(runId, progress.row) } : {}),
          });
        },
      },
    ).then(
      (outcome) => {
        run.summary = summaryOf(run, outcome);
        finish(outcome.outcome, stoppedSentence(run.summary));
      },
      (error: unknown) => {
        run.summary = summaryOf(run, {
          results: run.results,
          outcome: 'cancelled',
          planned: run.planned,
          notRun: run.planned - run.results.length,
          durationMs: performance.now() - run.started,
        });
        finish(
          'error',
          `The run broke off after ${run.results.length} of ${run.planned} requests: ${error instanceof Error ? error.message : String(error)}`,
        );
      },
    );
    return { runId, iterations: iterations.length, requests: steps.length, columns };
  }

  async function cancelRun({ runId }: CallParsedInput<'cancelRun'>): Promise<CallOutput<'cancelRun'>> {
    const run = runs.get(runId);
    if (!run || run.summary || run.controller.signal.aborted) return { cancelled: false };
    run.controller.abort();
    return { cancelled: true };
  }

  async function runReport({
    runId,
    format,
  }: CallParsedInput<'runReport'>): Promise<CallOutput<'runReport'>> {
    const run = runs.get(runId);
    if (!run)
      throw fail(
        'runner.unknown-run',
        `There is no run "${runId}" in this session: reports are kept for the last ${KEPT_RUNS} runs until Lantern closes. Run it again.`,
      );
    if (!run.summary)
      throw fail(
        'runner.still-running',
        'This run is still going: its report is ready when it finishes (or after Cancel).',
      );
    const base = `${run.workspace.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'lantern'}-run-${runId}`;
    return format === 'junit'
      ? { fileName: `${base}.xml`, text: junitReport(run.summary) }
      : { fileName: `${base}.json`, text: jsonReport(run.summary) };
  }

  return { startRun, cancelRun, runReport };
}
