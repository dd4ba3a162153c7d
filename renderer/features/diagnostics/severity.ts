import type { Finding, Severity } from '../../../shared/diagnose';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_WORDS: Record<Severity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Note',
};

export const SEVERITY_ICONS: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' };

export function worstSeverity(findings: readonly Pick<Finding, 'severity'>[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const { severity } of findings) {
    if (worst === undefined || RANK[severity] < RANK[worst]) worst = severity;
  }
  return worst;
}

/** "2 findings", "1 finding", "No findings". */
export function findingCount(count: number): string {
  if (count === 0) return 'No findings';
  return `${count} finding${count === 1 ? '' : 's'}`;
}

/** Header names a finding cites in the response, for the Headers tab to highlight. */
export function citedResponseHeaders(findings: readonly Finding[]): string[] {
  const names = findings.flatMap((f) =>
    f.evidence
      .filter((e) => e.kind === 'response-header' && e.name)
      .map((e) => (e.name as string).toLowerCase()),
  );
  return [...new Set(names)];
}
