import { useEffect, useState } from 'react';
import type { VaultStatusView } from '../../../shared/model/vault';
import { call } from '../../api';

const NAMES = { safeStorage: 'OS safe storage', 'os-keyring': 'OS keyring', 'key-file': 'key file' } as const;

/** The status bar's vault indicator: which protection is in force, and any problem, in plain words. */
export function VaultStatus() {
  const [status, setStatus] = useState<VaultStatusView>();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    void call('vaultStatus', {}).then((result) =>
      result.ok ? setStatus(result.value) : setError(result.error.message),
    );
  }, []);
  const act = async (name: 'retryVault' | 'resetVault') => {
    const result = await call(name, {});
    if (result.ok) setStatus(result.value);
    else setError(result.error.message);
  };
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
              <button type="button" onClick={() => void act('retryVault')}>
                Try again
              </button>
              <button
                type="button"
                className="danger"
                data-testid="vault-reset"
                onClick={() => void act('resetVault')}
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
