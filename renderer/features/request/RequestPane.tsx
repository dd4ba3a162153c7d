import { useState } from 'react';
import { useLantern } from '../../store';
import { Tabs } from '../../Tabs';
import { AuthSummary } from './AuthSummary';
import { BodyEditor } from './BodyEditor';
import { HeadersTable } from './HeadersTable';
import { UrlBar } from './UrlBar';

export function RequestPane() {
  const [tab, setTab] = useState<'headers' | 'body' | 'auth'>('headers');
  const sendError = useLantern((s) => s.sendError);
  const headerCount = useLantern((s) => s.draft.headers.filter((h) => h.enabled && h.name).length);
  return (
    <section className="pane request-pane" aria-label="Request">
      <UrlBar />
      {sendError && (
        <div className="send-error" role="alert" data-testid="send-error">
          {sendError.message}
        </div>
      )}
      <Tabs
        label="Request parts"
        idPrefix="request"
        tabs={[
          { id: 'headers', label: headerCount ? `Headers (${headerCount})` : 'Headers' },
          { id: 'body', label: 'Body' },
          { id: 'auth', label: 'Auth' },
        ]}
        active={tab}
        onSelect={(id) => setTab(id as 'headers' | 'body' | 'auth')}
      />
      <div className="tab-panel">
        {tab === 'headers' && <HeadersTable />}
        {tab === 'body' && <BodyEditor />}
        {tab === 'auth' && <AuthSummary />}
      </div>
    </section>
  );
}
