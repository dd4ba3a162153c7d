/**
 * The collection runner (issue 15 §3–4) against the sandbox's iHASCO API, in `lantern run` (its own
 * process) and through the app's runner handlers: data rows reach the server, pacing keeps under a
 * small rate limit, --bail stops, overrides stay masked and off the disk, History only when asked,
 * and a run in the app can be cancelled.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { repoRoot, runLanternCli } from '../../test-support/processes';
import { dispatch } from '../../shared/dispatch';
import type { EventName, EventPayload } from '../../shared/contract';
import { createServices } from '../../electron/services/create-services';
import { initWorkspace, WorkspaceStore } from '../../electron/services/workspace';
import type { RunSummary } from '../../electron/services/runner/reporters';
import { maskSecret } from '../../shared/model/auth';
import type { SavedRequest } from '../../shared/model/collection';
import type { RequestDraft } from '../../shared/model/request';
import { startSandbox, type RunningSandbox } from '../index';

let scratch: string;
let sandbox: RunningSandbox;
let dataDir: string;
let credentialId: string;
let users: { id: number; first_name: string }[];

/** The real `lantern` in its own process, with extra environment variables (LANTERN_VAR_…). */
const lantern = (args: string[], env: Record<string, string> = {}) => runLanternCli(args, '', env);

const draft = (method: string, url: string, patch: Partial<RequestDraft> = {}): RequestDraft => ({
  method,
  url,
  headers: [],
  body: { mode: 'none' },
  auth: { type: 'bearer', credentialId },
  ...patch,
});

/** Rename a user to the row's name, then read it back; a top-level request comes last (sidebar order). */
function renameRequests(base: string): {
  folder: Omit<SavedRequest, 'inheritAuth'>[];
  top: Omit<SavedRequest, 'inheritAuth'>[];
} {
  return {
    folder: [
      {
        id: 'rename',
        name: 'Rename',
        draft: draft('PATCH', `${base}/ihasco/users/{{userId}}`, {
          body: { mode: 'json', text: '{"first_name":"{{firstName}}"}' },
          tests: [
            {
              enabled: true,
              target: 'jsonPath',
              path: '$.data.first_name',
              op: 'equals',
              expected: '{{firstName}}',
            },
          ],
        }),
      },
      {
        id: 'check',
        name: 'Check',
        draft: draft('GET', `${base}/ihasco/users/{{userId}}`, {
          tests: [
            { enabled: true, target: 'jsonPath', path: '$.data.id', op: 'equals', expected: '{{userId}}' },
          ],
        }),
      },
    ],
    top: [{ id: 'top', name: 'List', draft: draft('GET', `${base}/ihasco/users`) }],
  };
}

async function makeWorkspace(
  name: string,
  requests: { folder: Omit<SavedRequest, 'inheritAuth'>[]; top: Omit<SavedRequest, 'inheritAuth'>[] },
): Promise<string> {
  const dir = path.join(scratch, name);
  await initWorkspace(dir, name);
  const store = await WorkspaceStore.open(dir, { watch: false });
  // The top-level request is created first: the sidebar still lists it after the folder.
  for (const request of requests.top)
    await store.createRequest(store.workspace.root.id, { ...request, inheritAuth: true });
  const folder = await store.createFolder(store.workspace.root.id, { name: 'Users' });
  for (const request of requests.folder)
    await store.createRequest(folder.id, { ...request, inheritAuth: true });
  store.close();
  return dir;
}

async function firstNameOf(id: number): Promise<string> {
  const response = await fetch(`${sandbox.url}/ihasco/users/${id}`, {
    headers: { authorization: `Bearer ${sandbox.credentials.ihasco.token}` },
  });
  return ((await response.json()) as { data: { first_name: string } }).data.first_name;
}

const csvFor = (names: string[]) =>
  `userId,firstName\r\n${names.map((n, i) => `${users[i]?.id},"${n}"`).join('\r\n')}\r\n`;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

let renameDir: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'lantern-runner-'));
  sandbox = await startSandbox({ port: 0, restRateLimit: 200, restWindowMs: 1_000 });
  dataDir = path.join(scratch, 'data');
  const services = createServices({ mode: 'browser', version: 'test', dataDir, emit: () => undefined });
  const saved = await dispatch(services.handlers, 'saveCredential', {
    kind: 'bearer',
    label: 'Sandbox iHASCO token',
    fields: {},
    secret: sandbox.credentials.ihasco.token,
  });
  await services.close();
  if (!saved.ok) throw new Error(saved.error.message);
  credentialId = (saved.value as { id: string }).id;
  const list = await fetch(`${sandbox.url}/ihasco/users`, {
    headers: { authorization: `Bearer ${sandbox.credentials.ihasco.token}` },
  });
  users = ((await list.json()) as { data: { id: number; first_name: string }[] }).data.slice(0, 3);
  renameDir = await makeWorkspace('rename', renameRequests(sandbox.url));
}, 30_000);

afterAll(async () => {
  await sandbox?.close();
  await rm(scratch, { recursive: true, force: true });
});

const shapeOf = (summary: Pick<RunSummary, 'results'>) =>
  summary.results.map((r) => [r.iteration, r.name, r.passed, (r.tests ?? []).map((t) => t.passed)]);

let cliShape: unknown;

describe('lantern run with a data file', () => {
  it('runs every request once per CSV row, in the sidebar order, and the rows reach the server', async () => {
    const csv = path.join(scratch, 'users.csv');
    await writeFile(csv, `\uFEFF${csvFor(['Ada', 'Grace, the Admiral', 'Lin'])}`);
    const run = await lantern(['run', renameDir, '--data', csv, '--reporter', 'json', '--data-dir', dataDir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as RunSummary;
    expect(summary).toMatchObject({
      iterations: 3,
      data: 'users.csv',
      outcome: 'completed',
      notRun: 0,
      total: 9,
      failed: 0,
    });
    expect(summary.results.map((r) => `${r.iteration}:${r.name}`)).toEqual([
      '1:Rename',
      '1:Check',
      '1:List',
      '2:Rename',
      '2:Check',
      '2:List',
      '3:Rename',
      '3:Check',
      '3:List',
    ]);
    expect(await Promise.all(users.map((u) => firstNameOf(u.id)))).toEqual([
      'Ada',
      'Grace, the Admiral',
      'Lin',
    ]);
    cliShape = shapeOf(summary);
  }, 60_000);

  it('prints an iteration heading per row in the text report', async () => {
    const json = path.join(scratch, 'users.json');
    await writeFile(
      json,
      JSON.stringify(users.slice(0, 2).map((u, i) => ({ userId: u.id, firstName: `Json${i}` }))),
    );
    const run = await lantern(['run', renameDir, '--data', json, '--data-dir', dataDir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Iteration 1 of 2 \(row 1 of users\.json\)\nPASS {2}PATCH {2}Users \/ Rename/,
    );
    expect(run.stdout).toContain('\n\nIteration 2 of 2 (row 2 of users.json)\n');
    expect(run.stdout).toMatch(/6 passed, 0 failed of 6 over 2 iterations in/);
    expect(await firstNameOf(users[1]?.id ?? 0)).toBe('Json1');
  }, 60_000);

  it('refuses a bad data file before sending anything, naming the line', async () => {
    const csv = path.join(scratch, 'ragged.csv');
    await writeFile(csv, 'userId,firstName\n1,Ok\n2\n');
    const before = await firstNameOf(users[0]?.id ?? 0);
    const run = await lantern(['run', renameDir, '--data', csv, '--data-dir', dataDir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'lantern: ragged.csv, line 3: this row has 1 value but the header names 2 columns. Every row needs one value per column (quote a value that holds a comma).\n',
    );
    expect(await firstNameOf(users[0]?.id ?? 0)).toBe(before);
  }, 30_000);
});

describe('the app runner', () => {
  it('runs the same data through startRun, with progress events, History ids and the same results', async () => {
    const events: { name: EventName; payload: unknown }[] = [];
    let finished: (value: EventPayload<'runFinished'>) => void = () => undefined;
    const done = new Promise<EventPayload<'runFinished'>>((resolve) => (finished = resolve));
    const services = createServices({
      mode: 'browser',
      version: 'test',
      dataDir,
      emit: (name, payload) => {
        events.push({ name, payload });
        if (name === 'runFinished') finished(payload as EventPayload<'runFinished'>);
      },
    });
    try {
      const opened = await dispatch(services.handlers, 'openWorkspace', { path: renameDir });
      if (!opened.ok) throw new Error(opened.error.message);
      const refused = await dispatch(services.handlers, 'startRun', { order: ['nope'] });
      expect(refused).toMatchObject({ ok: false, error: { code: 'runner.unknown-request' } });
      expect(refused).toMatchObject({
        ok: false,
        error: {
          message: expect.stringMatching(
            /^The run order names a request \(id "nope"\) that is not in the workspace "rename"/,
          ),
        },
      });
      expect(
        await dispatch(services.handlers, 'startRun', { order: ['top'], folderId: 'nope' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'runner.unknown-folder' },
      });
      expect(
        await dispatch(services.handlers, 'startRun', {
          order: ['rename'],
          data: { fileName: 'bad.json', text: '[{"userId": {"id": 1}}]' },
        }),
      ).toMatchObject({
        ok: false,
        error: {
          code: 'runner.bad-data',
          message: expect.stringMatching(/^bad\.json: row 1, "userId" is an object/),
        },
      });
      expect(
        await dispatch(services.handlers, 'startRun', {
          order: ['rename'],
          iterations: 2,
          data: { fileName: 'users.csv', text: csvFor(['One']) },
        }),
      ).toMatchObject({
        ok: false,
        error: {
          message:
            'users.csv has 1 row, so the run has 1 iteration, not 2. Leave the iteration count out with a data file.',
        },
      });
      const started = await dispatch(services.handlers, 'startRun', {
        order: ['rename', 'check', 'top'],
        data: { fileName: 'users.csv', text: csvFor(['AppAda', 'AppGrace', 'AppLin']) },
      });
      expect(started).toMatchObject({
        ok: true,
        value: { iterations: 3, requests: 3, columns: ['userId', 'firstName'] },
      });
      const end = await done;
      expect(end).toMatchObject({ outcome: 'completed', totals: { planned: 9, done: 9, failed: 0 } });
      expect(await Promise.all(users.map((u) => firstNameOf(u.id)))).toEqual([
        'AppAda',
        'AppGrace',
        'AppLin',
      ]);
      const rows = events.flatMap((e) =>
        e.name === 'runProgress' && (e.payload as EventPayload<'runProgress'>).row
          ? [(e.payload as EventPayload<'runProgress'>).row]
          : [],
      );
      expect(
        rows.map((r) => [r?.iteration, r?.name, r?.passed, (r?.tests ?? []).map((t) => t.passed)]),
      ).toEqual(cliShape);
      // Each row opens its exchange in History.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const entry = await dispatch(services.handlers, 'getHistoryEntry', { id: rows[0]?.historyId });
      expect(entry).toMatchObject({ ok: true, value: { exchange: { request: { method: 'PATCH' } } } });
      const report = await dispatch(services.handlers, 'runReport', { runId: end.runId, format: 'junit' });
      if (!report.ok) throw new Error(report.error.message);
      const xsd = await readFile(
        path.join(repoRoot, 'electron/services/runner/fixtures/junit-10.xsd'),
        'utf8',
      );
      const checked = await validateXML({
        xml: { fileName: 'run.xml', contents: (report.value as { text: string }).text },
        schema: { fileName: 'junit-10.xsd', contents: xsd },
      });
      expect(checked.errors).toEqual([]);
    } finally {
      await services.close();
    }
  }, 60_000);
});

describe('lantern run flags', () => {
  it('paces a run under a small rate limit: every iteration, zero 429s', async () => {
    sandbox.configure({ restRateLimit: 4, restWindowMs: 1_000 });
    try {
      const run = await lantern(
        [
          'run',
          renameDir,
          '--iterations',
          '4',
          '--rate-window',
          '1',
          '--reporter',
          'json',
          '--data-dir',
          dataDir,
        ],
        {
          LANTERN_VAR_userId: String(users[0]?.id),
          LANTERN_VAR_firstName: 'Paced',
        },
      );
      const summary = JSON.parse(run.stdout) as RunSummary;
      expect(summary).toMatchObject({ iterations: 4, total: 12, failed: 0, rateLimited: 0 });
      expect(summary.waitedMs).toBeGreaterThan(0);
      expect(run.stderr).toMatch(
        /… waiting \d+\.\d s before "[A-Za-z]+": the rate-limit budget is used up\./,
      );
      expect(run.code).toBe(0);
    } finally {
      sandbox.configure({ restRateLimit: 200, restWindowMs: 1_000 });
    }
  }, 90_000);

  it('--bail stops at the first failed request and says how many did not run', async () => {
    const dir = await makeWorkspace('bail', {
      folder: [
        { id: 'ok', name: 'Fine', draft: draft('GET', `${sandbox.url}/ihasco/users`) },
        { id: 'missing', name: 'Missing', draft: draft('GET', `${sandbox.url}/ihasco/users/999999`) },
        { id: 'after', name: 'After', draft: draft('GET', `${sandbox.url}/ihasco/users`) },
      ],
      top: [],
    });
    const text = await lantern(['run', dir, '--bail', '--iterations', '2', '--data-dir', dataDir]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('FAIL  GET    Users / Missing  404');
    expect(text.stdout).not.toContain('After');
    expect(text.stdout).toMatch(
      /1 passed, 1 failed of 2 over 2 iterations in [\d.]+ s\.\nStopped at the first failure \(bail\): 4 requests did not run\.\n$/,
    );
    const junit = await lantern(['run', dir, '--bail', '--reporter', 'junit', '--data-dir', dataDir]);
    expect(junit.stdout).toContain('<testsuite name="not run" tests="0" failures="0" errors="0" skipped="1"');
    expect(junit.stdout).toContain(
      '<system-out>Stopped at the first failure (bail): 1 request did not run.</system-out>',
    );
  }, 60_000);

  it('masks --env-var and LANTERN_VAR_ values in every reporter and on stderr, and never writes them', async () => {
    const flagSecret = 'flag-secret-7Qx9';
    const envSecret = 'env-secret-K2m4';
    const dir = await makeWorkspace('secrets', {
      folder: [
        {
          id: 'echo',
          name: 'Echo',
          draft: draft('PATCH', `${sandbox.url}/ihasco/users/{{userId}}?tag={{tag}}`, {
            body: { mode: 'json', text: '{"first_name":"{{firstName}}"}' },
            tests: [
              {
                enabled: true,
                target: 'jsonPath',
                path: '$.data.first_name',
                op: 'equals',
                expected: 'someone else',
              },
            ],
          }),
        },
      ],
      top: [],
    });
    const env = { LANTERN_VAR_firstName: envSecret, LANTERN_VAR_tag: 'overridden' };
    const args = [
      'run',
      dir,
      '--env-var',
      `userId=${users[2]?.id}`,
      '--env-var',
      `tag=${flagSecret}`,
      '--data-dir',
      dataDir,
    ];
    for (const reporter of ['text', 'json', 'junit']) {
      const run = await lantern([...args, '--reporter', reporter], env);
      expect(run.code).toBe(1);
      // The server did get the values: the test's actual value is the echo, masked.
      expect(run.stdout).toContain(maskSecret(envSecret));
      for (const secret of [flagSecret, envSecret]) {
        expect(run.stdout).not.toContain(secret);
        expect(run.stderr).not.toContain(secret);
      }
    }
    expect(await firstNameOf(users[2]?.id ?? 0)).toBe(envSecret);
    for (const file of await filesUnder(dataDir)) {
      const content = await readFile(file, 'latin1');
      expect(content.includes(flagSecret) || content.includes(envSecret), file).toBe(false);
    }
  }, 90_000);

  it('writes History only with --history', async () => {
    const own = path.join(scratch, 'history-data');
    const saved = createServices({ mode: 'browser', version: 'test', dataDir: own, emit: () => undefined });
    const credential = await dispatch(saved.handlers, 'saveCredential', {
      kind: 'bearer',
      label: 'Sandbox iHASCO token',
      fields: {},
      secret: sandbox.credentials.ihasco.token,
    });
    await saved.close();
    if (!credential.ok) throw new Error(credential.error.message);
    const dir = await makeWorkspace('history', {
      folder: [],
      top: [
        {
          id: 'one',
          name: 'One',
          draft: {
            ...draft('GET', `${sandbox.url}/ihasco/users`),
            auth: { type: 'bearer', credentialId: (credential.value as { id: string }).id },
          },
        },
      ],
    });
    const entries = async () => {
      const services = createServices({
        mode: 'browser',
        version: 'test',
        dataDir: own,
        emit: () => undefined,
      });
      try {
        const list = await dispatch(services.handlers, 'listHistory', {});
        if (!list.ok) throw new Error(list.error.message);
        return (list.value as { entries: { name?: string }[] }).entries;
      } finally {
        await services.close();
      }
    };
    expect((await lantern(['run', dir, '--data-dir', own])).code).toBe(0);
    expect(await entries()).toEqual([]);
    expect((await lantern(['run', dir, '--history', '--data-dir', own])).code).toBe(0);
    expect((await entries()).map((e) => e.name)).toEqual(['One']);
  }, 60_000);
});

describe('cancelling a run in the app', () => {
  it('stops after the request in flight, keeps the rows so far, and says how many did not run', async () => {
    let finished: (value: EventPayload<'runFinished'>) => void = () => undefined;
    const done = new Promise<EventPayload<'runFinished'>>((resolve) => (finished = resolve));
    let firstRow: () => void = () => undefined;
    const oneRow = new Promise<void>((resolve) => (firstRow = resolve));
    const waits: string[] = [];
    const services = createServices({
      mode: 'browser',
      version: 'test',
      dataDir,
      emit: (name, payload) => {
        if (name === 'runFinished') finished(payload as EventPayload<'runFinished'>);
        const progress = payload as EventPayload<'runProgress'>;
        if (name === 'runProgress' && progress.row) firstRow();
        if (name === 'runProgress' && progress.waiting) waits.push(progress.waiting.why);
      },
    });
    try {
      const opened = await dispatch(services.handlers, 'openWorkspace', { path: renameDir });
      if (!opened.ok) throw new Error(opened.error.message);
      const started = await dispatch(services.handlers, 'startRun', {
        order: ['check', 'top'],
        iterations: 5,
        delayMs: 2_000,
      });
      if (!started.ok) throw new Error(started.error.message);
      const { runId } = started.value as { runId: string };
      await oneRow;
      expect(await dispatch(services.handlers, 'cancelRun', { runId })).toEqual({
        ok: true,
        value: { cancelled: true },
      });
      const end = await done;
      expect(end).toMatchObject({
        outcome: 'cancelled',
        totals: { planned: 10, done: 1 },
        message: 'Cancelled: 9 requests did not run.',
      });
      expect(waits).toContain("the run's delay of 2000 ms between requests");
      expect(await dispatch(services.handlers, 'cancelRun', { runId })).toEqual({
        ok: true,
        value: { cancelled: false },
      });
      const report = await dispatch(services.handlers, 'runReport', { runId, format: 'json' });
      if (!report.ok) throw new Error(report.error.message);
      expect(JSON.parse((report.value as { text: string }).text)).toMatchObject({
        outcome: 'cancelled',
        notRun: 9,
        total: 1,
      });
    } finally {
      await services.close();
    }
  }, 60_000);
});
