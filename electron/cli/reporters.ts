import type { Finding } from '../../shared/diagnose/types';
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
  /** Why it failed to send at all (network, auth, variables), or why its file could not be read. */
  error?: string;
  /** A request file that could not be read: its path in the workspace (the run fails for it). */
  unreadableFile?: string;
  /** Lantern's diagnosis, whole: title, explanation, fix and the evidence it quotes. */
  findings: Finding[];
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
  /** Passed, but with a warning worth reading (TLS verification off, a deprecated field…). */
  warned: number;
  rateLimited: number;
  waitedMs: number;
  durationMs: number;
  results: RunResult[];
}

/** The findings a reader of a report must see: errors and warnings (info notes stay in JSON). */
export const notableFindings = (result: RunResult): Finding[] =>
  result.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');

export function textLine(result: RunResult): string {
  const notable = notableFindings(result);
  const mark = !result.passed ? 'FAIL' : notable.length > 0 ? 'WARN' : 'PASS';
  if (result.unreadableFile) return `${mark}  ${result.unreadableFile}  ${result.error ?? ''}`;
  const outcome =
    result.error ??
    `${result.status ?? ''} ${result.statusText ?? ''}`.trim() +
      (result.passed ? '' : ` (expected ${result.expected})`);
  const where = result.folder ? `${result.folder} / ` : '';
  const line = `${mark}  ${result.method.padEnd(6)} ${where}${result.name}  ${outcome}  ${Math.round(result.durationMs)} ms`;
  // What went wrong and what to do, under the request it concerns: a CI log is read top to bottom.
  const details = notable.flatMap((f) => [
    `      ${f.severity === 'error' ? '✗' : '⚠'} ${f.title}`,
    ...(result.passed ? [] : [`        why: ${f.explanation}`]),
    `        fix: ${f.fix}`,
  ]);
  return [line, ...details].join('\n');
}

export function textSummary(summary: RunSummary): string {
  const waits =
    summary.waitedMs > 0 ? `, waited ${(summary.waitedMs / 1000).toFixed(1)} s for rate limits` : '';
  const limited = summary.rateLimited > 0 ? `, ${summary.rateLimited} answered 429` : '';
  const warned = summary.warned > 0 ? ` (${summary.warned} with warnings)` : '';
  return `\n${summary.passed} passed${warned}, ${summary.failed} failed of ${summary.total} in ${(summary.durationMs / 1000).toFixed(1)} s${waits}${limited}.`;
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

/** A finding as a CI reader needs it: what, why, what to do, and what it is based on. */
function findingText(finding: Finding): string {
  const evidence = finding.evidence
    .map((e) => [e.kind, e.name, e.value].filter((part) => part !== undefined && part !== '').join(' '))
    .join('; ');
  return [
    `[${finding.severity}] ${finding.title} (${finding.id})`,
    `  Why: ${finding.explanation}`,
    `  Fix: ${finding.fix}`,
    ...(evidence ? [`  Evidence: ${evidence}`] : []),
  ].join('\n');
}

/** JUnit XML as CI servers read it: one testsuite per folder, one testcase per request. */
export function junitReport(summary: RunSummary): string {
  const suites = new Map<string, RunResult[]>();
  for (const result of summary.results) {
    const name = result.unreadableFile ? 'unreadable files' : result.folder || summary.workspace;
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
        name: result.unreadableFile ?? `${result.method} ${result.name}`,
        time: (result.durationMs / 1000).toFixed(3),
      });
      const notable = notableFindings(result);
      if (result.passed) {
        if (notable.length === 0) lines.push(`    <testcase ${caseAttrs}/>`);
        else
          lines.push(
            `    <testcase ${caseAttrs}>`,
            `      <system-out>${escapeXml(notable.map(findingText).join('\n'))}</system-out>`,
            '    </testcase>',
          );
        continue;
      }
      const message =
        result.error ?? `Status ${result.status ?? '?'} is not the expected ${result.expected}.`;
      const type = result.unreadableFile ? 'unreadable-file' : result.error ? 'send-error' : 'status';
      const details = [
        result.unreadableFile ?? `${result.method} ${result.url}`,
        ...result.findings.map(findingText),
      ].join('\n');
      lines.push(`    <testcase ${caseAttrs}>`);
      lines.push(`      <failure ${attrs({ message, type })}>${escapeXml(details)}</failure>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
