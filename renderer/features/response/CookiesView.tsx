import { useEffect } from 'react';
import { useLantern } from '../../store';
import { activeCookieJar } from '../../store/cookies-slice';
import { activeTab, jarWorkspaceOf } from '../../store/tabs-slice';

/** The cookie jar of the active request's workspace (values masked) and the cookies this response set. */
export function CookiesView({
  setCookies,
  host,
  redirected = false,
}: {
  setCookies: string[];
  host: string;
  /** Redirects were followed: their Set-Cookie headers are counted too. */
  redirected?: boolean;
}) {
  const workspaceId = useLantern((s) => jarWorkspaceOf(s, activeTab(s)));
  const listing = useLantern(activeCookieJar);
  const error = useLantern((s) => s.cookiesError);
  const clear = useLantern((s) => s.clearCookies);
  // Sends, tab switches to another workspace's jar and clearing refresh it while this shows it.
  useEffect(() => useLantern.getState().watchCookies(), []);
  const jar = listing?.jar;
  const cookies = listing?.cookies ?? [];
  return (
    <div className="cookies-view" data-testid="cookies-view">
      {jar && (
        <p className="cookie-jar-label" data-testid="cookie-jar-label">
          <strong>Cookie jar: {jar.label}</strong>{' '}
          <span className="hint">
            {jar.kept === 'vault'
              ? '· kept encrypted in the vault across restarts'
              : workspaceId
                ? '· kept until Lantern quits'
                : '· shared by scratch tabs and the sample, kept until Lantern quits'}
          </span>
        </p>
      )}
      {jar?.problem && <p className="inline-error">{jar.problem}</p>}
      <p className="hint">
        This response{redirected ? ' and the redirects before it' : ''} set {setCookies.length} cookie
        {setCookies.length === 1 ? '' : 's'}. Lantern sends the jar&apos;s cookies back to matching hosts, as
        a browser would; each workspace has its own jar.
      </p>
      {cookies.length === 0 ? (
        <p className="empty-note">This cookie jar is empty.</p>
      ) : (
        <table className="kv-table readonly" data-testid="cookie-jar">
          <thead>
            <tr>
              <th>Name</th>
              <th>Value</th>
              <th>Domain</th>
              <th>Path</th>
              <th>Expires</th>
              <th>Flags</th>
            </tr>
          </thead>
          <tbody>
            {cookies.map((cookie) => (
              <tr key={`${cookie.domain}${cookie.path}${cookie.name}`}>
                <td>{cookie.name}</td>
                <td>{cookie.value}</td>
                <td>{cookie.domain}</td>
                <td>{cookie.path}</td>
                <td>{cookie.expiresAt ? new Date(cookie.expiresAt).toLocaleString() : 'session'}</td>
                <td>
                  {[cookie.secure && 'Secure', cookie.httpOnly && 'HttpOnly', cookie.hostOnly && 'host only']
                    .filter(Boolean)
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && <p className="inline-error">{error}</p>}
      <div className="toolbar">
        <button type="button" data-testid="cookies-clear-host" onClick={() => void clear(host)}>
          Clear cookies of {host}
        </button>
        <button type="button" data-testid="cookies-clear-all" onClick={() => void clear()}>
          Clear this jar
        </button>
      </div>
    </div>
  );
}
