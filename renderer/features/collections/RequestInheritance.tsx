import { useLantern } from '../../store';
import { activeInheritance } from '../../store/inheritance-slice';

/** For the open saved request: what it inherits from its folders, as the main side applies it when sending. */
export function RequestInheritance() {
  const view = useLantern(activeInheritance);
  if (!view) return null;
  const headers = view.headers.filter((h) => !h.overridden);
  const auth = view.authUsed === 'inherited' ? view.auth : undefined;
  if (headers.length === 0 && view.variables.length === 0 && !auth) return null;
  return (
    <details className="ws-inherited" data-testid="request-inherited">
      <summary>
        Inherited from folders: {headers.length} header{headers.length === 1 ? '' : 's'},{' '}
        {view.variables.length} variable{view.variables.length === 1 ? '' : 's'}
        {auth ? `, auth (${auth.value.type})` : ''}
      </summary>
      <ul>
        {auth && (
          <li data-testid="request-inherited-auth">
            Auth: {auth.value.type} from {auth.from}
          </li>
        )}
        {headers.map((h) => (
          <li key={h.name}>
            {h.name}: {h.value} <span className="hint">from {h.from}</span>
          </li>
        ))}
        {view.variables.map((v) => (
          <li key={v.name}>
            {`{{${v.name}}}`} = {v.missing ? '(no value on this computer)' : v.value}{' '}
            <span className="hint">
              {v.secret ? 'secret, ' : ''}from {v.from}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
