import { useEffect, type ReactNode } from 'react';
import { Panel, Separator, usePanelRef } from 'react-resizable-panels';
import { useLantern } from '../store';
import { PersistedGroup } from './PersistedGroup';

const SIDEBAR_DEFAULT_PX = 260;

/**
 * The window's panes: the sidebar (resizable, collapsible with Ctrl/Cmd+B or by dragging it shut)
 * beside the main area. Sizes and the collapsed state are kept with the preferences.
 */
export function Workbench({ sidebar, main }: { sidebar: ReactNode; main: ReactNode }) {
  const collapsed = useLantern((s) => s.preferences.sidebarCollapsed);
  const panel = usePanelRef();
  // The preference leads (shortcut, button, quick open); the panel follows it.
  useEffect(() => {
    const sidebarPanel = panel.current;
    if (!sidebarPanel || collapsed === sidebarPanel.isCollapsed()) return;
    if (collapsed) sidebarPanel.collapse();
    else {
      const width = useLantern.getState().preferences.paneLayouts.workbench?.['pane-sidebar'];
      sidebarPanel.resize(width ? `${width}%` : SIDEBAR_DEFAULT_PX);
    }
  }, [collapsed, panel]);
  return (
    <PersistedGroup
      id="workbench"
      orientation="horizontal"
      className="workbench-panes"
      // Collapsed at start: shut, while the width it had stays saved for when it opens.
      initialLayout={collapsed ? { 'pane-sidebar': 0, 'pane-main': 100 } : undefined}
      keep={(layout) => (layout['pane-sidebar'] ?? 0) > 0}
      onUserLayout={(layout) => {
        const shut = (layout['pane-sidebar'] ?? 0) === 0;
        const { preferences, setSidebarCollapsed } = useLantern.getState();
        if (shut !== preferences.sidebarCollapsed) setSidebarCollapsed(shut);
      }}
    >
      <Panel
        id="pane-sidebar"
        panelRef={panel}
        collapsible
        collapsedSize={0}
        minSize={200}
        maxSize="45%"
        defaultSize={SIDEBAR_DEFAULT_PX}
        groupResizeBehavior="preserve-pixel-size"
      >
        {/* Shut, it is out of the tab order and hidden from screen readers. */}
        <aside className="sidebar" aria-label="Workspace" data-testid="sidebar" inert={collapsed}>
          {sidebar}
        </aside>
      </Panel>
      <Separator
        className="pane-separator"
        aria-label="Resize the sidebar (drag it shut to hide it)"
        data-testid="sidebar-separator"
      />
      <Panel id="pane-main" minSize={420}>
        {main}
      </Panel>
    </PersistedGroup>
  );
}
