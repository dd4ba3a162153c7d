import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import type { AssertionResult } from '../../../shared/assertions/model';
import type { Finding } from '../../../shared/diagnose/types';
import {
  jsonReport,
  junitReport,
  textLine,
  textReport,
  textSummary,
  type RunResult,
  type RunSummary,
} from './reporters';

const unauthorized: Finding = {
  id: 'rest.401',
  severity: 'error',
  title: 'The API did not accept the token (401)',
  explanation: 'The server answered 401 with `invalid_token`: the token expired or was revoked.',
  fix: 'Get a new token, or check that the credential belongs to this site.',
  evidence: [{ kind: 'response-header', name: 'www-authenticate', value: 'Bearer error="invalid_token"' }],
};
const tlsOff: Finding = {
  id: 'network.tls-unverified',
  severity: 'warning',
  title: 'TLS verification was off',
  explanation: 'Anyone between you and the server could have read or changed this exchange.',
  fix: 'Turn verification back on, and add the CA file if the server uses a private CA.',
  evidence: [{ kind: 'timing', name: 'tls', value: 'self-signed certificate' }],
};

const result = (patch: Partial<RunResult>): RunResult => ({
  id: 'r',
  name: 'Users',
  folder: 'Admin',
  method: 'GET',
  url: 'https://api.example.com/users',
  status: 200,
  statusText: 'OK',
  expected: '2xx',
  passed: true,
  durationMs: 10,
  findings: [],
  rateLimited: 0,
  waitedMs: 0,
  ...patch,
});

const summaryOf = (results: RunResult[]): RunSummary => ({
  workspace: 'W',
  total: results.length,
  passed: results.filter((r) => r.passed).length,
  failed: results.filter((r) => !r.passed).length,
  warned: results.filter((r) => r.passed && r.findings.some((f) => f.severity !== 'info')).length,
  rateLimited: 0,
  waitedMs: 0,
  durationMs: 10,
  results,
});

const failing = result({ status: 401, statusText: 'Unauthorized', passed: false, findings: [unauthorized] });
const warned = result({ findings: [tlsOff] });
const unreadable = result({
  id: 'admin/broken.request.yaml',
  name: 'admin/broken.request.yaml',
  folder: '',
  method: '',
  url: '',
  passed: false,
  unreadableFile: 'admin/broken.request.yaml',
  error: 'admin/broken.request.yaml:3: The file is not valid YAML (a merge conflict marker?).',
});

describe('reporters tell the whole finding', () => {
  it('text: a failing request is followed by why and the fix; TLS off passes as WARN with its fix', () => {
    expect(textLine(failing)).toContain('FAIL  GET    Admin / Users  401 Unauthorized (expected 2xx)');
    expect(textLine(failing)).toContain(`why: ${unauthorized.explanation}`);
    expect(textLine(failing)).toContain(`fix: ${unauthorized.fix}`);
    expect(textLine(warned)).toMatch(/^WARN {2}GET/);
    expect(textLine(warned)).toContain(`⚠ ${tlsOff.title}`);
    expect(textLine(warned)).toContain(`fix: ${tlsOff.fix}`);
    expect(textSummary(summaryOf([warned, failing]))).toMatch(
      /^\n1 passed \(1 with warnings\), 1 failed of 2/,
    );
  });

  it('JSON: every finding whole, with explanation, fix and evidence', () => {
    const report = JSON.parse(jsonReport(summaryOf([failing]))) as RunSummary;
    expect(report.results[0]?.findings).toEqual([unauthorized]);
  });

  it('JUnit: the failure text holds the explanation and the fix; a warning on a pass is in system-out', () => {
    const xml = junitReport(summaryOf([failing, warned]));
    expect(xml).toContain('Why: The server answered 401 with `invalid_token`');
    expect(xml).toContain('Fix: Get a new token');
    expect(xml).toContain(
      'Evidence: response-header www-authenticate Bearer error=&quot;invalid_token&quot;',
    );
    expect(xml).toMatch(/<system-out>\[warning\] TLS verification was off/);
  });

  it('an unreadable request file is a failure in every reporter, named with its path and reason', () => {
    const summary = summaryOf([result({}), unreadable]);
    expect(summary.failed).toBe(1);
    expect(textLine(unreadable)).toBe(
      'FAIL  admin/broken.request.yaml  admin/broken.request.yaml:3: The file is not valid YAML (a merge conflict marker?).',
    );
    expect(JSON.parse(jsonReport(summary)).results[1].unreadableFile).toBe('admin/broken.request.yaml');
    const xml = junitReport(summary);
    expect(xml).toContain('<testsuite name="unreadable files" tests="1" failures="1"');
    expect(xml).toContain('type="unreadable-file"');
  });
});

describe('the JUnit report per request and iteration', () => {
  const assertion = (expected: string, actual: string, passed: boolean): AssertionResult => ({
    assertion: { enabled: true, target: 'jsonPath', path: '$.data.email', op: 'equals', expected },
    passed,
    actual,
    expected,
    path: '$.data.email',
    message: passed ? `${actual} equals ${expected}.` : `${actual} is not ${expected}.`,
  });
  const iterations = [1, 2].map((iteration) =>
    result({
      iteration,
      index: 0,
      passed: iteration === 1,
      status: iteration === 1 ? 200 : 404,
      statusText: iteration === 1 ? 'OK' : 'Not Found',
      statusMet: iteration === 1,
      tests: [
        assertion(
          'ada@example.com',
          iteration === 1 ? 'ada@example.com' : 'grace@example.com',
          iteration === 1,
        ),
      ],
      captures: [
        {
          name: 'userId',
          scope: 'run',
          secret: false,
          ok: false,
          path: '$.data.id',
          message: 'Nothing was found at $.data.id.',
        },
      ],
    }),
  );
  const summary: RunSummary = {
    ...summaryOf([...iterations, unreadable]),
    iterations: 2,
    data: 'users.csv',
    outcome: 'bailed',
    notRun: 3,
  };

  it('has a testsuite per request and iteration: the status, each test, each failed capture', () => {
    const xml = junitReport(summary);
    expect(xml).toContain('<testsuite name="GET Admin / Users [iteration 1]" tests="3" failures="1"');
    expect(xml).toContain('<testsuite name="GET Admin / Users [iteration 2]" tests="3" failures="3"');
    expect(xml).toContain(
      '<testcase classname="GET Admin / Users [iteration 1]" name="status 2xx" time="0.010"/>',
    );
    expect(xml).toContain(
      '<failure message="Status 404 is not the expected 2xx." type="status">GET https://api.example.com/users\nexpected: 2xx\nactual: 404 Not Found</failure>',
    );
    expect(xml).toContain(
      '<failure message="grace@example.com is not ada@example.com." type="assertion">$.data.email\nexpected: ada@example.com\nactual: grace@example.com</failure>',
    );
    expect(xml).toContain('name="capture {{userId}} from $.data.id"');
    expect(xml).toContain(
      '<system-out>Stopped at the first failure (bail): 3 requests did not run.</system-out>',
    );
  });

  it("passes the JUnit schema Jenkins' xUnit plugin reads (junit-10.xsd)", async () => {
    const schema = await readFile(path.join(import.meta.dirname, 'fixtures/junit-10.xsd'), 'utf8');
    for (const report of [summary, summaryOf([result({})]), summaryOf([])]) {
      const checked = await validateXML({
        xml: { fileName: 'report.xml', contents: junitReport(report) },
        schema: { fileName: 'junit-10.xsd', contents: schema },
      });
      expect(checked.errors).toEqual([]);
      expect(checked.valid).toBe(true);
    }
  });

  it('text and JSON say the iteration of each result and why the run stopped', () => {
    const text = textReport(summary);
    expect(text).toMatch(/^Iteration 1 of 2 \(row 1 of users\.csv\)\nPASS/);
    expect(text).toContain('\n\nIteration 2 of 2 (row 2 of users.csv)\nFAIL');
    expect(text).toMatch(
      /over 2 iterations in 0\.0 s\.\nStopped at the first failure \(bail\): 3 requests did not run\.\n$/,
    );
    const json = JSON.parse(jsonReport(summary)) as RunSummary;
    expect(json.results.map((r) => r.iteration)).toEqual([1, 2, undefined]);
    expect(json).toMatchObject({ iterations: 2, outcome: 'bailed', notRun: 3 });
    expect(json.results[1]?.tests?.[0]).toEqual(iterations[1]?.tests?.[0]);
  });
});
