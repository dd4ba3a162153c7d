import { LifeBuoy } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { useLantern } from '../../store';
import { activeTab } from '../../store/tabs-slice';
import { FindingCard } from './FindingCard';
import { repeatsAdvice } from './failure-text';
import { SupportBundleDialog } from './SupportBundleDialog';
import { useFindings } from './use-findings';
import './diagnostics.css';

/**
 * Under the address bar, one box for a failed send: what happened (the error's message), what it means
 * and what to do (the findings, each saying only what the message does not), and "Copy for support".
 */
export function FailureFindings() {
  const tab = useLantern(activeTab);
  const message = tab.sendError?.message ?? '';
  // The message is shown once, at the top: `request.failed` and `error` evidence would repeat it.
  const findings = useFindings({ draft: tab.draft, exchange: undefined, sendError: tab.sendError })
    .filter((finding) => finding.id !== 'request.failed')
    .map((finding) => ({
      ...finding,
      explanation: repeatsAdvice(message, finding.explanation) ? '' : finding.explanation,
      fix: repeatsAdvice(message, finding.fix) ? '' : finding.fix,
      evidence: finding.evidence.filter((e) => e.kind !== 'error'),
    }));
  const [supportOpen, setSupportOpen] = useState(false);
  if (!tab.sendError) return null;
  const cancelled = tab.sendError.code === 'cancelled';
  return (
    <div className="send-failure">
      <p className="send-error" role="alert" data-testid="send-error">
        {message}
      </p>
      {!cancelled && (
        <div className="failure-findings" data-testid="failure-findings">
          {findings.length > 0 && (
            <ul className="findings">
              {findings.map((finding) => (
                <FindingCard key={finding.id} finding={finding} />
              ))}
            </ul>
          )}
          <Button testId="failure-support-open" icon={LifeBuoy} onClick={() => setSupportOpen(true)}>
            Copy for support…
          </Button>
        </div>
      )}
      {supportOpen && (
        <SupportBundleDialog tab={{ ...tab, exchange: undefined }} onClose={() => setSupportOpen(false)} />
      )}
    </div>
  );
}
