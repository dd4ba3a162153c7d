import { Search } from 'lucide-react';
import { shortcutLabel } from '../../layout/shortcut-label';
import { useLantern } from '../../store';

/** Quick open for the mouse, and where its shortcut is written. */
export function QuickOpenButton() {
  const showQuickOpen = useLantern((s) => s.showQuickOpen);
  return (
    <button
      type="button"
      className="icon status-icon"
      data-testid="quick-open-button"
      title={`Quick open: requests, tabs, history and commands (${shortcutLabel('P')})`}
      onClick={() => showQuickOpen({ query: '' })}
    >
      <Search size={13} aria-hidden /> Quick open <kbd>{shortcutLabel('P')}</kbd>
    </button>
  );
}
