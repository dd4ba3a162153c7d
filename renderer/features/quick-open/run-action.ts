import { useLantern } from '../../store';
import type { QuickAction } from './quick-open-entries';

/** A dialog quick open hands over to once it has closed. */
export type FollowUp = 'import' | 'export' | undefined;

/** Carries out a quick-open choice through the store; answers the dialog to open next, if any. */
export function runAction(action: QuickAction): FollowUp {
  const s = useLantern.getState();
  switch (action.kind) {
    case 'tab':
      s.selectTab(action.tabId);
      return undefined;
    case 'request':
      s.openSavedRequest(action.requestId);
      return undefined;
    case 'sample-request':
      s.openSampleRequest(action.requestId);
      return undefined;
    case 'history':
      void s.openHistoryEntry(action.entryId);
      return undefined;
    case 'new-request':
      s.openTab();
      return undefined;
    case 'environment':
      s.selectEnvironment(action.environmentId);
      return undefined;
    case 'theme':
      s.setTheme(action.theme);
      return undefined;
    case 'split':
      s.setSplit(action.split);
      return undefined;
    case 'toggle-sidebar':
      s.setSidebarCollapsed(!s.preferences.sidebarCollapsed);
      return undefined;
    case 'open-workspace':
      void s.workspaceCall('openWorkspace', { path: action.path }).then(() => s.loadWorkspaces());
      return undefined;
    case 'run-workspace':
      if (s.workspaceView) s.openRunner({ label: s.workspaceView.name });
      return undefined;
    case 'import':
      return 'import';
    case 'export':
      return 'export';
  }
}
