import { useEffect, useState } from 'react';
import type { CookieSummary } from '../../../shared/model/cookies';
import { call } from '../../api';

/** The workspace's cookie jar (values masked) and the cookies this response set. */
export function CookiesView({ setCookies, host }: { setCookies: string[]; host: string }) {
  const [cookies, setCookiesList] = useState<CookieSummary[]>([]);
  const [error, setError] = useState<string>();
  const refresh = async () => {
    const result = await call('listCookies', {});
    if (result.ok) setCookiesList(result.value);
    else setError(result.error.message);
  };
  useEffect(() => {
    void refresh();
  }, [setCookies]);
  const clear = async (domain?: string) => {
    await call('clearCookies', domain ? { domain } : {});
    await refresh();
  };
  return (
    <div className="cookies-view" data-testid="cookies-view">
      <p className="hint">
        This response set {setCookies.length} cookie{setCookies.length === 1 ? '' : 's'}. Lantern keeps
        cookies in the workspace&apos;s jar and sends them back to matching hosts, as a browser would.
      </p>
      {cookies.length === 0 ? (
        <p className="empty-note">The cookie jar is empty.</p>
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
          Clear the jar
        </button>
      </div>
    </div>
  );
}
