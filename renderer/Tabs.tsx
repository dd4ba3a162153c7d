interface TabsProps {
  label: string;
  idPrefix: string;
  tabs: { id: string; label: string }[];
  active: string;
  onSelect: (id: string) => void;
}

/** An accessible tab strip; each tab is `data-testid="<prefix>-tab-<id>"`. */
export function Tabs({ label, idPrefix, tabs, active, onSelect }: TabsProps) {
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          aria-selected={tab.id === active}
          data-testid={`${idPrefix}-tab-${tab.id}`}
          className={tab.id === active ? 'tab active' : 'tab'}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
