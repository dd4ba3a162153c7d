import type { OrderedRequest } from '../../../shared/collections/sidebar-order';
import type { CallParsedInput } from '../../../shared/contract';
import { diagnose } from '../../../shared/diagnose';
import type { SavedRequest } from '../../../shared/model/collection';
import type { RequestDraft } from '../../../shared/model/request';
import { LanternError } from '../../../shared/model/result';
import { layerValues } from '../../../shared/runner/run-variables';
import { rateLimitKey } from '../../../shared/ratelimit';
import type { VariableLayer } from '../../../shared/template/index';
import type { Workspace } from '../../../shared/workspace-format/types';
import type { RunLayers } from '../environments/environment-store';
import { effectiveDraft } from '../send/effective-draft';
import type { RunSendOptions, RunSendResult } from '../send/send-pipeline';
import { maskResult } from './mask-output';
import { Pacer, type PacerOptions } from './pacer';
import type { RunResult } from './reporters';
import { hasStatusTest, matchesExpectation, statusExpectation } from './status-expectation';

/** One request of the run order (the sidebar's, `sidebarOrder`), with its folder names from the top. */
export type RunStep = OrderedRequest;

/** One iteration: a data file's row (its columns are variables), or a plain repeat ({}). */
export interface RunIteration {
  values: Readonly<Record<string, string>>;
}

/** What the engine needs of the app's services (the same for `lantern run` and the app). */
export interface RunEngineParts {
  sendInRun: (input: CallParsedInput<'send'>, run: RunSendOptions) => Promise<RunSendResult>;
  /** Cancels a send in flight by its request id. */
  cancelSend: (requestId: string) => unknown;
  /** Every secret known right now (tokens fetched during the run included): masked in every result. */
  knownSecrets: () => string[];
}

export type RunProgress =
  | { kind: 'step'; iteration: number; index: number; name: string }
  | {
      kind: 'waiting';
      /** A rate limit's wait, or the run's delay between requests. */
      reason: 'rate-limit' | 'delay';
      iteration: number;
      index: number;
      name: string;
      untilEpochMs: number;
      why: string;
    }
  | { kind: 'row'; row: RunResult };

export interface RunSettings {
  workspace: Workspace;
  /** The cookie jar's workspace (the app's runner uses the workspace's own, as its sends do). */
  jarWorkspaceId?: string;
  steps: readonly RunStep[];
  iterations: readonly RunIteration[];
  /** Where a data row came from, for messages: "row 3 of users.csv". */
  dataName?: string;
  environmentId?: string;
  /** `--env-var` and `LANTERN_VAR_…` values: above every other variable, and secret. */
  overrides?: VariableLayer;
  delayMs: number;
  bail: boolean;
  /** Written to History (the app: always; `lantern run`: with --history). */
  history: boolean;
  timeoutMs: number;
  pacing: PacerOptions;
  signal?: AbortSignal;
  /** Prefix of the engine's request ids (at most 40 characters): cancels find the send in flight. */
  idPrefix: string;
  /** Why a request cannot be sent before trying (`lantern run` explains missing secrets). */
  precheck?: (request: SavedRequest, draft: RequestDraft, layers: RunLayers) => string | undefined;
  onProgress?: (progress: RunProgress) => void;
}

export interface RunOutcome {
  /** Masked, in the order they ran. */
  results: RunResult[];
  outcome: 'completed' | 'bailed' | 'cancelled';
  /** Steps planned (requests × iterations) and how many did not run (bail, cancel). */
  planned: number;
  notRun: number;
  durationMs: number;
}

/** Resolves after `ms`, or at once when the run is cancelled. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

const emptyResult = (step: RunStep, draft: RequestDraft, iteration: number, index: number): RunResult => ({
  id: step.request.id,
  name: step.request.name,
  folder: step.folder,
  iteration,
  index,
  method: draft.method,
  url: draft.url,
  expected: statusExpectation(draft, step.request.expectStatus),
  passed: false,
  durationMs: 0,
  findings: [],
  rateLimited: 0,
  waitedMs: 0,
});

/**
 * The collection runner, shared by `lantern run` and the app: every step of every iteration in
 * order, through the app's send pipeline (variables, auth, tests, captures, masking), paced by the
 * API's rate limits, with a delay between requests, stop at the first failure (bail), and cancel.
 */
export async function runCollection(parts: RunEngineParts, settings: RunSettings): Promise<RunOutcome> {
  const { steps, iterations, signal } = settings;
  const pacer = new Pacer(settings.pacing);
  const results: RunResult[] = [];
  const started = performance.now();
  const planned = steps.length * iterations.length;
  const progress = settings.onProgress ?? (() => undefined);
  const overrideValues = layerValues(settings.overrides);
  const secrets = () => [...parts.knownSecrets(), ...overrideValues];
  let inFlight: string | undefined;
  const onAbort = () => {
    if (inFlight) parts.cancelSend(inFlight);
  };
  signal?.addEventListener('abort', onAbort);
  let outcome: RunOutcome['outcome'] = 'completed';

  /** Waits `ms` with a progress event saying until when and why; false when the run was cancelled. */
  const wait = async (
    ms: number,
    reason: 'rate-limit' | 'delay',
    why: string,
    at: { iteration: number; index: number; name: string },
  ) => {
    progress({ kind: 'waiting', reason, ...at, untilEpochMs: Date.now() + ms, why });
    await pause(ms, signal);
    return !signal?.aborted;
  };

  try {
    run: for (const [i, iteration] of iterations.entries()) {
      const number = i + 1;
      const data: VariableLayer | undefined =
        Object.keys(iteration.values).length > 0
          ? {
              label: `row ${number} of ${settings.dataName ?? 'the data file'}`,
              variables: Object.fromEntries(
                Object.entries(iteration.values).map(([name, value]) => [name, { value }]),
              ),
            }
          : undefined;
      const layers: RunLayers = {
        ...(settings.overrides ? { overrides: settings.overrides } : {}),
        ...(data ? { data } : {}),
      };
      for (const [index, step] of steps.entries()) {
        const at = { iteration: number, index, name: step.request.name };
        if (signal?.aborted) {
          outcome = 'cancelled';
          break run;
        }
        if (results.length > 0 && settings.delayMs > 0) {
          const delay = `the run's delay of ${settings.delayMs} ms between requests`;
          if (!(await wait(settings.delayMs, 'delay', delay, at))) {
            outcome = 'cancelled';
            break run;
          }
        }
        progress({ kind: 'step', ...at });
        const result = await runStep(step, at, layers);
        if (result === undefined) {
          outcome = 'cancelled';
          break run;
        }
        const shown = maskResult(result, secrets());
        results.push(shown);
        progress({ kind: 'row', row: shown });
        if (settings.bail && !shown.passed) {
          outcome = 'bailed';
          break run;
        }
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  return {
    results,
    outcome,
    planned,
    notRun: planned - results.length,
    durationMs: performance.now() - started,
  };

  /** One request of one iteration; undefined when the run was cancelled before it finished. */
  async function runStep(
    step: RunStep,
    at: { iteration: number; index: number; name: string },
    layers: RunLayers,
  ): Promise<RunResult | undefined> {
    const { request } = step;
    const location = { draft: request.draft, savedRequestId: request.id };
    // As the send computes it (the same module): for the report, the pacer's key and the precheck.
    // A folder whose settings cannot be read refuses the send (its auth is unknown): that request fails.
    let draft = request.draft;
    let refused: string | undefined;
    try {
      draft = effectiveDraft(settings.workspace, location);
    } catch (error) {
      refused = error instanceof Error ? error.message : String(error);
    }
    const result = emptyResult(step, draft, at.iteration, at.index);
    const host = URL.parse(draft.url)?.host ?? draft.url;
    const key = rateLimitKey(host, draft.auth.type === 'none' ? undefined : draft.auth.credentialId);
    const begin = performance.now();
    result.error = refused ?? settings.precheck?.(request, draft, layers);
    for (let attempt = 0; attempt < 4 && result.error === undefined; attempt += 1) {
      const pace = pacer.before(key);
      if (pace && 'refuse' in pace) {
        result.error = pace.refuse;
        break;
      }
      if (pace) {
        if (!(await wait(pace.waitMs, 'rate-limit', pace.why, at))) return undefined;
        result.waitedMs += pace.waitMs;
      }
      const requestId = `${settings.idPrefix}-${at.iteration}-${at.index}-${attempt}`;
      inFlight = requestId;
      let sent: RunSendResult;
      try {
        sent = await parts.sendInRun(
          {
            requestId,
            ...location,
            name: request.name,
            environmentId: settings.environmentId,
            ...(settings.jarWorkspaceId ? { workspaceId: settings.jarWorkspaceId } : {}),
            options: { timeoutMs: settings.timeoutMs, connectTimeoutMs: 10_000 },
          },
          { layers, history: settings.history },
        );
      } catch (error) {
        if (signal?.aborted) return undefined;
        const callError =
          error instanceof LanternError
            ? { code: error.code, message: error.message }
            : { code: 'internal', message: error instanceof Error ? error.message : String(error) };
        result.error = callError.message;
        result.findings = diagnose({ draft, error: callError, nowMs: Date.now() });
        break;
      } finally {
        inFlight = undefined;
      }
      const { exchange } = sent;
      if (sent.historyId) result.historyId = sent.historyId;
      result.status = exchange.response.status;
      if (exchange.tests) result.tests = exchange.tests;
      else delete result.tests;
      if (exchange.captures) result.captures = exchange.captures;
      else delete result.captures;
      result.statusText = exchange.response.statusText;
      result.rateLimit = pacer.after(key, exchange.response.headers, exchange.response.status);
      // The findings the main side attached, as the app shows them (tokens, schema and registry known).
      result.findings =
        exchange.findings ?? diagnose({ draft, exchange, rateLimit: result.rateLimit, nowMs: Date.now() });
      if (exchange.response.status !== 429) break;
      result.rateLimited += 1;
    }
    result.durationMs = performance.now() - begin;
    // A status test of its own (or its folders') replaces the default "2xx"; every test and capture counts.
    if (result.status !== undefined)
      result.statusMet = hasStatusTest(draft) || matchesExpectation(result.status, request.expectStatus);
    result.passed =
      result.error === undefined &&
      result.statusMet === true &&
      (result.tests ?? []).every((t) => t.passed) &&
      (result.captures ?? []).every((c) => c.ok);
    return result;
  }
}
