import { useEffect } from 'react';
import { useLantern } from './store';
import { activeTab } from './store/tabs-slice';

/**
 * Window-wide shortcuts: Ctrl/Cmd+Enter sends, Esc cancels, Ctrl/Cmd+L focuses the URL,
 * Ctrl/Cmd+E the environment, Ctrl/Cmd+N opens and Ctrl/Cmd+W closes a tab (browsers keep
 * the last two for themselves in browser mode). Ctrl/Cmd+P is quick open (Ctrl/Cmd+Shift+P: its
 * commands), Ctrl/Cmd+B or Ctrl/Cmd+\ hides or shows the sidebar, as in VS Code and Insomnia.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const state = useLantern.getState();
      const { send, cancel } = state;
      const { inFlightId } = activeTab(state);
      if (mod && event.key === 'Enter') {
        event.preventDefault();
        void send();
      } else if (event.key === 'Escape' && inFlightId) {
        event.preventDefault();
        void cancel();
      } else if (mod && event.key.toLowerCase() === 'e') {
        event.preventDefault();
        document.getElementById('environment-select')?.focus();
      } else if (mod && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        state.openTab();
      } else if (mod && event.key.toLowerCase() === 'w') {
        event.preventDefault();
        state.requestClose([state.activeTabId]); // asks first about unsaved changes
      } else if (mod && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        state.showQuickOpen({ query: event.shiftKey ? '>' : '' });
      } else if (mod && !event.shiftKey && (event.key.toLowerCase() === 'b' || event.key === '\\')) {
        event.preventDefault();
        state.setSidebarCollapsed(!state.preferences.sidebarCollapsed);
      } else if (mod && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        const url = document.getElementById('url-input') as HTMLInputElement | null;
        url?.focus();
        url?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
