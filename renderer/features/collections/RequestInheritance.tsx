import { useMemo } from 'react';
import { effectiveSavedRequest, findRequest } from '../../../shared/collections/effective-request';
import { useActiveTab, useLantern } from '../../store';
import { fileIdOf } from '../../store/workspace-files-slice';

/** For the open saved request: what it inherits from its folders, as it will be sent. */
export function RequestInheritance() {
  const requestId = useActiveTab((t) => fileIdOf(t.sourceId));
  const draft = useActiveTab((t) => t.draft);
  const view = useLantern((s) => s.workspaceView);
  const settings = useMemo(() => {
    const saved = requestId && view ? findRequest(view.root, requestId) : undefined;
    return saved && view ? effectiveSavedRequest(view.root, saved, draft).settings : undefined;
  }, [requestId, view, draft]);
  if (!settings) return null;
  const headers = settings.headers.filter((h) => h.from !== 'this request');
  const auth = settings.auth && settings.auth.from !== 'this request' ? settings.auth : undefined;
  if (headers.length === 0 && settings.variables.length === 0 && !auth) return null;
  return (
    <details className="ws-inherited" data-testid="request-inherited">
      <summary>
        Inherited from folders: {headers.length} header{headers.length === 1 ? '' : 's'},{' '}
        {settings.variables.length} variable{settings.variables.length === 1 ? '' : 's'}
        {auth ? `, auth (${auth.value.type})` : ''}
      </summary>
      <ul>
        {auth && (
          <li data-testid="request-inherited-auth">
            Auth: {auth.value.type} from {auth.from}
          </li>
        )}
        {headers.map((h) => (
          <li key={h.value.name}>
            {h.value.name}: {h.value.value} <span className="hint">from {h.from}</span>
          </li>
        ))}
        {settings.variables.map((v) => (
          <li key={v.value.name}>
            {`{{${v.value.name}}}`} = {v.value.value} <span className="hint">from {v.from}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
