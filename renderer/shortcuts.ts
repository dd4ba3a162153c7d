import { useEffect } from 'react';
import { useLantern } from './store';
import { activeTab } from './store/tabs-slice';

/** Window-wide shortcuts: Ctrl/Cmd+Enter sends, Esc cancels, Ctrl/Cmd+L focuses the URL. */
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
