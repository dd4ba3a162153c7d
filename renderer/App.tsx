import { useEffect, useState } from 'react';
import { call, hasLaunchToken, mode } from './api';
import { RequestPane } from './features/request/RequestPane';
import { ResponsePane } from './features/response/ResponsePane';
import { useShortcuts } from './shortcuts';
import { useLantern } from './store';
import { SamplePanel } from './features/sample/SamplePanel';
import { HistorySection } from './features/history/HistorySection';
import { WorkspaceSidebar } from './features/collections/WorkspaceSidebar';
import { VaultStatus } from './features/vault/VaultStatus';
import { RequestTabs } from './features/request/RequestTabs';
import { EnvironmentSwitcher } from './features/environments/EnvironmentSwitcher';

export function App() {
  useShortcuts();
  const [version, setVersion] = useState('');
  const sandboxUrl = useLantern((s) => s.sample?.baseUrl);
  useEffect(() => {
    void call('appInfo', {}).then((result) => result.ok && setVersion(result.value.version));
    // Tabs as they were left: drafts, order, the active one (secrets were never kept).
    void useLantern.getState().startSession();
  }, []);
  if (!hasLaunchToken()) {
    return (
      <main className="blocked" data-testid="missing-token">
        <h1>Lantern</h1>
        <p>
          This page needs the launch token. Open Lantern with the full address that <code>npm start</code>{' '}
          printed: it ends in <code>#token=…</code>.
        </p>
      </main>
    );
  }
  return (
    <div className="app">
      <aside className="sidebar" aria-label="Workspace">
        <div className="brand">Lantern</div>
        <button
          type="button"
          data-testid="new-request"
          title="New request"
          onClick={() => useLantern.getState().openTab()}
        >
          + New request
        </button>
        <EnvironmentSwitcher />
        <WorkspaceSidebar />
        <SamplePanel />
        <HistorySection />
      </aside>
      <main className="workbench">
        <RequestTabs />
        <RequestPane />
        <ResponsePane />
      </main>
      <footer className="status-bar" data-testid="status-bar">
        <span data-testid="app-mode">
          {mode === 'desktop' ? 'Desktop app' : 'Browser mode · loopback only'}
        </span>
        {sandboxUrl && <span data-testid="sandbox-status">sandbox API running on {sandboxUrl}</span>}
        <VaultStatus />
        {version && <span>v{version}</span>}
      </footer>
    </div>
  );
}
