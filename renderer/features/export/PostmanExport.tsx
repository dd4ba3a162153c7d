import { useState } from 'react';
import type { CallOutput } from '../../../shared/contract';
import { useLantern } from '../../store';

/** Writes the open workspace as a Postman v2.1 collection (and its environments) to a path, on the main side. */
export function PostmanExport() {
  const view = useLantern((s) => s.workspaceView);
  const [path, setPath] = useState(() => (view ? `${view.path}.postman_collection.json` : ''));
  const [done, setDone] = useState<CallOutput<'exportPostman'>>();
  const [error, setError] = useState<string>();
  if (!view) return null;
  const run = async () => {
    const result = await useLantern.getState().exportPostman({ path });
    if (!result.ok) return (setDone(undefined), setError(result.error.message));
    setError(undefined);
    setDone(result.value);
  };
  return (
    <section className="postman-export" aria-label="Export the workspace to Postman">
      <h3>Workspace “{view.name}” → Postman v2.1</h3>
      <form
        className="export-options"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <input
          aria-label="Postman file path"
          data-testid="export-postman-path"
          value={path}
          onChange={(e) => setPath(e.target.value)}
        />
        <button type="submit" data-testid="export-postman" disabled={path.trim() === ''}>
          Write collection
        </button>
      </form>
      <p className="hint">Secrets are written as {'{{placeholders}}'}, never as values.</p>
      {done && (
        <div role="status" data-testid="export-postman-done">
          <p>Written to {done.path}.</p>
          {done.environmentFiles.length > 0 && <p>Environments: {done.environmentFiles.join(', ')}</p>}
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
