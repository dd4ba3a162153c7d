import { useState } from 'react';
import { useActiveTab } from '../../store';
import { Tabs } from '../../Tabs';
import { BodyView } from './BodyView';
import { formatBytes } from './format';
import { HeaderInspector } from '../headers/HeaderInspector';
import { StatusLine } from './StatusLine';
import { TimelineView } from './TimelineView';

export function ResponsePane() {
  const [tab, setTab] = useState<'body' | 'headers' | 'timeline'>('body');
  const exchange = useActiveTab((t) => t.exchange);
  const phase = useActiveTab((t) => t.phase);
  const received = useActiveTab((t) => t.receivedBytes);
  return (
    <section className="pane response-pane" aria-label="Response" aria-busy={phase === 'sending'}>
      {phase === 'sending' && (
        <div className="sending" data-testid="sending-indicator" role="status">
          Waiting for the response…{received > 0 ? ` ${formatBytes(received)} received` : ''}
        </div>
      )}
      {!exchange ? (
        phase !== 'sending' && (
          <div className="empty-state" data-testid="response-empty">
            <p>Send a request to see its response here.</p>
            <p className="hint">Ctrl/Cmd+Enter sends · Esc cancels · Ctrl/Cmd+L focuses the URL</p>
          </div>
        )
      ) : (
        <>
          <StatusLine exchange={exchange} />
          <Tabs
            label="Response parts"
            idPrefix="response"
            tabs={[
              { id: 'body', label: 'Body' },
              { id: 'headers', label: `Headers (${exchange.response.headers.length})` },
              { id: 'timeline', label: 'Timeline' },
            ]}
            active={tab}
            onSelect={(id) => setTab(id as 'body' | 'headers' | 'timeline')}
          />
          <div className="tab-panel">
            {tab === 'body' && <BodyView exchange={exchange} />}
            {tab === 'headers' && (
              <HeaderInspector
                headers={exchange.response.headers}
                status={exchange.response.status}
                requestHeaders={exchange.request.headers}
                bodyPreview={
                  exchange.response.body.encoding === 'utf8'
                    ? exchange.response.body.text.slice(0, 2048)
                    : undefined
                }
              />
            )}
            {tab === 'timeline' && <TimelineView exchange={exchange} />}
          </div>
        </>
      )}
    </section>
  );
}
