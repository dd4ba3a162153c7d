import { useLantern } from '../../store';
import { activeTab } from '../../store/tabs-slice';
import { useFindings } from '../diagnostics/use-findings';
import { ExchangeView } from './ExchangeView';
import { formatBytes } from './format';
import { PreviousResponse } from './PreviousResponse';
import { UnsentSinceRestart } from '../session/UnsentSinceRestart';

/** The response of the active tab: the exchange, the failure that replaced it, or what is coming. */
export function ResponsePane() {
  const tab = useLantern(activeTab);
  const findings = useFindings(tab);
  const { exchange, phase, receivedBytes: received } = tab;
  if (!exchange) {
    return (
      <section className="pane response-pane" aria-label="Response" aria-busy={phase === 'sending'}>
        {phase === 'sending' ? (
          <div className="sending" data-testid="sending-indicator" role="status">
            Waiting for the response…{received > 0 ? ` ${formatBytes(received)} received` : ''}
          </div>
        ) : tab.sendError ? (
          <div className="response-failed" data-testid="response-failed">
            <p>
              <strong>No response</strong>: the last send{' '}
              {tab.sendError.code === 'cancelled' ? 'was cancelled' : 'failed'}. What happened and what to do
              are under the address bar.
            </p>
            {tab.previous && <PreviousResponse tab={tab} previous={tab.previous} />}
          </div>
        ) : (
          <div className="empty-state" data-testid="response-empty">
            <UnsentSinceRestart />
            <p>Send a request to see its response here.</p>
            <p className="hint">Ctrl/Cmd+Enter sends · Esc cancels · Ctrl/Cmd+L focuses the URL</p>
          </div>
        )}
      </section>
    );
  }
  return (
    <section className="pane response-pane" aria-label="Response" aria-busy={phase === 'sending'}>
      {phase === 'sending' && (
        <div className="sending" data-testid="sending-indicator" role="status">
          Sending again…{received > 0 ? ` ${formatBytes(received)} received` : ''}
        </div>
      )}
      <ExchangeView tab={tab} exchange={exchange} findings={findings} />
    </section>
  );
}
