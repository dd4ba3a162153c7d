import { useState } from 'react';
import type { CallOutput } from '../../../shared/contract';
import { describeSave, downloadAll } from '../../file-transfer';
import { useLantern } from '../../store';

/**
 * The open workspace as a Postman v2.1 collection and its environments: the desktop app writes them
 * where the user chooses in the save dialog; browser mode hands them to the browser as downloads.
 */
export function PostmanExport() {
  const view = useLantern((s) => s.workspaceView);
  const [done, setDone] = useState<CallOutput<'exportPostman'>>();
  const [error, setError] = useState<string>();
  if (!view) return null;
  const run = async () => {
    const result = await useLantern.getState().exportPostman({});
    if (!result.ok) return (setDone(undefined), setError(result.error.message));
    if (result.value.downloads) downloadAll(result.value.downloads);
    setError(undefined);
    setDone(result.value);
  };
  return (
    <section className="postman-export" aria-label="Export the workspace to Postman">
      <h3>Workspace “{view.name}” → Postman v2.1</h3>
      <div className="export-options">
        <button type="button" data-testid="export-postman" onClick={() => void run()}>
          Export collection…
        </button>
      </div>
      <p className="hint">Secrets are written as {'{{placeholders}}'}, never as values.</p>
      {done && (
        <div role="status" data-testid="export-postman-done">
          <p>{describeSave(done)}</p>
          {done.saved && done.environmentFiles.length > 0 && (
            <p>Environments beside it: {done.environmentFiles.join(', ')}</p>
          )}
          {done.warnings.length > 0 && (
            <ul>
              {done.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error && (
        <p className="inline-error" role="alert" data-testid="export-postman-error">
          {error}
        </p>
      )}
    </section>
  );
}
