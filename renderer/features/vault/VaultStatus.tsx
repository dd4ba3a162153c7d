import { useEffect, useState } from 'react';
import { useLantern } from '../../store';

const NAMES = { safeStorage: 'OS safe storage', 'os-keyring': 'OS keyring', 'key-file': 'key file' } as const;

/** The status bar's vault indicator: which protection is in force, and any problem, in plain words. */
export function VaultStatus() {
  const status = useLantern((s) => s.vault);
  const error = useLantern((s) => s.vaultError);
  const { retryVault, resetVault } = useLantern.getState();
  const [open, setOpen] = useState(false);
  useEffect(() => void useLantern.getState().refreshVault(), []);
  if (!status) return error ? <span className="inline-error">{error}</span> : null;
  const problem = !status.ok || status.problems.length > 0;
  return (
    <span className="vault-status">
      <button
        type="button"
        className={problem ? 'link danger-text' : 'link'}
        data-testid="vault-status"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {problem ? '⚠ ' : ''}vault: {NAMES[status.protection]}
      </button>
      {open && (
        <div className="vault-popover" role="dialog" aria-label="Vault" data-testid="vault-details">
          <p>{status.description}</p>
          {status.notes.map((note) => (
            <p key={note} className="hint">
              {note}
            </p>
          ))}
          {status.problem && (
            <p className="inline-error" data-testid="vault-problem">
              {status.problem}
            </p>
          )}
          {status.problems.map((p) => (
            <p key={p} className="inline-error">
              {p}
            </p>
          ))}
          {!status.ok && (
            <div className="toolbar">
              <button type="button" onClick={() => void retryVault()}>
                Try again
              </button>
              <button
                type="button"
                className="danger"
                data-testid="vault-reset"
                onClick={() => void resetVault()}
              >
                Start a new vault (the old file is kept aside)
              </button>
            </div>
          )}
          {error && <p className="inline-error">{error}</p>}
        </div>
      )}
    </span>
  );
}
