import type { Finding } from '../../../shared/diagnose';
import { useLantern } from '../../store';
import { findingCount, SEVERITY_ICONS, SEVERITY_WORDS, worstSeverity } from './severity';
import './diagnostics.css';

/** "⛔ 2 findings" beside the status, whatever tab is open; a click opens the Diagnostics tab. */
export function FindingsBadge({ findings }: { findings: readonly Finding[] }) {
  const showResponsePart = useLantern((s) => s.showResponsePart);
  const worst = worstSeverity(findings);
  return (
    <button
      type="button"
      className={`findings-badge severity-${worst ?? 'none'}`}
      data-testid="findings-badge"
      data-severity={worst ?? 'none'}
      aria-label={`${findingCount(findings.length)}${worst ? `, worst: ${SEVERITY_WORDS[worst]}` : ''}. Open Diagnostics`}
      onClick={() => showResponsePart('diagnostics')}
    >
      {worst ? `${SEVERITY_ICONS[worst]} ` : '✓ '}
      {findingCount(findings.length)}
    </button>
  );
}
