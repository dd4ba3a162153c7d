import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/diagnose/types';
import { jsonReport, junitReport, textLine, textSummary, type RunResult, type RunSummary } from './reporters';

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
