import { diagnose } from '../../../shared/diagnose';
import type { RequestTab } from '../../store/tabs-slice';

/** Findings about the active tab's exchange, in plain words (the full panel arrives with issue 8). */
export function DiagnosticsPanel({ tab }: { tab: RequestTab }) {
  const findings = diagnose({
    draft: tab.draft,
    exchange: tab.exchange,
    error: tab.sendError,
    nowMs: Date.now(),
  });
  return (
    <ul className="findings" data-testid="diagnostics-panel">
      {findings.map((finding) => (
        <li key={finding.id} data-testid={`finding-${finding.id}`}>
          <strong>{finding.title}</strong> — {finding.explanation} {finding.fix}
        </li>
      ))}
    </ul>
  );
}
