import { useEffect, useState } from 'react';
import type { CredentialSummary, RequestAuth } from '../../../shared/model/auth';
import { useActiveTab, useLantern } from '../../store';
import { RevealButton } from '../tokens/RevealButton';
import { BrowserSessionDialog } from './BrowserSessionDialog';
import { CredentialDialog } from './CredentialDialog';
import { KIND_NAMES, type CredentialKind } from './credential-fields';
import { InheritedAuth } from './InheritedAuth';
import { activeInheritance } from '../../store/inheritance-slice';

const TYPES: { type: RequestAuth['type']; label: string }[] = [
  { type: 'none', label: 'No auth' },
  ...(Object.entries(KIND_NAMES) as [CredentialKind, string][]).map(([type, label]) => ({ type, label })),
];

/** Chooses how the request authenticates: a type and a credential held by the main side. */
export function AuthEditor() {
  const auth = useActiveTab((t) => t.draft.auth);
  const editDraft = useLantern((s) => s.editDraft);
  // "No auth" of a request that inherits its folder's auth sends that auth: the choice says so.
  const inheritedFrom = useLantern((s) => {
    const view = activeInheritance(s);
    return view?.authUsed === 'inherited' ? view.auth?.from : undefined;
  });
  const credentials = useLantern((s) => s.credentials);
  const [dialog, setDialog] = useState<{ kind: CredentialKind; existing?: CredentialSummary }>();
  useEffect(() => useLantern.getState().watchCredentials(), []);
  const setAuth = (next: RequestAuth) => editDraft((d) => ({ ...d, auth: next }));
  const chooseType = (type: RequestAuth['type']) => {
    if (type === 'none') return setAuth({ type });
    const first = credentials.find((c) => c.kind === type);
    const credentialId = first?.id ?? '';
    setAuth(
      type === 'apiKey' ? { type, credentialId, name: 'X-API-Key', in: 'header' } : { type, credentialId },
    );
    if (!first) setDialog({ kind: type });
  };
  const closeDialog = (saved?: CredentialSummary) => {
    setDialog(undefined);
    // The store already lists a saved credential: the picker can select it at once.
    if (saved && auth.type !== 'none')
      setAuth({ ...auth, type: saved.kind, credentialId: saved.id } as RequestAuth);
  };
  const kind = auth.type === 'none' ? undefined : auth.type;
  const matching = credentials.filter((c) => c.kind === kind);
  const credential = auth.type === 'none' ? undefined : credentials.find((c) => c.id === auth.credentialId);
  return (
    <div className="auth-editor" data-testid="auth-editor">
      {/* Long type and credential names must not push New… and Edit out of a narrow pane. */}
      <div className="toolbar" style={{ flexWrap: 'wrap' }}>
        <label>
          Type{' '}
          <select
            data-testid="auth-type"
            value={auth.type}
            onChange={(e) => chooseType(e.target.value as RequestAuth['type'])}
          >
            {TYPES.map(({ type, label }) => (
              <option key={type} value={type}>
                {type === 'none' && inheritedFrom ? `Inherit from folder “${inheritedFrom}”` : label}
              </option>
            ))}
          </select>
        </label>
        {auth.type !== 'none' && kind && (
          <>
            <label>
              Credential{' '}
              <select
                data-testid="auth-credential"
                value={auth.credentialId}
                onChange={(e) => setAuth({ ...auth, credentialId: e.target.value })}
              >
                {matching.length === 0 && <option value="">none yet</option>}
                {matching.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" data-testid="auth-new-credential" onClick={() => setDialog({ kind })}>
              New…
            </button>
            {credential && (
              <button
                type="button"
                data-testid="auth-edit-credential"
                onClick={() => setDialog({ kind, existing: credential })}
              >
                Edit
              </button>
            )}
          </>
        )}
      </div>
      {auth.type === 'apiKey' && (
        <div className="toolbar">
          <label>
            Name{' '}
            <input
              data-testid="auth-apikey-name"
              value={auth.name}
              onChange={(e) => setAuth({ ...auth, name: e.target.value })}
            />
          </label>
          <label>
            Sent in{' '}
            <select
              value={auth.in}
              onChange={(e) => setAuth({ ...auth, in: e.target.value as 'header' | 'query' })}
            >
              <option value="header">a header</option>
              <option value="query">the query string</option>
            </select>
          </label>
        </div>
      )}
      {auth.type === 'none' && <InheritedAuth />}
      {credential && (
        <table className="kv-table readonly" data-testid="auth-summary">
          <tbody>
            {credential.details.map(([name, value]) => (
              <tr key={name}>
                <td className="header-name">{name}</td>
                <td>{value}</td>
              </tr>
            ))}
            <tr>
              <td className="header-name">Secret</td>
              <td data-testid="auth-secret-preview">
                {credential.secretReference ? (
                  <span data-testid="auth-secret-reference">
                    from the variable <code>{credential.secretReference}</code>
                  </span>
                ) : (
                  <RevealButton
                    testId="auth-secret"
                    masked={credential.secretPreview}
                    reveal={() => useLantern.getState().revealSecret(credential.id)}
                  />
                )}
              </td>
            </tr>
          </tbody>
        </table>
      )}
      {auth.type !== 'none' && auth.credentialId !== '' && !credential && (
        <p className="inline-error">
          This request names a credential Lantern does not have ({auth.credentialId}). Pick or create one.
        </p>
      )}
      {dialog &&
        (dialog.kind === 'browserSession' ? (
          <BrowserSessionDialog existing={dialog.existing} onClose={closeDialog} />
        ) : (
          <CredentialDialog kind={dialog.kind} existing={dialog.existing} onClose={closeDialog} />
        ))}
    </div>
  );
}
