import { useEffect, useRef, type HTMLAttributes, type KeyboardEvent, type ReactNode } from 'react';

interface TabsProps {
  label: string;
  idPrefix: string;
  tabs: {
    id: string;
    label: ReactNode;
    /** The tab's name when its label has symbols (⚠, ✖). */ title?: string;
  }[];
  active: string;
  onSelect: (id: string) => void;
}

export const tabElementId = (idPrefix: string, id: string) => `${idPrefix}-tab-${id}`;
export const tabPanelId = (idPrefix: string) => `${idPrefix}-tabpanel`;

/**
 * Where a key moves focus in a strip of `count` tabs (WAI-ARIA tabs pattern): arrows wrap around,
 * Home and End go to the ends; undefined for any other key.
 */
export function nextTabIndex(key: string, index: number, count: number): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/**
 * An accessible tab strip; each tab is `data-testid="<prefix>-tab-<id>"`. One tab is in the Tab order
 * (roving tabindex); arrows, Home and End move between tabs and select the one they reach. Its panel
 * is a `TabPanel` with the same prefix.
 */
export function Tabs({ label, idPrefix, tabs, active, onSelect }: TabsProps) {
  const strip = useRef<HTMLDivElement>(null);
  // A strip wider than its pane scrolls: the selected tab is kept in view (jsdom has no scrolling).
  useEffect(() => {
    strip.current
      ?.querySelector<HTMLElement>('[aria-selected="true"]')
      ?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [active]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((tab) => tab.id === active);
    const next = nextTabIndex(event.key, Math.max(0, at), tabs.length);
    const target = next === undefined ? undefined : tabs[next];
    if (!target) return;
    event.preventDefault();
    onSelect(target.id);
    strip.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next as number]?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={label} ref={strip} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const selected = tab.id === active;
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={tabElementId(idPrefix, tab.id)}
            aria-selected={selected}
            aria-controls={selected ? tabPanelId(idPrefix) : undefined}
            aria-label={tab.title}
            tabIndex={selected ? 0 : -1}
            data-testid={`${idPrefix}-tab-${tab.id}`}
            className={selected ? 'tab active' : 'tab'}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}

/** The attributes that make an element the panel of the selected tab (for a panel kept mounted when hidden). */
export const tabPanelAttributes = (idPrefix: string, active: string) => ({
  role: 'tabpanel',
  id: tabPanelId(idPrefix),
  'aria-labelledby': tabElementId(idPrefix, active),
});

/** The panel of the selected tab of the `Tabs` with the same prefix. */
export function TabPanel({
  idPrefix,
  active,
  className = 'tab-panel',
  children,
  ...rest
}: { idPrefix: string; active: string; children: ReactNode } & HTMLAttributes<HTMLDivElement>) {
  return (
    <div {...rest} className={className} {...tabPanelAttributes(idPrefix, active)}>
      {children}
    </div>
  );
}
