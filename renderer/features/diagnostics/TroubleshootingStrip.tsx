import type { Finding } from '../../../shared/diagnose';
import type { RequestTab } from '../../store/tabs-slice';
import { RateLimitGauge } from '../rate-limit/RateLimitGauge';
import { FindingsBadge } from './FindingsBadge';
import { findingCount, SEVERITY_ICONS, SEVERITY_WORDS, worstSeverity } from './severity';
import './diagnostics.css';

/** Under the status line, whatever response tab is open: the findings badge and the rate-limit gauge. */
export function TroubleshootingStrip({ tab, findings }: { tab: RequestTab; findings: readonly Finding[] }) {
  const view = tab.exchange?.rateLimit;
  return (
    <div className="troubleshooting-strip" data-testid="troubleshooting-strip">
      <FindingsBadge findings={findings} />
      {view && <RateLimitGauge view={view} tabId={tab.id} />}
    </div>
  );
}

/** The Diagnostics tab's label: a badge with the count and the worst severity. */
export function diagnosticsTabLabel(findings: readonly Finding[]): string {
  const worst = worstSeverity(findings);
  return worst ? `Diagnostics ${SEVERITY_ICONS[worst]} ${findings.length}` : 'Diagnostics';
}

/** The Diagnostics tab's name for screen readers: its icon in words ("Diagnostics, 2 findings, worst: Error"). */
export function diagnosticsTabName(findings: readonly Finding[]): string | undefined {
  const worst = worstSeverity(findings);
  return worst ? `Diagnostics, ${findingCount(findings.length)}, worst: ${SEVERITY_WORDS[worst]}` : undefined;
}
