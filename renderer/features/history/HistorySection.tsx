import { useEffect } from 'react';
import { useActiveTab, useLantern } from '../../store';
import { HistoryPanel } from './HistoryPanel';

/** The sidebar's history: summaries at startup, a full exchange only when one is opened. */
export function HistorySection() {
  const entries = useLantern((s) => s.history);
  const problems = useLantern((s) => s.historyProblems);
  const error = useLantern((s) => s.historyError);
  const activeId = useActiveTab((t) =>
    t.sourceId?.startsWith('history:') ? t.sourceId.slice(8) : undefined,
  );
  const { refreshHistory, openHistoryEntry, deleteHistoryEntry, clearHistory } = useLantern.getState();
  useEffect(() => {
    void refreshHistory();
  }, [refreshHistory]);
  return (
    <section className="history-section" aria-label="History">
      <HistoryPanel
        entries={entries}
        activeId={activeId}
        onOpen={(id) => void openHistoryEntry(id)}
        onPin={(id) => void openHistoryEntry(id, { pinned: true })}
        onDelete={(id) => void deleteHistoryEntry(id)}
        onClear={() => void clearHistory()}
      />
      {error && <p className="inline-error">{error}</p>}
      {problems.length > 0 && (
        <p className="hint" data-testid="history-problems">
          {problems.length} history file(s) could not be read and were left untouched: {problems[0]?.path} —{' '}
          {problems[0]?.reason}
        </p>
      )}
    </section>
  );
}
