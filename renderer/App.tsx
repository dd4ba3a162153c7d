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
import { ProblemBanner } from './features/problems/ProblemBanner';
import { RequestTabs } from './features/request/RequestTabs';
import { EnvironmentSwitcher } from './features/environments/EnvironmentSwitcher';
import { QuickOpen } from './features/quick-open/QuickOpen';
import { QuickOpenButton } from './features/quick-open/QuickOpenButton';
import { RunnerStatus } from './features/runner/RunnerStatus';
import { RunnerView } from './features/runner/RunnerView';
import { RequestResponseSplit } from './layout/RequestResponseSplit';
import { SidebarToggle } from './layout/SidebarToggle';
import { SplitSwitch } from './layout/SplitSwitch';
import { ThemeSwitch } from './layout/ThemeSwitch';
import { Workbench } from './layout/Workbench';
import { useDocumentTheme } from './theme';
import { preloadDeferred } from './deferred';
import './layout/layout.css';

export function App() {
  useShortcuts();
  useDocumentTheme();
  const [version, setVersion] = useState('');
  const sandboxUrl = useLantern((s) => s.sample?.baseUrl);
  // The panes mount once the saved sizes are known (a local call, answered before the vault opens).
  const preferencesLoaded = useLantern((s) => s.preferencesLoaded);
  const preferencesProblem = useLantern((s) => s.preferencesProblem);
  const runnerShown = useLantern((s) => s.runner?.shown === true);
  useEffect(() => {
    void call('appInfo', {}).then((result) => result.ok && setVersion(result.value.version));
    // Tabs as they were left: drafts, order, the active one (secrets were never kept).
    void useLantern.getState().startSession();
    void useLantern.getState().loadPreferences();
    // A resize or theme change made just before the window closes is still written.
    const flush = () => useLantern.getState().flushPreferences();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, []);
  // The editors load once the workbench is on screen and the window is idle.
  useEffect(() => {
    if (preferencesLoaded) preloadDeferred();
  }, [preferencesLoaded]);
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
      <ProblemBanner />
      {preferencesLoaded ? (
        <Workbench
          sidebar={
            <>
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
            </>
          }
          main={
            <main className="workbench">
              {/* The request tabs stay mounted under the runner: drafts, editors and scroll are kept. */}
              <div className="workbench-requests" hidden={runnerShown}>
                <RequestTabs />
                <RequestResponseSplit request={<RequestPane />} response={<ResponsePane />} />
              </div>
              {runnerShown && <RunnerView />}
            </main>
          }
        />
      ) : (
        <div aria-busy="true" />
      )}
      <footer className="status-bar" data-testid="status-bar">
        <SidebarToggle />
        <QuickOpenButton />
        <RunnerStatus />
        <span data-testid="app-mode">
          {mode === 'desktop' ? 'Desktop app' : 'Browser mode · loopback only'}
        </span>
        {sandboxUrl && <span data-testid="sandbox-status">sandbox API running on {sandboxUrl}</span>}
        <VaultStatus />
        {version && <span>v{version}</span>}
        {preferencesProblem && (
          <span
            className="status-problem"
            role="alert"
            title={preferencesProblem}
            data-testid="preferences-problem"
          >
            Theme and layout are not being kept: {preferencesProblem}
          </span>
        )}
        <span className="status-spacer" />
        <SplitSwitch />
        <ThemeSwitch />
      </footer>
      <QuickOpen />
    </div>
  );
}
