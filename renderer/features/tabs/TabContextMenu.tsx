import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuAction {
  id: string;
  label: string;
  /** Shown at the right of the item (a shortcut). */
  hint?: string;
  /** Why it is unavailable: the item stays visible, focusable and explained, as the APG suggests. */
  disabledReason?: string;
  run: () => void;
}

interface TabContextMenuProps {
  label: string;
  actions: MenuAction[];
  /** Where it opens (the pointer, or the tab for Shift+F10); kept inside the window. */
  at: { x: number; y: number };
  /** Closes the menu; the strip then gives focus back to the tab. */
  onClose: () => void;
}

/**
 * A WAI-ARIA menu: focus starts on the first item; Up/Down (wrapping), Home/End and the first letter
 * move; Enter or Space runs an item; Esc, Tab or a click elsewhere closes it.
 */
export function TabContextMenu({ label, actions, at, onClose }: TabContextMenuProps) {
  const menu = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState(at);
  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  useLayoutEffect(() => {
    const box = menu.current?.getBoundingClientRect();
    if (box) {
      setPosition({
        x: Math.max(4, Math.min(at.x, window.innerWidth - box.width - 4)),
        y: Math.max(4, Math.min(at.y, window.innerHeight - box.height - 4)),
      });
    }
    items()[0]?.focus();
  }, [at]);

  useEffect(() => {
    const away = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('mousedown', away);
    window.addEventListener('blur', onClose);
    window.addEventListener('resize', onClose);
    return () => {
      document.removeEventListener('mousedown', away);
      window.removeEventListener('blur', onClose);
      window.removeEventListener('resize', onClose);
    };
  }, [onClose]);

  const run = (action: MenuAction) => {
    if (action.disabledReason) return;
    onClose();
    action.run();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => list[(index + list.length) % list.length]?.focus();
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(list.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') onClose();
    else if (event.key.length === 1 && /\S/.test(event.key)) {
      const letter = event.key.toLowerCase();
      const after = [...actions.slice(at + 1), ...actions.slice(0, at + 1)];
      const found = after.find((a) => a.label.toLowerCase().startsWith(letter));
      if (found) move(actions.indexOf(found));
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div
      ref={menu}
      className="tab-menu"
      role="menu"
      aria-label={label}
      data-testid="tab-menu"
      style={{ left: position.x, top: position.y }}
      onKeyDown={onKeyDown}
    >
      {actions.map((action) => (
        <div
          key={action.id}
          role="menuitem"
          tabIndex={-1}
          className="tab-menu-item"
          aria-disabled={action.disabledReason ? true : undefined}
          title={action.disabledReason}
          data-testid={`tab-menu-${action.id}`}
          onClick={() => run(action)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' && event.key !== ' ') return;
            event.preventDefault();
            event.stopPropagation();
            run(action);
          }}
        >
          <span>{action.label}</span>
          {action.hint && <kbd className="tab-menu-hint">{action.hint}</kbd>}
        </div>
      ))}
    </div>
  );
}
