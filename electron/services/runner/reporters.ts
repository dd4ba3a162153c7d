import type { AssertionResult, CaptureResult } from '../../../shared/assertions/model';
import type { Finding } from '../../../shared/diagnose/types';
import type { RateLimitState } from '../../../shared/ratelimit';

export interface RunResult {
  id: string;
  name: string;
  /** 1-based iteration (a data row or a repeat); absent for a file that could not be read. */
  iteration?: number;
  /** 0-based position in the run order. */
  index?: number;
  /** The History entry of the exchange, when History was written. */
  historyId?: string;
  /** Folder names from the workspace down, joined with "/". */
  folder: string;
  method: string;
  url: string;
  status?: number;
  statusText?: string;
  expected: string;
  /** False when the status missed its expectation (absent when nothing was answered). */
  statusMet?: boolean;
  passed: boolean;
  durationMs: number;
  /** Why it failed to send at all (network, auth, variables), or why its file could not be read. */
  error?: string;
  /** A request file that could not be read: its path in the workspace (the run fails for it). */
  unreadableFile?: string;
  /** Lantern's diagnosis, whole: title, explanation, fix and the evidence it quotes. */
  findings: Finding[];
  rateLimit?: RateLimitState;
  /** Its tests (its own and its folders'), as checked against the response; secrets masked. */
  tests?: AssertionResult[];
  /** What its captures took (secret values masked) or why they found nothing. */
  captures?: CaptureResult[];
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
  /** Test rows over the whole run. */
  assertions?: { passed: number; failed: number };
  /** How many times the requests ran (data rows or --iterations); absent or 1 for one pass. */
  iterations?: number;
  /** The data file whose rows were the iterations. */
  data?: string;
  /** Every step ran, or the first failure stopped the run (--bail), or it was cancelled. */
  outcome?: 'completed' | 'bailed' | 'cancelled';
  /** Steps (request × iteration) that did not run because the run stopped. */
  notRun?: number;
  results: RunResult[];
}

/** Totals of a run's results (unreadable files included), for the summary and the app's events. */
export function countResults(results: readonly RunResult[]) {
  return {
    total: results.length,
    passed: results.filter((r) => r.passed).length,
    failed: results.filter((r) => !r.passed).length,
    warned: results.filter((r) => r.passed && notableFindings(r).length > 0).length,
    rateLimited: results.reduce((sum, r) => sum + r.rateLimited, 0),
    waitedMs: Math.round(results.reduce((sum, r) => sum + r.waitedMs, 0)),
    assertions: {
      passed: results.reduce((sum, r) => sum + (r.tests ?? []).filter((t) => t.passed).length, 0),
      failed: results.reduce((sum, r) => sum + (r.tests ?? []).filter((t) => !t.passed).length, 0),
    },
  };
}

/** Why a run stopped early, in a sentence; undefined when every step ran. */
export function stoppedSentence(summary: Pick<RunSummary, 'outcome' | 'notRun'>): string | undefined {
  const notRun = summary.notRun ?? 0;
  const rest = `${notRun} ${notRun === 1 ? 'request' : 'requests'} did not run`;
  if (summary.outcome === 'bailed') return `Stopped at the first failure (bail): ${rest}.`;
  if (summary.outcome === 'cancelled') return `Cancelled: ${rest}.`;
  return undefined;
}

/** "Iteration 2 of 3 (row 2 of users.csv)" */
export function iterationHeading(
  iteration: number,
  summary: Pick<RunSummary, 'iterations' | 'data'>,
): string {
  const of = summary.iterations ? ` of ${summary.iterations}` : '';
  return `Iteration ${iteration}${of}${summary.data ? ` (row ${iteration} of ${summary.data})` : ''}`;
}

/** A test row in a line: `$.data.email equals ada@example.com`. */
export function testTitle(test: AssertionResult): string {
  const expected =
    test.assertion.op === 'exists' || test.assertion.op === 'notExists' ? '' : ` ${test.expected}`;
  const from = test.from ? ` (from ${test.from})` : '';
  return `${test.path} ${test.assertion.op}${expected}${from}`;
}

/** Failed tests and captures under their request, for the text report. */
function checkLines(result: RunResult): string[] {
  const tests = (result.tests ?? []).flatMap((test) =>
    test.passed
      ? []
      : [
          `      ✗ ${test.unchecked ? 'not checked: ' : ''}${testTitle(test)}`,
          `        ${test.message}`,
          ...(test.unchecked ? [] : [`        expected: ${test.expected}   actual: ${test.actual}`]),
        ],
  );
  const captures = (result.captures ?? []).flatMap((capture) =>
    capture.ok
      ? [`      → {{${capture.name}}} = ${capture.value ?? ''}  (${capture.path})`]
      : [`      ✗ capture {{${capture.name}}}: ${capture.message}`],
  );
  return [...tests, ...captures];
}

/** The status missed its expectation (a result without `statusMet` failed on nothing else). */
const statusMissed = (result: RunResult) =>
  result.statusMet === false || (result.statusMet === undefined && !result.passed);

const testCount = (result: RunResult) => {
  const tests = result.tests ?? [];
  return tests.length === 0 ? '' : `  tests ${tests.filter((t) => t.passed).length}/${tests.length}`;
};

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
      (statusMissed(result) ? ` (expected ${result.expected})` : '');
  const where = result.folder ? `${result.folder} / ` : '';
  const line = `${mark}  ${result.method.padEnd(6)} ${where}${result.name}  ${outcome}  ${Math.round(result.durationMs)} ms${testCount(result)}`;
  // What went wrong and what to do, under the request it concerns: a CI log is read top to bottom.
  const details = notable.flatMap((f) => [
    `      ${f.severity === 'error' ? '✗' : '⚠'} ${f.title}`,
    ...(result.passed ? [] : [`        why: ${f.explanation}`]),
    `        fix: ${f.fix}`,
  ]);
  return [line, ...checkLines(result), ...details].join('\n');
}

export function textSummary(summary: RunSummary): string {
  const waits =
    summary.waitedMs > 0 ? `, waited ${(summary.waitedMs / 1000).toFixed(1)} s for rate limits` : '';
  const limited = summary.rateLimited > 0 ? `, ${summary.rateLimited} answered 429` : '';
  const warned = summary.warned > 0 ? ` (${summary.warned} with warnings)` : '';
  const assertions = summary.assertions ?? { passed: 0, failed: 0 };
  const tests =
    assertions.passed + assertions.failed > 0
      ? ` Tests: ${assertions.passed} passed, ${assertions.failed} failed.`
      : '';
  const stopped = stoppedSentence(summary);
  const runs = (summary.iterations ?? 1) > 1 ? ` over ${summary.iterations} iterations` : '';
  return `\n${summary.passed} passed${warned}, ${summary.failed} failed of ${summary.total}${runs} in ${(summary.durationMs / 1000).toFixed(1)} s${waits}${limited}.${tests}${stopped ? `\n${stopped}` : ''}`;
}

/** The text report at once (the CLI prints its lines as they come instead). */
export function textReport(summary: RunSummary): string {
  const lines: string[] = [];
  let iteration: number | undefined;
  for (const result of summary.results) {
    if ((summary.iterations ?? 1) > 1 && result.iteration !== undefined && result.iteration !== iteration) {
      iteration = result.iteration;
      lines.push(`${lines.length > 0 ? '\n' : ''}${iterationHeading(iteration, summary)}`);
    }
    lines.push(textLine(result));
  }
  return `${lines.join('\n')}\n${textSummary(summary)}\n`;
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

interface JunitCase {
  name: string;
  time: number;
  failure?: { message: string; type: string; details: string };
  out?: string;
}

/** The status testcase: the send itself (an error) and the status against its expectation. */
function statusCase(result: RunResult): JunitCase {
  const notable = notableFindings(result);
  const name = result.unreadableFile ?? `status ${result.expected}`;
  const own: JunitCase = { name, time: result.durationMs / 1000 };
  const failed =
    result.error !== undefined || result.unreadableFile !== undefined || result.statusMet === false;
  if (failed) {
    own.failure = {
      message: result.error ?? `Status ${result.status ?? '?'} is not the expected ${result.expected}.`,
      type: result.unreadableFile ? 'unreadable-file' : result.error ? 'send-error' : 'status',
      details: [
        result.unreadableFile ?? `${result.method} ${result.url}`,
        ...(result.error === undefined && !result.unreadableFile
          ? [
              `expected: ${result.expected}`,
              `actual: ${result.status ?? '?'} ${result.statusText ?? ''}`.trimEnd(),
            ]
          : []),
        ...result.findings.map(findingText),
      ].join('\n'),
    };
  } else if (notable.length > 0) own.out = notable.map(findingText).join('\n');
  return own;
}

/** A request's testcases: the status, then one per test row and one per failed capture. */
function casesOf(result: RunResult): JunitCase[] {
  const tests = (result.tests ?? []).map((test): JunitCase => ({
    name: testTitle(test),
    time: 0,
    ...(test.passed
      ? {}
      : {
          failure: {
            message: test.message,
            type: test.unchecked ? 'not-checked' : 'assertion',
            details: `${test.path}\nexpected: ${test.expected}\nactual: ${test.actual}`,
          },
        }),
  }));
  const captures = (result.captures ?? []).flatMap((capture): JunitCase[] =>
    capture.ok
      ? []
      : [
          {
            name: `capture {{${capture.name}}} from ${capture.path}`,
            time: 0,
            failure: { message: capture.message, type: 'capture', details: capture.path },
          },
        ],
  );
  return [statusCase(result), ...tests, ...captures];
}

/** A suite's name: the request with its folders, and its iteration when there are several. */
function suiteName(result: RunResult, summary: RunSummary): string {
  if (result.unreadableFile) return 'unreadable files';
  const where = result.folder ? `${result.folder} / ` : '';
  const iteration =
    (summary.iterations ?? 1) > 1 && result.iteration !== undefined ? ` [iteration ${result.iteration}]` : '';
  return `${result.method} ${where}${result.name}${iteration}`;
}

/**
 * JUnit XML as CI servers read it (checked against Jenkins' junit-10.xsd): a testsuite per request
 * and iteration, holding one testcase for the status expectation (or the send's error), one per
 * test row and one per failed capture, failures with expected and actual.
 */
export function junitReport(summary: RunSummary): string {
  const suites = new Map<string, { package: string; cases: JunitCase[] }>();
  for (const result of summary.results) {
    const name = suiteName(result, summary);
    const suite = suites.get(name) ?? { package: result.folder || summary.workspace, cases: [] };
    suite.cases.push(...casesOf(result));
    suites.set(name, suite);
  }
  const all = [...suites.values()].flatMap((s) => s.cases);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${attrs({ name: summary.workspace, tests: all.length, failures: all.filter((c) => c.failure).length, errors: 0, time: (summary.durationMs / 1000).toFixed(3) })}>`,
  ];
  let id = 0;
  for (const [name, { package: pkg, cases }] of suites) {
    const failures = cases.filter((c) => c.failure).length;
    const time = cases.reduce((sum, c) => sum + c.time, 0);
    lines.push(
      `  <testsuite ${attrs({ name, tests: cases.length, failures, errors: 0, time: time.toFixed(3), id: id++, package: pkg })}>`,
    );
    for (const testCase of cases) {
      const caseAttrs = attrs({ classname: name, name: testCase.name, time: testCase.time.toFixed(3) });
      if (testCase.failure) {
        const { message, type, details } = testCase.failure;
        lines.push(`    <testcase ${caseAttrs}>`);
        lines.push(`      <failure ${attrs({ message, type })}>${escapeXml(details)}</failure>`);
        lines.push('    </testcase>');
      } else if (testCase.out) {
        lines.push(
          `    <testcase ${caseAttrs}>`,
          `      <system-out>${escapeXml(testCase.out)}</system-out>`,
          '    </testcase>',
        );
      } else lines.push(`    <testcase ${caseAttrs}/>`);
    }
    lines.push('  </testsuite>');
  }
  const stopped = stoppedSentence(summary);
  if (stopped)
    lines.push(
      `  <testsuite ${attrs({ name: 'not run', tests: 0, failures: 0, errors: 0, skipped: summary.notRun ?? 0, id: id++, package: summary.workspace })}>`,
      `    <system-out>${escapeXml(stopped)}</system-out>`,
      '  </testsuite>',
    );
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
