import type { RateLimitState } from '../../shared/ratelimit';

export interface RunResult {
  id: string;
  name: string;
  /** Folder names from the workspace down, joined with "/". */
  folder: string;
  method: string;
  url: string;
  status?: number;
  statusText?: string;
  expected: string;
  passed: boolean;
  durationMs: number;
  /** Why it failed to send at all (network, auth, variables). */
  error?: string;
  findings: { id: string; severity: string; title: string }[];
  rateLimit?: RateLimitState;
  /** 429 answers met (and waited out) on the way. */
  rateLimited: number;
  waitedMs: number;
}

export interface RunSummary {
  workspace: string;
  environment?: string;
  total: number;
  passed: number;
  failed: number;
  rateLimited: number;
  waitedMs: number;
  durationMs: number;
  results: RunResult[];
}

export function textLine(result: RunResult): string {
  const mark = result.passed ? 'PASS' : 'FAIL';
  const outcome =
    result.error ??
    `${result.status ?? ''} ${result.statusText ?? ''}`.trim() +
      (result.passed ? '' : ` (expected ${result.expected})`);
  const where = result.folder ? `${result.folder} / ` : '';
  return `${mark}  ${result.method.padEnd(6)} ${where}${result.name}  ${outcome}  ${Math.round(result.durationMs)} ms`;
}

export function textSummary(summary: RunSummary): string {
  const waits =
    summary.waitedMs > 0 ? `, waited ${(summary.waitedMs / 1000).toFixed(1)} s for rate limits` : '';
  const limited = summary.rateLimited > 0 ? `, ${summary.rateLimited} answered 429` : '';
  return `\n${summary.passed} passed, ${summary.failed} failed of ${summary.total} in ${(summary.durationMs / 1000).toFixed(1)} s${waits}${limited}.`;
}

export function jsonReport(summary: RunSummary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}

const escapeXml = (text: string) =>
  // XML 1.0 cannot hold most control characters at all, even escaped.
  text
    // eslint-disable-next-line no-control-regex -- removing them is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

const attrs = (values: Record<string, string | number>) =>
  Object.entries(values)
    .map(([name, value]) => `${name}="${escapeXml(String(value))}"`)
    .join(' ');

/** JUnit XML as CI servers read it: one testsuite per folder, one testcase per request. */
export function junitReport(summary: RunSummary): string {
  const suites = new Map<string, RunResult[]>();
  for (const result of summary.results) {
    const name = result.folder || summary.workspace;
    suites.set(name, [...(suites.get(name) ?? []), result]);
  }
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${attrs({ name: summary.workspace, tests: summary.total, failures: summary.failed, time: (summary.durationMs / 1000).toFixed(3) })}>`,
  ];
  for (const [name, results] of suites) {
    const failures = results.filter((r) => !r.passed).length;
    const time = results.reduce((sum, r) => sum + r.durationMs, 0) / 1000;
    lines.push(
      `  <testsuite ${attrs({ name, tests: results.length, failures, errors: 0, time: time.toFixed(3) })}>`,
    );
    for (const result of results) {
      const caseAttrs = attrs({
        classname: name,
        name: `${result.method} ${result.name}`,
        time: (result.durationMs / 1000).toFixed(3),
      });
      if (result.passed) {
        lines.push(`    <testcase ${caseAttrs}/>`);
        continue;
      }
      const message =
        result.error ?? `Status ${result.status ?? '?'} is not the expected ${result.expected}.`;
      const details = [
        `${result.method} ${result.url}`,
        ...result.findings.map((f) => `[${f.severity}] ${f.title} (${f.id})`),
      ].join('\n');
      lines.push(`    <testcase ${caseAttrs}>`);
      lines.push(
        `      <failure ${attrs({ message, type: result.error ? 'send-error' : 'status' })}>${escapeXml(details)}</failure>`,
      );
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
