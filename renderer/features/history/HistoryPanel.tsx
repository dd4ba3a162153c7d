import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { HistorySummary } from '../../../shared/model/history';
import { X } from 'lucide-react';
import { IconButton } from '../../components/Button';
import { formatDuration } from '../response/format';
import { relativeTime, shortenUrl, statusBadge } from './history-format';
import './history-panel.css';

export interface HistoryPanelProps {
  entries: HistorySummary[];
  activeId?: string;
  /** One click: the preview tab. */
  onOpen(id: string): void;
  /** Double-click: a tab of its own. */
  onPin?(id: string): void;
  onClear(): void;
  onDelete(id: string): void;
  /** The clock for "5 min ago"; the panel keeps its own, refreshed each half minute, when absent. */
  now?: Date;
}

/** The list of past exchanges, newest first: open one, delete one, or clear them all. */
export function HistoryPanel({
  entries,
  activeId,
  onOpen,
  onPin,
  onClear,
  onDelete,
  now,
}: HistoryPanelProps) {
  const clock = useClock(now);
  const listRef = useRef<HTMLOListElement>(null);
  const sorted = [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));

  // Up/Down/Home/End move between entries; Delete removes the focused one.
  const onListKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const items = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('.history-item') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const next: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      Home: 0,
      End: items.length - 1,
    };
    if (event.key in next) {
      event.preventDefault();
      items[Math.min(items.length - 1, Math.max(0, next[event.key] as number))]?.focus();
    } else if (event.key === 'Delete' && sorted[at]) {
      event.preventDefault();
      (items[at + 1] ?? items[at - 1])?.focus();
      onDelete(sorted[at].id);
    }
  };

  return (
    <section className="history-panel" data-testid="history-panel" aria-labelledby="history-heading">
      <header className="history-header">
        <h2 id="history-heading">History</h2>
        {sorted.length > 0 && <ClearHistory count={sorted.length} onClear={onClear} />}
      </header>
      {sorted.length === 0 ? (
        <p className="history-empty" data-testid="history-empty">
          No requests yet. Each request you send is kept here, with its secrets hidden, so you can reopen its
          response or send it again.
        </p>
      ) : (
        <ol className="history-list" ref={listRef} onKeyDown={onListKeyDown}>
          {sorted.map((entry, index) => {
            const path = shortenUrl(entry.url);
            const status = statusBadge(entry);
            const when = relativeTime(entry.at, clock);
            const active = entry.id === activeId;
            // A failed send took no measurable time worth showing.
            const took = entry.status === null ? undefined : formatDuration(entry.totalMs);
            const title = entry.name ?? path;
            // When and how long first: a narrow sidebar cuts the end of the line, and the name already tells the row apart.
            const details = [when, took, entry.name ? path : undefined].filter(Boolean).join(' · ');
            return (
              <li key={entry.id} className="history-row">
                <button
                  type="button"
                  className={active ? 'history-item active' : 'history-item'}
                  data-testid={`history-item-${index}`}
                  aria-current={active ? 'true' : undefined}
                  aria-keyshortcuts="Delete"
                  title={entry.error ? `${entry.url}\n${entry.error.message}` : entry.url}
                  onClick={() => onOpen(entry.id)}
                  onDoubleClick={() => onPin?.(entry.id)}
                >
                  {/* Named by its visible words (spaced for screen readers), the status in full at the end. */}
                  <span className={`badge method-${entry.method.toLowerCase()}`}>{entry.method}</span>{' '}
                  <span className={entry.name ? 'history-name' : 'history-name history-path'}>{title}</span>{' '}
                  <span className={status.className}>{status.text}</span>{' '}
                  <time className="history-time" dateTime={entry.at}>
                    {details}
                  </time>
                  <span className="visually-hidden">, {status.label}</span>
                </button>
                <IconButton
                  className="history-delete"
                  icon={X}
                  testId={`history-delete-${index}`}
                  label={`Delete ${entry.method} ${title} from history`}
                  title="Delete from history"
                  onClick={() => onDelete(entry.id)}
                />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** "Clear history", then an inline question: a misclick must not wipe everything. */
function ClearHistory({ count, onClear }: { count: number; onClear(): void }) {
  const [asking, setAsking] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  const clearRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) keepRef.current?.focus();
    else if (wasAsking.current) clearRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button
        type="button"
        ref={clearRef}
        className="history-clear"
        data-testid="history-clear"
        onClick={() => setAsking(true)}
      >
        Clear history
      </button>
    );
  }
  return (
    <div
      className="history-confirm"
      role="group"
      aria-labelledby="history-confirm-question"
      data-testid="history-clear-question"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          setAsking(false);
        }
      }}
    >
      <span id="history-confirm-question">
        Delete all {count} {count === 1 ? 'entry' : 'entries'}?
      </span>
      <button
        type="button"
        className="danger"
        data-testid="history-clear-confirm"
        onClick={() => {
          setAsking(false);
          onClear();
        }}
      >
        Delete all
      </button>
      <button type="button" ref={keepRef} data-testid="history-clear-cancel" onClick={() => setAsking(false)}>
        Keep
      </button>
    </div>
  );
}

function useClock(fixed: Date | undefined): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (fixed) return;
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, [fixed]);
  return fixed ?? now;
}
