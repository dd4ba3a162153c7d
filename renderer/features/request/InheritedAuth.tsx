import { useLantern } from '../../store';
import { activeInheritance } from '../../store/inheritance-slice';
import { activeTab } from '../../store/tabs-slice';
import { fileIdOf } from '../../store/workspace-files-slice';
import { KIND_NAMES } from './credential-fields';

/**
 * What a request whose own auth is "No auth" really sends, as the main side computes it: the auth
 * and credential it inherits from a folder (by name), or no credentials and why.
 */
export function InheritedAuth() {
  const saved = useLantern((s) => fileIdOf(activeTab(s).sourceId) !== undefined);
  const view = useLantern(activeInheritance);
  const error = useLantern((s) => (s.inheritance?.tabId === s.activeTabId ? s.inheritance.error : undefined));
  if (!saved) return <p className="empty-note">This request sends no credentials.</p>;
  if (error) return <p className="inline-error">{error}</p>;
  if (!view) return <p className="empty-note">Checking what this request inherits from its folders…</p>;
  const folderAuth = view.auth;
  if (view.authUsed === 'inherited' && folderAuth && folderAuth.value.type !== 'none') {
    const credential = view.credential;
    return (
      <div className="inherited-auth" data-testid="auth-inherited">
        <p>
          Inherited from folder “{folderAuth.from}”:{' '}
          <strong>
            {KIND_NAMES[folderAuth.value.type]} {credential ? credential.secretPreview : ''}
          </strong>
          {credential ? ` (credential “${credential.label}”)` : ''}
        </p>
        {!credential && (
          <p className="inline-error">
            The folder names a credential Lantern does not have ({folderAuth.value.credentialId}). Edit the
            folder and pick or create one.
          </p>
        )}
        {credential && (
          <table className="kv-table readonly" data-testid="auth-inherited-summary">
            <tbody>
              {credential.details.map(([name, value]) => (
                <tr key={name}>
                  <td className="header-name">{name}</td>
                  <td>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="hint">Pick a type above to use this request’s own auth instead.</p>
      </div>
    );
  }
  const reason =
    folderAuth === undefined
      ? 'none of its folders sets an auth.'
      : folderAuth.value.type === 'none'
        ? `the folder “${folderAuth.from}” sets “No auth”.`
        : `it does not inherit its folders’ auth (the folder “${folderAuth.from}” sets ${KIND_NAMES[folderAuth.value.type]}).`;
  return (
    <p className="empty-note" data-testid="auth-inherited-none">
      This request sends no credentials: {reason}
    </p>
  );
}
