import { PanelLeftClose, PanelLeftOpen } from 'lucide-react';
import { useLantern } from '../store';
import { shortcutLabel } from './shortcut-label';

/** Hides or shows the sidebar, as Ctrl/Cmd+B does. */
export function SidebarToggle() {
  const collapsed = useLantern((s) => s.preferences.sidebarCollapsed);
  const setSidebarCollapsed = useLantern((s) => s.setSidebarCollapsed);
  const label = collapsed ? 'Show sidebar' : 'Hide sidebar';
  return (
    <button
      type="button"
      className="icon status-icon"
      data-testid="sidebar-toggle"
      aria-label={label}
      aria-expanded={!collapsed}
      title={`${label} (${shortcutLabel('B')})`}
      onClick={() => setSidebarCollapsed(!collapsed)}
    >
      {collapsed ? <PanelLeftOpen size={14} aria-hidden /> : <PanelLeftClose size={14} aria-hidden />}
    </button>
  );
}
