import { LifeBuoy } from 'lucide-react';
import { Button } from '../../components/Button';
import { useState } from 'react';
import type { RequestTab } from '../../store/tabs-slice';
import { FindingCard } from './FindingCard';
import { RateLimitTable } from './RateLimitTable';
import { SupportBundleDialog } from './SupportBundleDialog';
import { findingCount } from './severity';
import { useFindings } from './use-findings';
import './diagnostics.css';

/** Findings about the active tab's exchange in plain words, the rate limits seen, and "Copy for support". */
export function DiagnosticsPanel({ tab }: { tab: RequestTab }) {
  const findings = useFindings(tab);
  const [supportOpen, setSupportOpen] = useState(false);
  return (
    <div className="diagnostics-panel" data-testid="diagnostics-panel">
      <div className="diagnostics-toolbar">
        <span role="status" data-testid="diagnostics-count">
          {findingCount(findings.length)}
        </span>
        <Button
          testId="support-open"
          icon={LifeBuoy}
          title="A redacted summary of this request for the API's support team"
          onClick={() => setSupportOpen(true)}
        >
          Copy for support…
        </Button>
      </div>
      {findings.length === 0 ? (
        <p className="empty-note" data-testid="diagnostics-empty">
          Lantern found nothing to point out in this exchange.
        </p>
      ) : (
        <ul className="findings" data-testid="findings">
          {findings.map((finding) => (
            <FindingCard key={finding.id} finding={finding} />
          ))}
        </ul>
      )}
      <RateLimitTable refreshKey={tab.exchange} />
      {supportOpen && <SupportBundleDialog tab={tab} onClose={() => setSupportOpen(false)} />}
    </div>
  );
}
