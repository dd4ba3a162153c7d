import { useActiveTab, useLantern } from '../../store';
import { fileIdOf } from '../../store/workspace-files-slice';

/** Shown over the request when its file changed on disk while the tab had unsaved edits. */
export function ConflictBar() {
  const requestId = useActiveTab((t) => fileIdOf(t.sourceId));
  const conflicted = useLantern((s) => (requestId ? s.fileConflicts.includes(requestId) : false));
  if (!requestId || !conflicted) return null;
  const { resolveConflict } = useLantern.getState();
  return (
    <div className="file-conflict" role="alert" data-testid="file-conflict">
      <span>
        This request’s file changed on disk while you were editing it. Reload it (your edits are dropped) or
        overwrite the file with your version.
      </span>
      <button
        type="button"
        data-testid="conflict-reload"
        onClick={() => void resolveConflict(requestId, 'reload')}
      >
        Reload from disk
      </button>
      <button
        type="button"
        className="danger"
        data-testid="conflict-overwrite"
        onClick={() => void resolveConflict(requestId, 'overwrite')}
      >
        Overwrite
      </button>
    </div>
  );
}
