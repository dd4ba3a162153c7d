import { useState } from 'react';
import { parseQueryParams } from '../../../shared/url/query-params';
import { useActiveTab } from '../../store';
import { TabPanel, Tabs } from '../../Tabs';
import { AuthEditor } from './AuthEditor';
import { BodyEditor } from './BodyEditor';
import { HeadersTable } from './HeadersTable';
import { ParamsTable } from './ParamsTable';
import { SettingsPanel } from './SettingsPanel';
import { UrlBar } from './UrlBar';
import { RemovedSecretsBar } from '../session/RemovedSecretsBar';
import { FailureFindings } from '../diagnostics/FailureFindings';
import { TestsEditor } from '../tests/TestsEditor';
import { RefusedFileChooser } from '../files/RefusedFileChooser';

type Part = 'params' | 'headers' | 'body' | 'auth' | 'tests' | 'settings';

export function RequestPane() {
  const [tab, setTab] = useState<Part>('params');
  const sendError = useActiveTab((t) => t.sendError);
  const headerCount = useActiveTab((t) => t.draft.headers.filter((h) => h.enabled && h.name).length);
  const paramCount = useActiveTab((t) => parseQueryParams(t.draft.url).length);
  const bodyMode = useActiveTab((t) => t.draft.body.mode);
  const authType = useActiveTab((t) => t.draft.auth.type);
  const testCount = useActiveTab((t) => (t.draft.tests?.length ?? 0) + (t.draft.captures?.length ?? 0));
  const tlsOff = useActiveTab((t) => t.draft.settings?.verifyTls === false);
  const count = (label: string, n: number) => (n ? `${label} (${n})` : label);
  return (
    <section className="pane request-pane" aria-label="Request">
      <RemovedSecretsBar />
      <UrlBar />
      {tlsOff && (
        <p className="warning-note" data-testid="tls-off-warning">
          ⚠ TLS certificate verification is off for this request (Settings).
        </p>
      )}
      {sendError && <FailureFindings />}
      <RefusedFileChooser />
      <Tabs
        label="Request parts"
        idPrefix="request"
        tabs={[
          { id: 'params', label: count('Params', paramCount) },
          { id: 'headers', label: count('Headers', headerCount) },
          { id: 'body', label: bodyMode === 'none' ? 'Body' : 'Body •' },
          { id: 'auth', label: authType === 'none' ? 'Auth' : 'Auth •' },
          { id: 'tests', label: count('Tests', testCount) },
          { id: 'settings', label: tlsOff ? 'Settings ⚠' : 'Settings' },
        ]}
        active={tab}
        onSelect={(id) => setTab(id as Part)}
      />
      <TabPanel idPrefix="request" active={tab}>
        {tab === 'params' && <ParamsTable />}
        {tab === 'headers' && <HeadersTable />}
        {tab === 'body' && <BodyEditor />}
        {tab === 'auth' && <AuthEditor />}
        {tab === 'tests' && <TestsEditor />}
        {tab === 'settings' && <SettingsPanel />}
      </TabPanel>
    </section>
  );
}
