import { useState } from 'react';
import { useActiveTab } from '../../store';
import { Tabs } from '../../Tabs';
import { HeaderInspector } from '../headers/HeaderInspector';
import { BodyView } from './BodyView';
import { CookiesView } from './CookiesView';
import { formatBytes } from './format';
import { StatusLine } from './StatusLine';
import { TimelineView } from './TimelineView';
import { TokensPanel } from '../tokens/TokensPanel';
import { DiagnosticsPanel } from '../diagnostics/DiagnosticsPanel';
import { citedResponseHeaders } from '../diagnostics/severity';
import {
  diagnosticsTabLabel,
  TroubleshootingStrip,
  useResponsePartRequests,
} from '../diagnostics/TroubleshootingStrip';
import { useFindings } from '../diagnostics/use-findings';
import { GraphqlResultPanel } from '../graphql/GraphqlResultPanel';
import { activeTab } from '../../store/tabs-slice';
import { receivedAtOf } from '../../../shared/model/response';
import { useLantern } from '../../store';

type Part = 'body' | 'graphql' | 'headers' | 'cookies' | 'timeline' | 'diagnostics' | 'tokens';

export function ResponsePane() {
  const [tab, setTab] = useState<Part>('body');
  const exchange = useActiveTab((t) => t.exchange);
  const phase = useActiveTab((t) => t.phase);
  const received = useActiveTab((t) => t.receivedBytes);
  const isGraphql = useActiveTab((t) => t.draft.body.mode === 'graphql');
  const tabState = useLantern(activeTab);
  const findings = useFindings(tabState);
  useResponsePartRequests(setTab);
  if (!exchange) {
    return (
      <section className="pane response-pane" aria-label="Response" aria-busy={phase === 'sending'}>
        {phase === 'sending' ? (
          <div className="sending" data-testid="sending-indicator" role="status">
            Waiting for the response…{received > 0 ? ` ${formatBytes(received)} received` : ''}
          </div>
        ) : (
          <div className="empty-state" data-testid="response-empty">
            <p>Send a request to see its response here.</p>
            <p className="hint">Ctrl/Cmd+Enter sends · Esc cancels · Ctrl/Cmd+L focuses the URL</p>
          </div>
        )}
      </section>
    );
  }
  const { response } = exchange;
  const setCookies = response.headers
    .filter(([name]) => name.toLowerCase() === 'set-cookie')
    .map(([, value]) => value);
  const host = new URL(response.url ?? exchange.request.url).hostname;
  const noteCount = exchange.notes?.length ?? 0;
  return (
    <section className="pane response-pane" aria-label="Response" aria-busy={phase === 'sending'}>
      {phase === 'sending' && (
        <div className="sending" data-testid="sending-indicator" role="status">
          Sending again…{received > 0 ? ` ${formatBytes(received)} received` : ''}
        </div>
      )}
      <StatusLine exchange={exchange} />
      <TroubleshootingStrip tab={tabState} findings={findings} />
      <Tabs
        label="Response parts"
        idPrefix="response"
        tabs={[
          { id: 'body', label: 'Body' },
          ...(isGraphql ? [{ id: 'graphql', label: 'GraphQL' }] : []),
          { id: 'headers', label: `Headers (${response.headers.length})` },
          { id: 'cookies', label: setCookies.length ? `Cookies (${setCookies.length})` : 'Cookies' },
          { id: 'timeline', label: noteCount ? `Timeline ⚠ ${noteCount}` : 'Timeline' },
          { id: 'diagnostics', label: diagnosticsTabLabel(findings) },
          { id: 'tokens', label: 'Tokens' },
        ]}
        active={tab}
        onSelect={(id) => setTab(id as Part)}
      />
      <div className="tab-panel">
        {tab === 'body' && <BodyView exchange={exchange} />}
        {tab === 'headers' && (
          <HeaderInspector
            headers={response.headers}
            status={response.status}
            requestHeaders={exchange.request.headers}
            receivedAtMs={receivedAtOf(exchange)}
            bodyPreview={response.body.encoding === 'utf8' ? response.body.text.slice(0, 2048) : undefined}
            highlight={citedResponseHeaders(findings)}
          />
        )}
        {tab === 'cookies' && <CookiesView setCookies={setCookies} host={host} />}
        {tab === 'timeline' && <TimelineView exchange={exchange} />}
        {tab === 'tokens' && <TokensPanel />}
        {tab === 'graphql' && <GraphqlResultPanel exchange={exchange} />}
        {tab === 'diagnostics' && <DiagnosticsPanel tab={tabState} />}
      </div>
    </section>
  );
}
