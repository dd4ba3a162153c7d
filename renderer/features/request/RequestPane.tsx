import { useState } from 'react';
import { useLantern } from '../../store';
import { Tabs } from '../../Tabs';
import { BodyEditor } from './BodyEditor';
import { HeadersTable } from './HeadersTable';
import { UrlBar } from './UrlBar';

export function RequestPane() {
  const [tab, setTab] = useState<'headers' | 'body'>('headers');
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
        ]}
        active={tab}
        onSelect={(id) => setTab(id as 'headers' | 'body')}
      />
      <div className="tab-panel">{tab === 'headers' ? <HeadersTable /> : <BodyEditor />}</div>
    </section>
  );
}
