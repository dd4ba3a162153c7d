import { useEffect, useState } from 'react';
import { useLantern } from '../../store';
import { GLOBAL_ENVIRONMENT_ID } from '../../store/environments-slice';
import { EnvironmentEditor } from './EnvironmentEditor';
import { groupByLocation, locationText } from './environment-location';

/** Picks the environment whose variables fill `{{…}}`; Ctrl/Cmd+E focuses it. */
export function EnvironmentSwitcher() {
  const environments = useLantern((s) => s.environments);
  const environmentId = useLantern((s) => s.environmentId);
  const error = useLantern((s) => s.environmentError);
  const { selectEnvironment, refreshEnvironments } = useLantern.getState();
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    void refreshEnvironments();
  }, [refreshEnvironments]);
  const named = environments.filter((e) => e.id !== GLOBAL_ENVIRONMENT_ID);
  const chosen = named.find((e) => e.id === environmentId);
  return (
    <div className="environment-switcher">
      <label htmlFor="environment-select">Environment</label>
      <div className="row">
        <select
          id="environment-select"
          data-testid="environment-select"
          title="Switch environment (Ctrl/Cmd+E)"
          value={environmentId ?? ''}
          onChange={(event) => selectEnvironment(event.target.value || undefined)}
        >
          <option value="">No environment</option>
          {groupByLocation(named).map(([label, group]) => (
            <optgroup key={label} label={label}>
              {group.map((environment) => (
                <option key={environment.id} value={environment.id}>
                  {environment.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <button
          type="button"
          data-testid="environment-manage"
          onClick={() => setEditing(true)}
          aria-label="Edit environments"
          title="Create, rename and edit environments"
        >
          Edit
        </button>
      </div>
      <p className="hint environment-location" data-testid="environment-location">
        {chosen
          ? chosen.builtIn
            ? 'Built in (read-only)'
            : `Kept ${locationText(chosen)}`
          : 'Only the globals apply.'}
      </p>
      {error && <p className="inline-error">{error}</p>}
      {editing && <EnvironmentEditor onClose={() => setEditing(false)} />}
    </div>
  );
}
