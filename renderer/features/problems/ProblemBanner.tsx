import { useLantern } from '../../store';
import './problems.css';

/**
 * What stops Lantern from working as the user expects, named with its fix, above everything else
 * until it is dealt with: a vault that cannot be read (no secret can be used or saved), files of the
 * vault or of the open workspace that could not be read (their credentials or requests are missing).
 * A warning (an unknown key Lantern ignored) stays in the sidebar only.
 */
export function ProblemBanner() {
  const vault = useLantern((s) => s.vault);
  const view = useLantern((s) => s.workspaceView);
  const { retryVault, resetVault } = useLantern.getState();
  const broken = (view?.problems ?? []).filter((p) => p.severity !== 'warning');
  // The unreadable vault itself is the first banner; the others are files beside it.
  const vaultFiles = (vault?.problems ?? []).filter((p) => p !== vault?.problem);
  const first = broken[0];
  // Always there (empty most of the time): it is the first row of the window's grid.
  return (
    <div className="problem-banners">
      {vault && !vault.ok && (
        <div className="problem-banner" role="alert" data-testid="vault-banner">
          <p>
            <strong>The vault cannot be read, so no saved secret can be used or saved.</strong>{' '}
            {vault.problem ?? ''}
          </p>
          <div className="problem-actions">
            <button type="button" onClick={() => void retryVault()}>
              Try again
            </button>
            <button type="button" className="danger" onClick={() => void resetVault()}>
              Start a new vault (the old file is kept aside)
            </button>
          </div>
        </div>
      )}
      {vaultFiles.length > 0 && (
        <div className="problem-banner" role="alert" data-testid="vault-files-banner">
          <p>
            <strong>
              {vaultFiles.length === 1
                ? 'A file of the vault could not be read'
                : `${vaultFiles.length} files of the vault could not be read`}
              ; they are kept untouched.
            </strong>{' '}
            {vaultFiles.join(' ')}
          </p>
          <div className="problem-actions">
            <button type="button" onClick={() => void retryVault()}>
              Try again
            </button>
          </div>
        </div>
      )}
      {view && first && (
        <div className="problem-banner" role="alert" data-testid="workspace-problems-banner">
          <p>
            <strong>
              {broken.length === 1
                ? `A file of "${view.name}" could not be read, so its request is missing:`
                : `${broken.length} files of "${view.name}" could not be read, so their requests are missing:`}
            </strong>{' '}
            <code>
              {first.path}
              {first.line ? `:${first.line}` : ''}
            </code>{' '}
            {first.reason}
            {broken.length > 1 ? ` (and ${broken.length - 1} more, listed in the sidebar)` : ''}
          </p>
          <p className="hint">
            The reason above says what to fix; Lantern reads the file again when it is saved.
          </p>
        </div>
      )}
    </div>
  );
}
