import { useLantern } from '../../store';
import { draftTitle } from '../../store/drafts';
import { isUnsaved } from '../../store/tabs-slice';

/** Open requests as tabs; a dot marks unsaved changes. */
export function RequestTabs() {
  const tabs = useLantern((s) => s.tabs);
  const activeTabId = useLantern((s) => s.activeTabId);
  const { selectTab, closeTab, openTab } = useLantern.getState();
  return (
    <div className="request-tabs" role="tablist" aria-label="Open requests">
      {tabs.map((tab, index) => {
        const title = tab.name ?? draftTitle(tab.draft);
        const unsaved = isUnsaved(tab);
        return (
          <div key={tab.id} className={tab.id === activeTabId ? 'request-tab active' : 'request-tab'}>
            <button
              type="button"
              role="tab"
              aria-selected={tab.id === activeTabId}
              data-testid={`request-tab-${index}`}
              title={unsaved ? `${title} (unsaved changes)` : title}
              onClick={() => selectTab(tab.id)}
            >
              <span className={`badge method-${tab.draft.method.toLowerCase()}`}>{tab.draft.method}</span>{' '}
              {title}
              {unsaved && (
                <span
                  className="unsaved-dot"
                  data-testid={`request-tab-${index}-unsaved`}
                  aria-label="unsaved changes"
                >
                  ●
                </span>
              )}
            </button>
            <button
              type="button"
              className="icon close"
              aria-label={`Close ${title}`}
              data-testid={`request-tab-${index}-close`}
              onClick={() => closeTab(tab.id)}
            >
              ×
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="icon"
        aria-label="New request"
        data-testid="request-tab-new"
        onClick={() => openTab()}
      >
        +
      </button>
    </div>
  );
}
