import { Plus, X } from 'lucide-react';
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { findRequest } from '../../../shared/collections/effective-request';
import { useLantern } from '../../store';
import { othersThan, rightOf } from '../../store/tab-list';
import { isUnsaved, type RequestTab } from '../../store/tabs-slice';
import { fileIdOf } from '../../store/workspace-files-slice';
import { TabContextMenu, type MenuAction } from './TabContextMenu';
import { tabTitle } from './tab-title';
import './tabs.css';

const DRAG_TYPE = 'application/x-lantern-tab';

interface MenuState {
  tabId: string;
  at: { x: number; y: number };
}

/**
 * Open requests as tabs: a dot for unsaved changes, italics for the preview tab, middle-click or
 * × to close (asking first about unsaved changes), drag to reorder, a context menu (right-click,
 * Shift+F10 or the Menu key), Left/Right to move between tabs. The strip scrolls to the active tab.
 */
export function TabStrip() {
  const tabs = useLantern((s) => s.tabs);
  const activeTabId = useLantern((s) => s.activeTabId);
  const view = useLantern((s) => s.workspaceView);
  const { selectTab, openTab, requestClose, pinTab, moveTab, duplicateTab, revealInSidebar } =
    useLantern.getState();
  const strip = useRef<HTMLDivElement>(null);
  const [menu, setMenu] = useState<MenuState>();
  const [drop, setDrop] = useState<{ id: string; after: boolean }>();

  const tabButton = (id: string) =>
    strip.current?.querySelector<HTMLElement>(`[data-tab-id="${CSS.escape(id)}"] [role="tab"]`) ?? undefined;

  useEffect(() => {
    tabButton(activeTabId)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [activeTabId, tabs.length]);

  // Focus lost with a closed tab (its × or a dialog's button is gone) lands on the active tab.
  const tabCount = useRef(tabs.length);
  useEffect(() => {
    const closed = tabs.length < tabCount.current;
    tabCount.current = tabs.length;
    if (!closed) return;
    const frame = requestAnimationFrame(() => {
      const focused = document.activeElement;
      const lost = !focused || focused === document.body || !focused.isConnected;
      if (lost && !document.querySelector('dialog[open]')) tabButton(activeTabId)?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [tabs.length, activeTabId]);

  const closeMenu = useCallback(() => {
    setMenu((current) => {
      // Focus lost with the menu goes back to its tab, or to the active one if that tab is gone;
      // focus an action moved elsewhere (Reveal in sidebar, a dialog) stays there.
      if (current)
        requestAnimationFrame(() => {
          const focused = document.activeElement;
          if (focused && focused !== document.body && focused.isConnected) return;
          const { tabs: now, activeTabId: active } = useLantern.getState();
          tabButton(now.some((t) => t.id === current.tabId) ? current.tabId : active)?.focus();
        });
      return undefined;
    });
  }, []);

  const menuActions = (tab: RequestTab): MenuAction[] => {
    const savedId = fileIdOf(tab.sourceId);
    const inSidebar = savedId !== undefined && view !== undefined && findRequest(view.root, savedId);
    return [
      { id: 'close', label: 'Close', hint: 'Ctrl+W', run: () => requestClose([tab.id]) },
      {
        id: 'close-others',
        label: 'Close others',
        ...(tabs.length < 2 ? { disabledReason: 'No other tab is open.' } : {}),
        run: () => requestClose(othersThan(tabs, tab.id)),
      },
      {
        id: 'close-right',
        label: 'Close to the right',
        ...(rightOf(tabs, tab.id).length === 0
          ? { disabledReason: 'No tab is to the right of this one.' }
          : {}),
        run: () => requestClose(rightOf(tabs, tab.id)),
      },
      { id: 'close-all', label: 'Close all', run: () => requestClose(tabs.map((t) => t.id)) },
      ...(tab.preview ? [{ id: 'keep-open', label: 'Keep open', run: () => pinTab(tab.id) }] : []),
      { id: 'duplicate', label: 'Duplicate', run: () => duplicateTab(tab.id) },
      {
        id: 'reveal',
        label: 'Reveal in sidebar',
        ...(inSidebar
          ? {}
          : { disabledReason: 'Only a request saved in the open workspace is in the sidebar.' }),
        run: () => savedId && revealInSidebar(savedId),
      },
    ];
  };

  const openMenuFromKeys = (tab: RequestTab) => {
    const box = tabButton(tab.id)?.getBoundingClientRect();
    setMenu({ tabId: tab.id, at: { x: box?.left ?? 0, y: box?.bottom ?? 0 } });
  };

  const onTabKeyDown = (event: KeyboardEvent, tab: RequestTab, index: number) => {
    if ((event.shiftKey && event.key === 'F10') || event.key === 'ContextMenu') {
      event.preventDefault();
      openMenuFromKeys(tab);
      return;
    }
    if (event.key === 'Delete') {
      // The keyboard's way to the close button, which is left out of the tab list (WAI-ARIA tabs).
      event.preventDefault();
      requestClose([tab.id]);
      return;
    }
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    const jump = { Home: 0, End: tabs.length - 1 }[event.key];
    const to = step !== undefined ? (index + step + tabs.length) % tabs.length : jump;
    if (to === undefined) return;
    event.preventDefault();
    const next = tabs[to];
    if (!next) return;
    selectTab(next.id);
    tabButton(next.id)?.focus();
  };

  const dropHandlers = (tab: RequestTab, index: number) => ({
    onDragOver: (event: DragEvent<HTMLDivElement>) => {
      if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      const box = event.currentTarget.getBoundingClientRect();
      const after = event.clientX > box.left + box.width / 2;
      if (drop?.id !== tab.id || drop.after !== after) setDrop({ id: tab.id, after });
    },
    onDrop: (event: DragEvent<HTMLDivElement>) => {
      const dragged = event.dataTransfer.getData(DRAG_TYPE);
      setDrop(undefined);
      if (!dragged || dragged === tab.id) return;
      event.preventDefault();
      const from = tabs.findIndex((t) => t.id === dragged);
      const box = event.currentTarget.getBoundingClientRect();
      const target = index + (event.clientX > box.left + box.width / 2 ? 1 : 0);
      // The index in the list once the dragged tab has left its place.
      moveTab(dragged, from < target ? target - 1 : target);
    },
  });

  const menuTab = menu ? tabs.find((t) => t.id === menu.tabId) : undefined;
  return (
    <div className="request-tabs tab-strip">
      <div
        ref={strip}
        className="tab-strip-scroll"
        role="tablist"
        aria-label="Open requests"
        data-testid="tab-strip"
        onWheel={(event) => {
          // A mouse wheel scrolls the strip sideways, as in browsers and VS Code.
          if (event.deltaX === 0 && strip.current) strip.current.scrollLeft += event.deltaY;
        }}
      >
        {tabs.map((tab, index) => {
          const title = tabTitle(tab);
          const unsaved = isUnsaved(tab);
          const active = tab.id === activeTabId;
          const marker = drop?.id === tab.id ? (drop.after ? ' drop-after' : ' drop-before') : '';
          return (
            <div
              key={tab.id}
              role="presentation"
              data-tab-id={tab.id}
              className={`request-tab${active ? ' active' : ''}${tab.preview ? ' preview' : ''}${marker}`}
              draggable
              onDragStart={(event) => {
                event.dataTransfer.setData(DRAG_TYPE, tab.id);
                event.dataTransfer.effectAllowed = 'move';
              }}
              onDragEnd={() => setDrop(undefined)}
              onDragLeave={(event) => {
                if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDrop(undefined);
              }}
              {...dropHandlers(tab, index)}
              onMouseDown={(event: MouseEvent) => {
                if (event.button === 1) event.preventDefault(); // no autoscroll on middle-click
              }}
              onAuxClick={(event: MouseEvent) => {
                if (event.button !== 1) return;
                event.preventDefault();
                requestClose([tab.id]);
              }}
              onContextMenu={(event: MouseEvent) => {
                event.preventDefault();
                setMenu({ tabId: tab.id, at: { x: event.clientX, y: event.clientY } });
              }}
            >
              <button
                type="button"
                role="tab"
                className="tab-main"
                aria-selected={active}
                // Its visible words first (as axe requires), then the states its marks show.
                aria-label={`${tab.draft.method} ${title}${unsaved ? ', unsaved changes' : ''}${tab.preview ? ', preview' : ''}`}
                tabIndex={active ? 0 : -1}
                aria-haspopup="menu"
                aria-keyshortcuts="Shift+F10 Delete"
                data-testid={`request-tab-${index}`}
                data-preview={tab.preview}
                title={`${tab.draft.method} ${tab.name ?? tab.draft.url ?? title}${unsaved ? ' (unsaved changes)' : ''}${tab.preview ? '\nPreview: opening another request replaces it; double-click to keep it open' : ''}`}
                onClick={() => selectTab(tab.id)}
                onDoubleClick={() => pinTab(tab.id)}
                onKeyDown={(event) => onTabKeyDown(event, tab, index)}
              >
                <span className={`badge method-${tab.draft.method.toLowerCase()}`}>{tab.draft.method}</span>{' '}
                <span className="tab-title">{title}</span>
                {unsaved && (
                  <span
                    className="unsaved-dot"
                    data-testid={`request-tab-${index}-unsaved`}
                    aria-hidden="true"
                  />
                )}
              </button>
              {/* A tab list holds only tabs: the pointer's close button is hidden from assistive
                  technology and the Tab key; the keyboard closes with Delete or Ctrl/Cmd+W. */}
              <button
                type="button"
                className="icon close"
                tabIndex={-1}
                aria-hidden="true"
                title="Close (Ctrl+W, or middle-click the tab)"
                data-testid={`request-tab-${index}-close`}
                onClick={() => requestClose([tab.id])}
              >
                <X size={14} aria-hidden="true" />
              </button>
            </div>
          );
        })}
      </div>
      <button
        type="button"
        className="icon tab-new"
        aria-label="New request"
        title="New request (Ctrl+N)"
        data-testid="request-tab-new"
        onClick={() => openTab()}
      >
        <Plus size={16} aria-hidden="true" />
      </button>
      {menu && menuTab && (
        <TabContextMenu
          label={`Actions for ${tabTitle(menuTab)}`}
          actions={menuActions(menuTab)}
          at={menu.at}
          onClose={closeMenu}
        />
      )}
    </div>
  );
}
