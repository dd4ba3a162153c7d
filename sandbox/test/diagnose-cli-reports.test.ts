/**
 * Every API-BEHAVIOUR §6 scenario through `lantern run --reporter json`: a workspace holding the
 * scenario's request, the sandbox's fault switched on, the real CLI on a data folder whose vault
 * holds the cases' credentials. The JSON report must carry each finding whole: the expected cause,
 * with an explanation and a fix in words, not only an id and a title.
 */
import { mkdtempSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run-cli';
import { createServices } from '../../electron/services/create-services';
import { initWorkspace } from '../../electron/services/workspace';
import { keyFileProtector } from '../../electron/services/vault/key-file-protector';
import { Vault } from '../../electron/services/vault/vault';
import { FINDINGS_BY_SCENARIO, type Finding } from '../../shared/diagnose';
import type { RequestDraft } from '../../shared/model/request';
import { encodeRequest } from '../../shared/workspace-format/request-file';
import { cases, type Case } from './diagnose-cases';
import {
  graphql,
  none,
  rawToken,
  services as harness,
  sites,
  startSites,
  STATUS,
  stopSites,
  withHeader,
} from './diagnose-harness';

/**
 * Cases whose first sends prime the harness's own process (a token it holds, then the client is
 * disabled): a `lantern run` process starts with none, so it meets another scenario. Their
 * scenarios are covered by other cases; the test below checks that.
 */
const IN_PROCESS_ONLY = new Set(cases.filter((c) => c.before).map((c) => c.name));

const scratch = mkdtempSync(path.join(tmpdir(), 'lantern-cli-reports-'));
const dataDir = path.join(scratch, 'data');

beforeAll(async () => {
  await startSites();
  // The cases' credentials, kept in a vault `lantern run` reads, under the ids the cases name.
  await Vault.open({ dir: dataDir, protector: keyFileProtector(dataDir) });
  const keeper = createServices({ mode: 'browser', version: 'test', dataDir, emit: () => undefined });
  await keeper.handlers.listCredentials({}); // every handler waits for the vault to open
  for (const credential of harness.auth.credentials.transientCredentials()) {
    keeper.auth.credentials.putTransient(credential);
    await keeper.auth.credentials.persist(credential.id);
  }
  await keeper.close();
});
afterAll(async () => {
  await stopSites();
  await rm(scratch, { recursive: true, force: true });
});

interface Report {
  failed: number;
  results: { findings: Finding[]; error?: string; status?: number }[];
}

let runs = 0;
/** The case's request as the only request of a workspace, run `times` times; the last report. */
async function runThroughCli(testCase: Case, request: RequestDraft): Promise<Report> {
  const dir = path.join(scratch, `ws-${runs++}`);
  await initWorkspace(dir, 'Scenario');
  await writeFile(
    path.join(dir, 'scenario.request.yaml'),
    encodeRequest({ id: 'req_scenario', name: 'Scenario', draft: request, inheritAuth: true }),
  );
  let output = '';
  for (let i = 0; i < (testCase.times ?? 1); i++) {
    output = '';
    await runCli(['run', dir, '--reporter', 'json', '--data-dir', dataDir, '--max-wait', '1'], {
      out: (text) => (output += text),
      err: () => undefined,
    });
  }
  return JSON.parse(output) as Report;
}

/**
 * Scenario 5 in a fresh process: a token fetched by hand before the client is disabled, sent in the
 * Authorization header (the in-process case primes Lantern's own token cache instead).
 */
const clientDisabledLater: Case = {
  scenario: 5,
  name: 'the client is disabled after a token was issued (token fetched by hand)',
  expected: 'totara.auth.client-disabled',
  request: async () => {
    const token = await rawToken();
    sites.sandbox.configure({ clientEnabled: false });
    return graphql(STATUS, { auth: none, headers: withHeader('Authorization', `Bearer ${token}`) });
  },
};

const runnable = [...cases.filter((c) => !IN_PROCESS_ONLY.has(c.name)), clientDisabledLater];

describe('lantern run --reporter json carries each §6 finding whole', () => {
  it('covers every §6 scenario', () => {
    const scenarios = Object.keys(FINDINGS_BY_SCENARIO)
      .map(Number)
      .filter((n) => n > 0 && cases.some((c) => c.scenario === n));
    for (const scenario of scenarios)
      expect(
        runnable.some((c) => c.scenario === scenario),
        `scenario ${scenario}`,
      ).toBe(true);
  });

  it.each(runnable.map((c) => [`${c.scenario || 'net'}: ${c.name}`, c] as const))(
    '%s',
    async (_name, testCase) => {
      sites.sandbox.reset();
      if (testCase.config) sites.sandbox.configure(testCase.config);
      const request = await testCase.request();
      const report = await runThroughCli(testCase, request);
      const findings = report.results[0]?.findings ?? [];
      const allowed = [testCase.expected, ...(testCase.alsoAllowed ?? [])];
      const finding = findings.find((f) => allowed.includes(f.id));
      expect(
        finding,
        `expected ${testCase.expected}, got ${findings.map((f) => f.id).join(', ') || 'nothing'}`,
      ).toBeDefined();
      if (!finding) return;
      // Whole: the cause in words, and what to do, not only the title.
      expect(finding.explanation.length).toBeGreaterThan(40);
      expect(finding.fix.length).toBeGreaterThan(20);
      expect(finding.explanation).not.toBe(finding.title);
      expect(Array.isArray(finding.evidence)).toBe(true);
      if (finding.id === testCase.expected) testCase.check?.(finding);
    },
  );
});
