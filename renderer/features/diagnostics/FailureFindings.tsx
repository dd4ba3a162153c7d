import { useState } from 'react';
import { useLantern } from '../../store';
import { activeTab } from '../../store/tabs-slice';
import { FindingCard } from './FindingCard';
import { SupportBundleDialog } from './SupportBundleDialog';
import { useFindings } from './use-findings';
import './diagnostics.css';

/** Under the send-error box: what a failed send (network, TLS, DNS, OAuth) means and what to do. */
export function FailureFindings() {
  const tab = useLantern(activeTab);
  // The error box above already shows the message: `request.failed` and `error` evidence would repeat it.
  const findings = useFindings({ draft: tab.draft, exchange: undefined, sendError: tab.sendError })
    .filter((finding) => finding.id !== 'request.failed')
    .map((finding) => ({
      ...finding,
      // An explanation that only repeats the error box above is said once, there.
      explanation: finding.explanation.trim() === tab.sendError?.message.trim() ? '' : finding.explanation,
      evidence: finding.evidence.filter((e) => e.kind !== 'error'),
    }));
  const [supportOpen, setSupportOpen] = useState(false);
  if (!tab.sendError || tab.sendError.code === 'cancelled') return null;
  return (
    <div className="failure-findings" data-testid="failure-findings">
      {findings.length > 0 && (
        <ul className="findings">
          {findings.map((finding) => (
            <FindingCard key={finding.id} finding={finding} />
          ))}
        </ul>
      )}
      <button type="button" data-testid="failure-support-open" onClick={() => setSupportOpen(true)}>
        Copy for support…
      </button>
      {supportOpen && (
        <SupportBundleDialog tab={{ ...tab, exchange: undefined }} onClose={() => setSupportOpen(false)} />
      )}
    </div>
  );
}
