import { useActiveTab, useLantern } from '../../store';
import type { RequestAuth } from '../../../shared/model/auth';

const AUTH_NAMES: Record<RequestAuth['type'], string> = {
  none: 'No auth',
  bearer: 'Bearer token',
  basic: 'Basic auth',
  apiKey: 'API key',
  oauth2: 'OAuth 2 client credentials',
  session: 'Session login + CSRF header',
};

/** Which credential the request uses. Secrets stay on the main side: only a masked preview shows. */
export function AuthSummary() {
  const auth = useActiveTab((t) => t.draft.auth);
  const credentials = useLantern((s) => s.sample?.credentials);
  const credential = auth.type === 'none' ? undefined : credentials?.find((c) => c.id === auth.credentialId);
  return (
    <div className="auth-summary" data-testid="auth-summary">
      <p>
        <strong data-testid="auth-type">{AUTH_NAMES[auth.type]}</strong>
        {credential && <> · {credential.label}</>}
      </p>
      {auth.type === 'none' && <p className="empty-note">This request sends no credentials.</p>}
      {credential && (
        <table className="kv-table readonly">
          <tbody>
            {credential.details.map(([name, value]) => (
              <tr key={name}>
                <td className="header-name">{name}</td>
                <td>{value}</td>
              </tr>
            ))}
            <tr>
              <td className="header-name">Secret</td>
              <td data-testid="auth-secret-preview">{credential.secretPreview} (kept on the main side)</td>
            </tr>
          </tbody>
        </table>
      )}
      {auth.type !== 'none' && !credential && (
        <p className="inline-error">
          This request names a credential Lantern does not know ({auth.credentialId}).
        </p>
      )}
    </div>
  );
}
