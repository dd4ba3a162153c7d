import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { folderChain } from '../../shared/collections/effective-request';
import { sidebarOrder } from '../../shared/collections/sidebar-order';
import type { WorkspaceView } from '../../shared/calls/workspace-calls';
import type { CallOutput } from '../../shared/contract';
import { dispatch } from '../../shared/dispatch';
import type { Folder, SavedRequest } from '../../shared/model/collection';
import { GLOBAL_ENVIRONMENT_ID } from '../../shared/model/environment';
import type { RequestDraft } from '../../shared/model/request';
import { DataFileError, parseDataFile } from '../../shared/runner/data-file';
import { lanternVarsFrom, layerValues, overrideLayer } from '../../shared/runner/run-variables';
import { resolveDraft, type VariableLayer } from '../../shared/template';
import { defaultDataDir } from '../data-dir';
import { createServices } from '../services/create-services';
import type { RunLayers } from '../services/environments/environment-store';
import { maskText } from '../services/runner/mask-output';
import {
  countResults,
  iterationHeading,
  jsonReport,
  junitReport,
  textLine,
  textSummary,
  type RunResult,
  type RunSummary,
} from '../services/runner/reporters';
import { runCollection, type RunIteration } from '../services/runner/run-engine';
import { UnreadableError, UsageError, type CliCommand } from './args';
import {
  ENVIRONMENT_EDITOR,
  FOLDER_EDITOR,
  missingSecretsMessage,
  type SecretSource,
} from './missing-secrets';

type RunOptions = Extract<CliCommand, { command: 'run' }>;
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** `--folder "Admin/Users"`: folder names from the top, compared without case. */
function pickFolder(root: Folder, folderPath: string): { folder: Folder; trail: string[] } {
  let folder = root;
  const trail: string[] = [];
  for (const name of folderPath.split('/').filter((part) => part.trim() !== '')) {
    const next = folder.folders.find((f) => f.name.toLowerCase() === name.trim().toLowerCase());
    if (!next) {
      const names = folder.folders.map((f) => `"${f.name}"`).join(', ') || 'none';
      throw new UsageError(`There is no folder "${name}" in "${folder.name}" (its folders: ${names}).`);
    }
    folder = next;
    trail.push(next.name);
  }
  return { folder, trail };
}

/** A request file Lantern could not read, as a failed result: named with its path and the reason. */
function unreadableResult(file: string, where: string, reason: string): RunResult {
  return {
    id: file,
    name: file,
    folder: '',
    method: '',
    url: '',
    expected: 'a readable file',
    passed: false,
    durationMs: 0,
    error: `${where}: ${reason}`,
    unreadableFile: file,
    findings: [],
    rateLimited: 0,
    waitedMs: 0,
  };
}

/** The iterations: the rows of --data (read and checked before anything is sent), else --iterations repeats. */
async function iterationsOf(options: RunOptions): Promise<RunIteration[]> {
  if (options.data === undefined)
    return Array.from({ length: options.iterations ?? 1 }, () => ({ values: {} }));
  let text: string;
  try {
    text = await readFile(options.data, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnreadableError(
      `--data ${options.data} cannot be read (${code === 'ENOENT' ? 'there is no such file' : ((error as Error).message ?? code)}).`,
    );
  }
  let rows: Record<string, string>[];
  try {
    rows = parseDataFile(path.basename(options.data), text).rows;
  } catch (error) {
    if (error instanceof DataFileError) throw new UnreadableError(error.message);
    throw error;
  }
  if (options.iterations !== undefined && options.iterations !== rows.length)
    throw new UsageError(
      `--data ${options.data} has ${rows.length} rows, so the run has ${rows.length} iterations, not the ${options.iterations} --iterations asks for. Leave --iterations out with --data.`,
    );
  return rows.map((values) => ({ values }));
}

/** --env-var over LANTERN_VAR_<NAME>: above every other variable, and secret. */
function overridesOf(options: RunOptions): VariableLayer | undefined {
  try {
    return overrideLayer(options.envVars, lanternVarsFrom(process.env));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** `lantern run`: the app's services (engine, credentials, environments, vault) driven through `dispatch`. */
export async function runWorkspace(options: RunOptions, io: CliIo): Promise<number> {
  const dir = path.resolve(options.workspace);
  const dataDir = path.resolve(options.dataDir ?? defaultDataDir());
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Opened as the app opens it, so secret folder and environment values come from this data folder's vault.
  const services = createServices({
    mode: 'browser',
    version: 'cli',
    dataDir,
    emit: () => undefined,
    workspaceSession: { watch: false, remember: false },
    // The desktop app may be running on the same data folder: its vault writes must not be undone.
    readOnlyVault: true,
  });
  try {
    const call = async <T>(name: string, input: unknown): Promise<T> => {
      const result = await dispatch(services.handlers, name, input);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as T;
    };
    const opened = await dispatch(services.handlers, 'openWorkspace', { path: dir });
    if (!opened.ok)
      throw new UsageError(`${dir} could not be opened as a workspace: ${opened.error.message}`);
    const view = opened.value as WorkspaceView;
    // A file that cannot be read is a failed request in every report (a merge conflict must not pass
    // CI by vanishing); a warning (an unknown key) is only said on stderr.
    const unreadable: RunResult[] = [];
    for (const problem of view.problems) {
      const where = `${problem.path}${problem.line ? `:${problem.line}` : ''}`;
      if (problem.severity === 'warning') io.err(`lantern: warning: ${where}: ${problem.reason}\n`);
      else unreadable.push(unreadableResult(problem.path, where, problem.reason));
    }
    const { folder, trail } = options.folder
      ? pickFolder(view.root, options.folder)
      : { folder: view.root, trail: [] };
    const environments = await call<CallOutput<'listEnvironments'>>('listEnvironments', {});
    // --env: one of the workspace's environments (by file name or name), else one of the app's.
    let environmentId: string | undefined;
    if (options.env !== undefined) {
      const wanted = options.env.toLowerCase();
      const own = view.environments.find((e) => e.name.toLowerCase() === wanted || e.id === options.env);
      const match = own
        ? environments.find((e) => e.id === view.environmentIds[own.id])
        : environments.find((e) => e.name.toLowerCase() === wanted || e.id === options.env);
      if (!match) {
        const names = [...view.environments.map((e) => e.name), ...environments.map((e) => e.name)];
        throw new UsageError(
          `There is no environment "${options.env}". Known: ${names.map((n) => `"${n}"`).join(', ')}.`,
        );
      }
      environmentId = match.id;
    }
    const vaultProblem = (await call<CallOutput<'vaultStatus'>>('vaultStatus', {})).problem;
    /** Secret variables the send could not fill, in plain words; undefined when there are none. */
    const missingSecrets = (
      request: SavedRequest,
      draft: RequestDraft,
      layers: RunLayers,
    ): string | undefined => {
      const resolution = resolveDraft(
        draft,
        services.environments.scopeFor(environmentId, request.id, layers),
      );
      if (resolution.ok) return undefined;
      const chain = [...(folderChain(view.root, request.id) ?? [])].reverse();
      const chosen = environments.find((e) => e.id === environmentId);
      const globals = environments.find((e) => e.id === GLOBAL_ENVIRONMENT_ID);
      const sources: SecretSource[] = [
        ...chain.map((f) => ({
          label: `the folder "${f.name}"`,
          editor: FOLDER_EDITOR,
          variables: f.variables ?? [],
        })),
        ...(chosen
          ? [{ label: `the "${chosen.name}" environment`, editor: ENVIRONMENT_EDITOR, ...chosen }]
          : []),
        ...(globals ? [{ label: 'the globals', editor: ENVIRONMENT_EDITOR, ...globals }] : []),
      ];
      return missingSecretsMessage(resolution.errors, sources, { dataDir, vaultProblem });
    };
    const iterations = await iterationsOf(options);
    const overrides = overridesOf(options);
    // Whatever a server or an error echoes back is masked before anything is printed: with every
    // secret known at that moment (OAuth tokens and session cookies fetched during the run too)
    // and every --env-var and LANTERN_VAR_ value.
    const mask = (text: string) => maskText(text, [...services.knownSecrets(), ...layerValues(overrides)]);
    const many = iterations.length > 1;
    const shape = {
      iterations: iterations.length,
      ...(options.data ? { data: path.basename(options.data) } : {}),
    };
    let heading: number | undefined;
    const run = await runCollection(
      {
        sendInRun: services.context.sendInRun,
        cancelSend: (requestId) => services.context.engine.cancel({ requestId }),
        knownSecrets: services.knownSecrets,
      },
      {
        workspace: view,
        steps: sidebarOrder(folder, trail),
        iterations,
        ...(shape.data ? { dataName: shape.data } : {}),
        ...(environmentId ? { environmentId } : {}),
        ...(overrides ? { overrides } : {}),
        delayMs: options.delayMs,
        bail: options.bail,
        history: options.history,
        timeoutMs: options.timeoutSeconds * 1000,
        pacing: { windowMs: options.rateWindowSeconds * 1000, maxWaitMs: options.maxWaitSeconds * 1000 },
        idPrefix: 'cli',
        precheck: missingSecrets,
        onProgress: (progress) => {
          if (progress.kind === 'waiting' && progress.reason === 'rate-limit')
            io.err(
              mask(
                `… waiting ${((progress.untilEpochMs - Date.now()) / 1000).toFixed(1)} s before "${progress.name}": ${progress.why}.\n`,
              ),
            );
          if (progress.kind !== 'row' || options.reporter !== 'text') return;
          const { iteration } = progress.row;
          if (many && iteration !== undefined && iteration !== heading) {
            io.out(`${heading === undefined ? '' : '\n'}${iterationHeading(iteration, shape)}\n`);
            heading = iteration;
          }
          io.out(`${textLine(progress.row)}\n`);
        },
      },
    );
    const results: RunResult[] = [...run.results];
    for (const result of unreadable) {
      results.push(result);
      if (options.reporter === 'text') io.out(`${textLine(result)}\n`);
    }
    const summary: RunSummary = {
      workspace: view.name,
      ...(options.env ? { environment: options.env } : {}),
      ...countResults(results),
      durationMs: run.durationMs,
      ...shape,
      outcome: run.outcome,
      notRun: run.notRun,
      results,
    };
    if (options.reporter === 'text') io.out(`${textSummary(summary)}\n`);
    else io.out(options.reporter === 'json' ? jsonReport(summary) : junitReport(summary));
    if (results.length === 0) io.err('lantern: there are no requests to run in that workspace or folder.\n');
    // An unreadable file fails the run even with --folder: which folder it belonged to is unknown.
    return summary.failed > 0 ? 1 : 0;
  } finally {
    await services.close();
  }
}
