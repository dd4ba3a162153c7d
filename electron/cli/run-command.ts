import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { folderChain } from '../../shared/collections/effective-request';
import type { WorkspaceView } from '../../shared/calls/workspace-calls';
import type { CallOutput } from '../../shared/contract';
import { diagnose } from '../../shared/diagnose';
import { dispatch } from '../../shared/dispatch';
import type { Folder, SavedRequest } from '../../shared/model/collection';
import { GLOBAL_ENVIRONMENT_ID } from '../../shared/model/environment';
import type { RequestDraft } from '../../shared/model/request';
import type { Exchange } from '../../shared/model/response';
import { rateLimitKey } from '../../shared/ratelimit';
import { resolveDraft } from '../../shared/template';
import { defaultDataDir } from '../data-dir';
import { createServices } from '../services/create-services';
import { effectiveDraft } from '../services/send/effective-draft';
import { UsageError, type CliCommand } from './args';
import { maskResult, maskText } from './mask-output';
import {
  ENVIRONMENT_EDITOR,
  FOLDER_EDITOR,
  missingSecretsMessage,
  type SecretSource,
} from './missing-secrets';
import { Pacer } from './pacer';
import {
  jsonReport,
  junitReport,
  notableFindings,
  textLine,
  textSummary,
  type RunResult,
  type RunSummary,
} from './reporters';
import { hasStatusTest, matchesExpectation, statusExpectation } from './status-expectation';

type RunOptions = Extract<CliCommand, { command: 'run' }>;
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

interface Planned {
  request: SavedRequest;
  folder: string;
}

function plan(folder: Folder, trail: string[], into: Planned[] = []): Planned[] {
  for (const request of folder.requests) into.push({ request, folder: trail.join('/') });
  for (const child of folder.folders) plan(child, [...trail, child.name], into);
  return into;
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
    const missingSecrets = (request: SavedRequest, draft: RequestDraft): string | undefined => {
      const resolution = resolveDraft(draft, services.environments.scopeFor(environmentId, request.id));
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
    // Whatever a server or an error echoes back is masked before any reporter prints it: with every
    // secret known at that moment, so OAuth tokens and session cookies fetched during the run too.
    let secrets = services.knownSecrets();
    const pacer = new Pacer({
      windowMs: options.rateWindowSeconds * 1000,
      maxWaitMs: options.maxWaitSeconds * 1000,
    });
    const results: RunResult[] = [];
    const started = performance.now();
    const planned = plan(folder, trail);
    for (const [index, { request, folder: folderName }] of planned.entries()) {
      // As the send computes it (the same module): for the report, the pacer's key and the secrets check.
      const location = { draft: request.draft, savedRequestId: request.id };
      // A folder whose settings cannot be read refuses the send (its auth is unknown): that request fails.
      let draft = request.draft;
      let refused: string | undefined;
      try {
        draft = effectiveDraft(view, location);
      } catch (error) {
        refused = error instanceof Error ? error.message : String(error);
      }
      const result: RunResult = {
        id: request.id,
        name: request.name,
        folder: folderName,
        method: draft.method,
        url: draft.url,
        expected: statusExpectation(draft, request.expectStatus),
        passed: false,
        durationMs: 0,
        findings: [],
        rateLimited: 0,
        waitedMs: 0,
      };
      const host = URL.parse(draft.url)?.host ?? draft.url;
      const key = rateLimitKey(host, draft.auth.type === 'none' ? undefined : draft.auth.credentialId);
      const begin = performance.now();
      result.error = refused ?? missingSecrets(request, draft);
      for (let attempt = 0; attempt < 4 && result.error === undefined; attempt += 1) {
        const pace = pacer.before(key);
        if (pace && 'refuse' in pace) {
          result.error = pace.refuse;
          break;
        }
        if (pace) {
          io.err(
            maskText(
              `… waiting ${(pace.waitMs / 1000).toFixed(1)} s before "${request.name}": ${pace.why}.\n`,
              secrets,
            ),
          );
          await sleep(pace.waitMs);
          result.waitedMs += pace.waitMs;
        }
        const sent = await dispatch(services.handlers, 'send', {
          requestId: `cli-${index}-${attempt}`,
          ...location,
          environmentId,
          options: { timeoutMs: options.timeoutSeconds * 1000, connectTimeoutMs: 10_000 },
        });
        if (!sent.ok) {
          result.error = sent.error.message;
          result.findings = diagnose({ draft, error: sent.error, nowMs: Date.now() });
          break;
        }
        const exchange = sent.value as Exchange;
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
        secrets = services.knownSecrets();
      }
      secrets = services.knownSecrets();
      result.durationMs = performance.now() - begin;
      // A status test of its own (or its folders') replaces the default "2xx"; every test and capture counts.
      if (result.status !== undefined)
        result.statusMet = hasStatusTest(draft) || matchesExpectation(result.status, request.expectStatus);
      result.passed =
        result.error === undefined &&
        result.statusMet === true &&
        (result.tests ?? []).every((t) => t.passed) &&
        (result.captures ?? []).every((c) => c.ok);
      const shown = maskResult(result, secrets);
      results.push(shown);
      if (options.reporter === 'text') io.out(`${textLine(shown)}\n`);
    }
    for (const result of unreadable) {
      results.push(result);
      if (options.reporter === 'text') io.out(`${textLine(result)}\n`);
    }
    const summary: RunSummary = {
      workspace: view.name,
      ...(options.env ? { environment: options.env } : {}),
      total: results.length,
      passed: results.filter((r) => r.passed).length,
      failed: results.filter((r) => !r.passed).length,
      warned: results.filter((r) => r.passed && notableFindings(r).length > 0).length,
      rateLimited: results.reduce((sum, r) => sum + r.rateLimited, 0),
      waitedMs: Math.round(results.reduce((sum, r) => sum + r.waitedMs, 0)),
      durationMs: performance.now() - started,
      assertions: {
        passed: results.reduce((sum, r) => sum + (r.tests ?? []).filter((t) => t.passed).length, 0),
        failed: results.reduce((sum, r) => sum + (r.tests ?? []).filter((t) => !t.passed).length, 0),
      },
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
