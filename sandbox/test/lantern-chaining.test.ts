/**
 * Tests and captures (issue 15 §1–2) through the real engine against the sandbox's iHASCO API:
 * list users, capture an id and an email, GET that user and assert the email, PATCH it and assert
 * the echo — in the app's services and in `lantern run`, with the same results.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLanternCli as lantern } from '../../test-support/processes';
import { dispatch } from '../../shared/dispatch';
import { createServices } from '../../electron/services/create-services';
import { initWorkspace, WorkspaceStore } from '../../electron/services/workspace';
import type { SavedRequest } from '../../shared/model/collection';
import type { Exchange } from '../../shared/model/response';
import type { RequestDraft } from '../../shared/model/request';
import { startSandbox, type RunningSandbox } from '../index';

const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string) => { window: { DOMParser: typeof DOMParser } };
};

let scratch: string;
let sandbox: RunningSandbox;
let dataDir: string;
let credentialId: string;
let workspaceDir: string;

function chain(base: string): Omit<SavedRequest, 'inheritAuth'>[] {
  const auth: RequestDraft['auth'] = { type: 'bearer', credentialId };
  const draft = (method: string, url: string, patch: Partial<RequestDraft> = {}): RequestDraft => ({
    method,
    url,
    headers: [],
    body: { mode: 'none' },
    auth,
    ...patch,
  });
  return [
    {
      id: 'list',
      name: 'List users',
      draft: draft('GET', `${base}/ihasco/users`, {
        tests: [
          { enabled: true, target: 'status', op: 'equals', expected: '200' },
          { enabled: true, target: 'jsonPath', path: '$.data', op: 'length', expected: '>0' },
        ],
        captures: [
          { enabled: true, name: 'userId', from: 'jsonPath', path: '$.data[0].id', scope: 'run' },
          { enabled: true, name: 'userEmail', from: 'jsonPath', path: '$.data[0].email', scope: 'run' },
        ],
      }),
    },
    {
      id: 'get',
      name: 'Get that user',
      draft: draft('GET', `${base}/ihasco/users/{{userId}}`, {
        tests: [
          {
            enabled: true,
            target: 'jsonPath',
            path: '$.data.email',
            op: 'equals',
            expected: '{{userEmail}}',
          },
        ],
      }),
    },
    {
      id: 'patch',
      name: 'Rename that user',
      draft: draft('PATCH', `${base}/ihasco/users/{{userId}}`, {
        body: { mode: 'json', text: '{"first_name":"Chained"}' },
        tests: [
          { enabled: true, target: 'jsonPath', path: '$.data.first_name', op: 'equals', expected: 'Chained' },
          { enabled: true, target: 'jsonPath', path: '$.data.id', op: 'equals', expected: '{{userId}}' },
        ],
        captures: [
          { enabled: true, name: 'nothing', from: 'jsonPath', path: '$.data.nickname', scope: 'run' },
        ],
      }),
    },
    {
      id: 'wrong',
      name: 'Expect another email',
      draft: draft('GET', `${base}/ihasco/users/{{userId}}`, {
        tests: [
          {
            enabled: true,
            target: 'jsonPath',
            path: '$.data.email',
            op: 'equals',
            expected: 'nobody@example.com',
          },
        ],
      }),
    },
  ];
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'lantern-chain-'));
  sandbox = await startSandbox({ port: 0, restRateLimit: 100, restWindowMs: 1_000 });
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
  workspaceDir = path.join(scratch, 'ws');
  await initWorkspace(workspaceDir, 'Chain');
  const store = await WorkspaceStore.open(workspaceDir, { watch: false });
  const folder = await store.createFolder(store.workspace.root.id, { name: 'Users' });
  for (const request of chain(sandbox.url))
    await store.createRequest(folder.id, { ...request, inheritAuth: true });
  store.close();
}, 30_000);

afterAll(async () => {
  await sandbox?.close();
  await rm(scratch, { recursive: true, force: true });
});

type Outcome = { tests: [string, boolean][]; captures: [string, boolean][] };
const outcome = (r: Pick<Exchange, 'tests' | 'captures'>): Outcome => ({
  tests: (r.tests ?? []).map((t) => [`${t.path} ${t.assertion.op} ${t.expected}`, t.passed]),
  captures: (r.captures ?? []).map((c) => [c.name, c.ok]),
});

let appOutcomes: Outcome[] = [];

describe('a chain of requests with tests and captures', () => {
  it('runs in the app: captured values reach later requests, and tests pass and fail truly', async () => {
    const services = createServices({ mode: 'browser', version: 'test', dataDir, emit: () => undefined });
    try {
      const opened = await dispatch(services.handlers, 'openWorkspace', { path: workspaceDir });
      if (!opened.ok) throw new Error(opened.error.message);
      const exchanges: Exchange[] = [];
      for (const request of chain(sandbox.url)) {
        const sent = await dispatch(services.handlers, 'send', {
          requestId: `app-${request.id}`,
          draft: request.draft,
          savedRequestId: request.id,
        });
        if (!sent.ok) throw new Error(sent.error.message);
        exchanges.push(sent.value as Exchange);
      }
      const [list, get, patch, wrong] = exchanges;
      const first = (
        JSON.parse(list?.response.body.text ?? '{}') as { data: { id: number; email: string }[] }
      ).data[0];
      expect(list?.captures).toEqual([
        expect.objectContaining({ name: 'userId', ok: true, value: String(first?.id), path: '$.data[0].id' }),
        expect.objectContaining({ name: 'userEmail', ok: true, value: first?.email }),
      ]);
      expect(get?.request.url).toBe(`${sandbox.url}/ihasco/users/${first?.id}`);
      expect(get?.tests).toEqual([
        expect.objectContaining({
          passed: true,
          path: '$.data.email',
          expected: first?.email,
          actual: first?.email,
        }),
      ]);
      expect(patch?.tests?.map((t) => t.passed)).toEqual([true, true]);
      expect(patch?.captures?.[0]).toMatchObject({ ok: false, path: '$.data.nickname' });
      expect(patch?.captures?.[0]?.message).toMatch(
        /^Nothing was found at \$\.data\.nickname\. The body starts "\{"data":/,
      );
      expect(wrong?.tests?.[0]).toMatchObject({
        passed: false,
        expected: 'nobody@example.com',
        actual: first?.email,
        message: `${first?.email} is not nobody@example.com.`,
      });
      // History keeps the same results.
      const history = await dispatch(services.handlers, 'listHistory', {});
      if (!history.ok) throw new Error(history.error.message);
      const newest = (history.value as { entries: { id: string }[] }).entries[0];
      const entry = await dispatch(services.handlers, 'getHistoryEntry', { id: newest?.id });
      expect(JSON.stringify(entry)).toContain('is not nobody@example.com.');
      appOutcomes = exchanges.map(outcome);
    } finally {
      await services.close();
    }
  }, 30_000);

  it('runs the same in lantern run: same results, JUnit testcases per test row, exit code 1', async () => {
    const json = await lantern(['run', workspaceDir, '--data-dir', dataDir, '--reporter', 'json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as {
      passed: number;
      failed: number;
      assertions: { passed: number; failed: number };
      results: { name: string; passed: boolean; tests: Exchange['tests']; captures: Exchange['captures'] }[];
    };
    expect(report.results.map(outcome)).toEqual(appOutcomes);
    expect(report.results.map((r) => [r.name, r.passed])).toEqual([
      ['List users', true],
      ['Get that user', true],
      ['Rename that user', false],
      ['Expect another email', false],
    ]);
    expect(report.assertions).toEqual({ passed: 5, failed: 1 });

    const junit = await lantern(['run', workspaceDir, '--data-dir', dataDir, '--reporter', 'junit']);
    expect(junit.code).toBe(1);
    const document = new new JSDOM('').window.DOMParser().parseFromString(junit.stdout, 'text/xml');
    expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
    const cases = [...document.getElementsByTagName('testcase')];
    // A testsuite per request: 4 status checks (or sends) + 6 test rows + 1 failed capture.
    expect(cases).toHaveLength(11);
    const suites = [...document.getElementsByTagName('testsuite')];
    expect(
      suites.map((s) => [s.getAttribute('name'), s.getAttribute('tests'), s.getAttribute('failures')]),
    ).toEqual([
      ['GET Users / List users', '3', '0'],
      ['GET Users / Get that user', '2', '0'],
      ['PATCH Users / Rename that user', '4', '1'],
      ['GET Users / Expect another email', '2', '1'],
    ]);
    const failed = cases.find((c) =>
      c.getAttribute('name')?.startsWith('$.data.email equals nobody@example.com'),
    );
    expect(failed?.getAttribute('classname')).toBe('GET Users / Expect another email');
    const failure = failed?.getElementsByTagName('failure')[0];
    expect(failure?.getAttribute('type')).toBe('assertion');
    expect(failure?.textContent).toMatch(/expected: nobody@example\.com\nactual: .+@/);

    const text = await lantern(['run', workspaceDir, '--data-dir', dataDir]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('✗ $.data.email equals nobody@example.com');
    expect(text.stdout).toContain('✗ capture {{nothing}}: Nothing was found at $.data.nickname.');
    expect(text.stdout).toContain('Tests: 5 passed, 1 failed.');
    expect(text.stdout).not.toContain(sandbox.credentials.ihasco.token);
  }, 60_000);
});
