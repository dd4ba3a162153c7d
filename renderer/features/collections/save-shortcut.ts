import { useEffect } from 'react';
import { useLantern } from '../../store';

/** Ctrl/Cmd+S saves the active tab to its workspace file, or opens "Save as" for a request with no file yet. */
export function onSaveKey(event: KeyboardEvent): void {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 's') return;
  event.preventDefault();
  void useLantern.getState().saveActiveTab();
}

export function useSaveShortcut(): void {
  useEffect(() => {
    window.addEventListener('keydown', onSaveKey);
    return () => window.removeEventListener('keydown', onSaveKey);
  }, []);
}
