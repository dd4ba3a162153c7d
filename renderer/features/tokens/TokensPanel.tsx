import { useEffect, useState } from 'react';
import { formatCountdown, tokenState, type TokenState } from '../../../shared/model/token';
import { useNow } from '../../hooks';
import { useLantern } from '../../store';
import { RevealButton } from './RevealButton';

const STATE_WORDS: Record<TokenState, string> = {
  valid: 'valid',
  expiring: 'expiring soon',
  expired: 'expired',
  'no-expiry': 'no stated expiry',
  rejected: 'rejected by the server',
};

/** Every token Lantern holds: state with a live countdown (opaque tokens too), claims, uses. */
export function TokensPanel() {
  const tokens = useLantern((s) => s.tokens);
  const listError = useLantern((s) => s.tokensError);
  const { newToken, forgetToken, revealToken } = useLantern.getState();
  // Why the last "Get a new token" or "Forget" failed, until the next one.
  const [actionError, setActionError] = useState<string>();
  const error = actionError ?? listError;
  const now = useNow();
  // Sends that grant tokens refresh the list while this panel shows it.
  useEffect(() => useLantern.getState().watchTokens(), []);
  const act = async (action: Promise<string | undefined>) => setActionError(await action);
  if (tokens.length === 0) {
    return (
      <div className="tokens-panel" data-testid="tokens-panel">
        <p className="empty-note">
          No tokens yet. Send a request that uses an OAuth 2 credential, and its token shows here.
        </p>
        {error && <p className="inline-error">{error}</p>}
      </div>
    );
  }
  return (
    <div className="tokens-panel" data-testid="tokens-panel">
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {tokens.map((token, index) => {
        const state = tokenState(token.expiresAt, now, token.rejected);
        return (
          <article key={token.id} className={`token-card token-${state}`} data-testid={`token-${index}`}>
            <header>
              <strong>{token.clientLabel}</strong>{' '}
              {token.clientId && <span className="hint">({token.clientId})</span>}
              <span className={`token-state state-${state}`} data-testid={`token-${index}-state`}>
                {STATE_WORDS[state]}
                {token.rejected && (
                  <span data-testid={`token-${index}-rejected`}>
                    {' '}
                    at {new Date(token.rejected.at).toLocaleTimeString()} by {token.rejected.method}{' '}
                    {token.rejected.url}
                    {token.rejected.status !== undefined ? ` (HTTP ${token.rejected.status})` : ''}
                  </span>
                )}
                {token.expiresAt !== undefined && state !== 'expired' && state !== 'rejected' && (
                  <span data-testid={`token-${index}-countdown`}>
                    {' '}
                    · {formatCountdown(token.expiresAt - now)} left
                  </span>
                )}
              </span>
            </header>
            <dl>
              <dt>Issued</dt>
              <dd>{new Date(token.issuedAt).toLocaleString()}</dd>
              <dt>Expires</dt>
              <dd>
                {token.expiresAt ? new Date(token.expiresAt).toLocaleString() : 'not stated by the server'}
              </dd>
              <dt>Scopes</dt>
              <dd>{token.scope || '—'}</dd>
              <dt>Value</dt>
              <dd>
                <RevealButton
                  testId={`token-${index}`}
                  masked={token.maskedValue}
                  reveal={() => revealToken(token.id)}
                />
              </dd>
            </dl>
            {token.jwt && (
              <details>
                <summary>Decoded JWT</summary>
                <pre data-testid={`token-${index}-jwt`}>
                  {JSON.stringify({ header: token.jwt.header, payload: token.jwt.payload }, null, 2)}
                </pre>
              </details>
            )}
            {token.usedBy.length > 0 && (
              <details>
                <summary>Used by {token.usedBy.length} request(s)</summary>
                <ul className="token-uses">
                  {token.usedBy.map((use, i) => (
                    <li key={i}>
                      {new Date(use.at).toLocaleTimeString()} {use.method} {use.url} →{' '}
                      {use.status ?? 'failed'}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            <footer>
              <button
                type="button"
                data-testid={`token-${index}-new`}
                onClick={() => void act(newToken(token.credentialId))}
              >
                Get a new token
              </button>
              <button
                type="button"
                data-testid={`token-${index}-forget`}
                onClick={() => void act(forgetToken(token.id))}
              >
                Forget
              </button>
            </footer>
          </article>
        );
      })}
    </div>
  );
}
