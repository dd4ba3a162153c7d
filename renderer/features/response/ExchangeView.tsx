import type { Finding } from '../../../shared/diagnose';
import { receivedAtOf, type Exchange } from '../../../shared/model/response';
import { useLantern } from '../../store';
import type { RequestTab, ResponsePart } from '../../store/tabs-slice';
import { TabPanel, Tabs } from '../../Tabs';
import { DiagnosticsPanel } from '../diagnostics/DiagnosticsPanel';
import { citedResponseHeaders } from '../diagnostics/severity';
import {
  diagnosticsTabLabel,
  diagnosticsTabName,
  TroubleshootingStrip,
} from '../diagnostics/TroubleshootingStrip';
import { GraphqlResultPanel } from '../../deferred';
import { HeaderInspector } from '../headers/HeaderInspector';
import { TestResults, testsTabLabel } from '../tests/TestResults';
import { TokensPanel } from '../tokens/TokensPanel';
import { BodyView } from './BodyView';
import { CookiesView } from './CookiesView';
import { setCookiesOf } from './sent-request';
import { StatusLine } from './StatusLine';
import { TimelineView } from './TimelineView';

/**
 * One exchange with its parts: status, findings and gauge, then Body / GraphQL / Headers / Cookies /
 * Timeline / Diagnostics / Tokens. The part shown is the tab's own; GraphQL only for a GraphQL exchange.
 */
export function ExchangeView({
  tab,
  exchange,
  findings,
}: {
  tab: RequestTab;
  exchange: Exchange;
  findings: readonly Finding[];
}) {
  const selectResponsePart = useLantern((s) => s.selectResponsePart);
  const { response } = exchange;
  // Cookies set along the way count too: a login's 302 usually sets the session.
  const setCookies = setCookiesOf(exchange);
  const host = new URL(response.url ?? exchange.request.url).hostname;
  const noteCount = exchange.notes?.length ?? 0;
  const graphql = tab.exchangeIsGraphql && tab.exchange === exchange;
  const part: ResponsePart = tab.responsePart === 'graphql' && !graphql ? 'body' : tab.responsePart;
  // The tab's own findings describe its current exchange; a previous one is read afresh.
  const testsLabel = testsTabLabel(exchange);
  const exchangeTab = tab.exchange === exchange ? tab : { ...tab, exchange, sendError: undefined };
  return (
    <>
      <StatusLine exchange={exchange} />
      <TroubleshootingStrip tab={exchangeTab} findings={findings} />
      <Tabs
        label="Response parts"
        idPrefix="response"
        tabs={[
          { id: 'body', label: 'Body' },
          ...(graphql ? [{ id: 'graphql', label: 'GraphQL' }] : []),
          { id: 'headers', label: `Headers (${response.headers.length})` },
          { id: 'cookies', label: setCookies.length ? `Cookies (${setCookies.length})` : 'Cookies' },
          {
            id: 'timeline',
            label: noteCount ? `Timeline ⚠ ${noteCount}` : 'Timeline',
            title: noteCount ? `Timeline, ${noteCount} note${noteCount === 1 ? '' : 's'}` : undefined,
          },
          ...(testsLabel ? [{ id: 'tests', label: testsLabel }] : []),
          { id: 'diagnostics', label: diagnosticsTabLabel(findings), title: diagnosticsTabName(findings) },
          { id: 'tokens', label: 'Tokens' },
        ]}
        active={part}
        onSelect={(id) => selectResponsePart(id as ResponsePart)}
      />
      <TabPanel idPrefix="response" active={part}>
        {part === 'body' && <BodyView exchange={exchange} />}
        {part === 'headers' && (
          <HeaderInspector
            headers={response.headers}
            status={response.status}
            requestHeaders={exchange.request.headers}
            receivedAtMs={receivedAtOf(exchange)}
            bodyPreview={response.body.encoding === 'utf8' ? response.body.text.slice(0, 2048) : undefined}
            highlight={citedResponseHeaders(findings)}
          />
        )}
        {part === 'cookies' && (
          <CookiesView
            setCookies={setCookies}
            host={host}
            redirected={(exchange.redirects?.length ?? 0) > 0}
          />
        )}
        {part === 'timeline' && <TimelineView exchange={exchange} />}
        {part === 'tokens' && <TokensPanel />}
        {part === 'graphql' && <GraphqlResultPanel exchange={exchange} />}
        {part === 'diagnostics' && <DiagnosticsPanel tab={exchangeTab} />}
        {part === 'tests' && <TestResults exchange={exchange} />}
      </TabPanel>
    </>
  );
}
