/**
 * The `lantern` CLI end to end: the real bin/lantern.mjs in its own process, the app's services
 * on a throw-away data folder, against the sandbox's REST API and Debian's real httpbin.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startHttpbin,
  repoRoot,
  runLanternCli as lantern,
  type RunningProcess,
} from '../../test-support/processes';
import { dispatch } from '../../shared/dispatch';
import { createServices } from '../../electron/services/create-services';
import { initWorkspace, WorkspaceStore } from '../../electron/services/workspace';
import type { SavedRequest } from '../../shared/model/collection';
import type { RequestDraft } from '../../shared/model/request';
import { startSandbox, type RunningSandbox } from '../index';

// jsdom ships no types; its XML parser is all this test needs.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string) => { window: { DOMParser: typeof DOMParser } };
};

const get = (url: string, auth: RequestDraft['auth'] = { type: 'none' }): RequestDraft => ({
  method: 'GET',
  url,
  headers: [],
  body: { mode: 'none' },
  auth,
});

async function workspaceWith(dir: string, requests: Omit<SavedRequest, 'inheritAuth'>[]): Promise<void> {
  await initWorkspace(dir, 'CLI test');
  const store = await WorkspaceStore.open(dir, { watch: false });
  const folder = await store.createFolder(store.workspace.root.id, { name: 'Calls' });
  for (const request of requests) await store.createRequest(folder.id, { ...request, inheritAuth: true });
  store.close();
}

let scratch: string;
let sandbox: RunningSandbox;
let httpbin: RunningProcess;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'lantern-cli-'));
  sandbox = await startSandbox({ port: 0, restRateLimit: 40, restWindowMs: 1_000 });
  httpbin = await startHttpbin();
}, 30_000);

afterAll(async () => {
  await sandbox?.close();
  await httpbin?.stop();
  await rm(scratch, { recursive: true, force: true });
});

describe('lantern run', () => {
  it('paces 300 requests to the sandbox REST API under its rate limit: zero 429s', async () => {
    const dataDir = path.join(scratch, 'data-rest');
    const services = createServices({ mode: 'browser', version: 'test', dataDir, emit: () => undefined });
    const saved = await dispatch(services.handlers, 'saveCredential', {
      kind: 'bearer',
      label: 'Sandbox iHASCO token',
      fields: {},
      secret: sandbox.credentials.ihasco.token,
    });
    await services.close();
    if (!saved.ok) throw new Error(saved.error.message);
    const credentialId = (saved.value as { id: string }).id;
    const dir = path.join(scratch, 'rest-ws');
    const requests = Array.from({ length: 300 }, (_, n) => ({
      id: `users-${n}`,
      name: `Users ${n}`,
      draft: get(`${sandbox.url}/ihasco/users?page=${(n % 3) + 1}`, { type: 'bearer', credentialId }),
    }));
    await workspaceWith(dir, requests);
    const run = await lantern([
      'run',
      dir,
      '--data-dir',
      dataDir,
      '--reporter',
      'json',
      '--rate-window',
      '1',
    ]);
    expect(run.stderr).not.toMatch(/Error:/);
    const report = JSON.parse(run.stdout) as {
      total: number;
      passed: number;
      rateLimited: number;
      waitedMs: number;
      results: { status: number; findings: unknown[]; rateLimit: { policies: { remaining: number }[] } }[];
    };
    expect(report.total).toBe(300);
    expect(report.rateLimited).toBe(0);
    expect(report.results.filter((r) => r.status === 429)).toHaveLength(0);
    expect(report.passed).toBe(300);
    expect(report.waitedMs).toBeGreaterThan(0);
    expect(report.results[0]?.rateLimit.policies[0]?.remaining).toBe(39);
    expect(Array.isArray(report.results[0]?.findings)).toBe(true);
    expect(run.code).toBe(0);
  }, 60_000);

  it('writes valid JUnit XML and exits 1 when a request misses its status expectation', async () => {
    const dir = path.join(scratch, 'httpbin-ws');
    await workspaceWith(dir, [
      { id: 'ok', name: 'Get <ok> & fine', draft: get(`${httpbin.url}/get`) },
      { id: 'teapot', name: 'Teapot expected', draft: get(`${httpbin.url}/status/418`), expectStatus: '418' },
      { id: 'broken', name: 'Server error', draft: get(`${httpbin.url}/status/500`) },
    ]);
    const run = await lantern([
      'run',
      dir,
      '--data-dir',
      path.join(scratch, 'data-junit'),
      '--reporter',
      'junit',
    ]);
    expect(run.code).toBe(1);
    const document = new new JSDOM('').window.DOMParser().parseFromString(run.stdout, 'text/xml');
    expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
    const suites = document.documentElement;
    expect(suites.tagName).toBe('testsuites');
    // The teapot's expectStatus is a status test now: one more testcase, grouped under its request.
    expect(suites.getAttribute('tests')).toBe('4');
    expect(suites.getAttribute('failures')).toBe('1');
    const cases = [...document.getElementsByTagName('testcase')];
    // A testsuite per request: its status expectation (or, with a status test, the send), then its tests.
    expect(cases.map((c) => [c.getAttribute('classname'), c.getAttribute('name')])).toEqual([
      ['GET Calls / Get <ok> & fine', 'status 2xx'],
      ['GET Calls / Teapot expected', 'sent and answered'],
      ['GET Calls / Teapot expected', 'status oneOf 418'],
      ['GET Calls / Server error', 'status 2xx'],
    ]);
    expect(cases[3]?.getElementsByTagName('failure')[0]?.getAttribute('message')).toMatch(/500.*2xx/);
  }, 30_000);

  it('runs one folder in text mode, and refuses an unknown folder with exit code 2', async () => {
    const dir = path.join(scratch, 'httpbin-ws');
    const text = await lantern([
      'run',
      dir,
      '--folder',
      'calls',
      '--data-dir',
      path.join(scratch, 'data-text'),
    ]);
    expect(text.stdout).toMatch(/PASS {2}GET {4}Calls \/ Get <ok> & fine {2}200 OK/);
    const missing = await lantern([
      'run',
      dir,
      '--folder',
      'Nope',
      '--data-dir',
      path.join(scratch, 'data-text'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/There is no folder "Nope"/);
  }, 30_000);
});

describe('lantern import and curl', () => {
  it('imports a Postman collection into a new workspace', async () => {
    const into = path.join(scratch, 'imported');
    const run = await lantern([
      'import',
      path.join(repoRoot, 'shared/importers/fixtures/postman-collection.json'),
      '--into',
      into,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Imported ".+" into .+: \d+ requests/);
    const store = await WorkspaceStore.open(into, { watch: false });
    expect(store.workspace.root.folders).toHaveLength(1);
    store.close();
  }, 30_000);

  it('prints a cURL command as JSON from stdin and from a file; bad input exits 2', async () => {
    const command = `curl 'https://api.example.com/users' -H 'Accept: application/json' --data-raw '{"a":1}'`;
    const fromStdin = await lantern(['curl', '-', '--json'], command);
    expect(fromStdin.code).toBe(0);
    expect(JSON.parse(fromStdin.stdout)).toEqual({
      method: 'POST',
      url: 'https://api.example.com/users',
      headers: [
        { name: 'Accept', value: 'application/json' },
        { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
      ],
      body: { mode: 'raw', text: '{"a":1}' },
    });
    const file = path.join(scratch, 'command.txt');
    await writeFile(file, command);
    expect(JSON.parse((await lantern(['curl', file, '--json'])).stdout).method).toBe('POST');
    expect((await lantern(['curl', path.join(scratch, 'missing.txt'), '--json'])).code).toBe(2);
    expect((await lantern(['curl', '--yaml'])).code).toBe(2);
    expect((await lantern(['fly'])).code).toBe(2);
  }, 30_000);
});
