import { stillMissing } from '../../../shared/session/removed-secrets';
import { useLantern } from '../../store';
import { activeTab } from '../../store/tabs-slice';
import './session.css';

/**
 * Over a restored tab whose draft had a secret typed inline: which fields lost their value, and
 * why. The session file never holds a secret; the vault (a credential) is where one is kept.
 */
export function RemovedSecretsBar() {
  const tab = useLantern(activeTab);
  const places = useLantern((s) => s.removedSecrets[tab.id]);
  const problem = useLantern((s) => s.sessionProblem);
  const { dismissRemovedSecrets, dismissSessionProblem } = useLantern.getState();
  const missing = places ? stillMissing(places, tab.draft) : [];
  return (
    <>
      {problem && (
        <div className="session-note" role="alert" data-testid="session-problem">
          <span>{problem}</span>
          <button type="button" data-testid="session-problem-dismiss" onClick={dismissSessionProblem}>
            Dismiss
          </button>
        </div>
      )}
      {missing.length > 0 && (
        <div className="session-note" role="status" data-testid="removed-secrets">
          <span>
            <strong>Not kept across restarts:</strong> {joinPlaces(missing)}{' '}
            {missing.length === 1 ? 'is' : 'are'} empty now, because Lantern never writes a secret to its
            session file — secrets stay in the vault. Type the value again, or store it as a credential (Auth
            tab) or a secret environment variable and use <code>{'{{name}}'}</code>.
          </span>
          <button
            type="button"
            data-testid="removed-secrets-dismiss"
            aria-label="Dismiss the note about values not kept"
            onClick={() => dismissRemovedSecrets(tab.id)}
          >
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}

function joinPlaces(places: readonly string[]): string {
  if (places.length < 2) return places.join('');
  return `${places.slice(0, -1).join(', ')} and ${places[places.length - 1] ?? ''}`;
}
