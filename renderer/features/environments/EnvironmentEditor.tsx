import { useState } from 'react';
import type { EnvironmentSummary } from '../../../shared/model/environment';
import { Modal, ModalClose } from '../../components/Modal';
import { useLantern } from '../../store';
import { GLOBAL_ENVIRONMENT_ID } from '../../store/environments-slice';
import { VariablesTable, type VariableRow } from './VariablesTable';
import { locationText } from './environment-location';

const toRows = (environment: EnvironmentSummary | undefined): VariableRow[] =>
  (environment?.variables ?? []).map((v) => ({
    name: v.name,
    value: v.value,
    secret: v.secret,
    keepValue: v.secret,
  }));

/** A dialog to create, edit and delete environments and the globals. */
export function EnvironmentEditor({ onClose }: { onClose: () => void }) {
  const environments = useLantern((s) => s.environments);
  const activeId = useLantern((s) => s.environmentId);
  const workspace = useLantern((s) => s.workspaceView);
  const { saveEnvironment, deleteEnvironment, selectEnvironment } = useLantern.getState();
  const [selectedId, setSelectedId] = useState<string | undefined>(activeId ?? GLOBAL_ENVIRONMENT_ID);
  const selected = environments.find((e) => e.id === selectedId);
  const [name, setName] = useState(selected?.name ?? '');
  const [rows, setRows] = useState<VariableRow[]>(toRows(selected));
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const choose = (id: string | undefined) => {
    const environment = environments.find((e) => e.id === id);
    setSelectedId(id);
    setName(environment?.name ?? 'New environment');
    setRows(toRows(environment));
    setError(undefined);
    setSaved(false);
  };
  const save = async () => {
    const variables = rows.filter((r) => r.name !== '' || r.value !== '');
    const result = await saveEnvironment({ id: selectedId, name, variables });
    if (!result.ok) return setError(result.error.message);
    setSelectedId(result.value.id);
    setRows(toRows(result.value));
    setError(undefined);
    setSaved(true);
    if (!activeId && result.value.id !== GLOBAL_ENVIRONMENT_ID) selectEnvironment(result.value.id);
  };
  const remove = async () => {
    if (!selectedId) return;
    const result = await deleteEnvironment(selectedId);
    if (!result.ok) return setError(result.error.message);
    choose(GLOBAL_ENVIRONMENT_ID);
  };
  const readOnly = selected?.builtIn ?? false;
  return (
    <Modal
      testId="environment-editor"
      className="environment-editor"
      title="Environments"
      onClose={onClose}
      aside={
        <nav className="modal-list" aria-label="Environments">
          {environments.map((environment) => (
            <button
              key={environment.id}
              type="button"
              className={environment.id === selectedId ? 'tree-item active' : 'tree-item'}
              data-testid={`environment-item-${environment.name}`}
              onClick={() => choose(environment.id)}
            >
              {environment.name}
              {environment.builtIn ? ' (built in)' : ''}
              {!environment.builtIn && (
                <span className="hint environment-where"> · {shortLocation(environment)}</span>
              )}
            </button>
          ))}
          <button type="button" data-testid="environment-new" onClick={() => choose(undefined)}>
            + New environment
          </button>
        </nav>
      }
      footer={
        <>
          {selectedId && selectedId !== GLOBAL_ENVIRONMENT_ID && !readOnly && (
            <button
              type="button"
              className="danger"
              data-testid="environment-delete"
              onClick={() => void remove()}
            >
              Delete
            </button>
          )}
          {saved && (
            <span className="hint" data-testid="environment-saved">
              Saved.
            </span>
          )}
          <ModalClose>Close</ModalClose>
          {!readOnly && (
            <button
              type="button"
              className="primary"
              data-testid="environment-save"
              onClick={() => void save()}
            >
              Save
            </button>
          )}
        </>
      }
    >
      <label>
        Name{' '}
        <input
          data-testid="environment-name"
          value={name}
          disabled={readOnly || selectedId === GLOBAL_ENVIRONMENT_ID}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      {readOnly && <p className="hint">This environment is built in and read-only.</p>}
      {!readOnly && (
        <p className="hint" data-testid="environment-editor-location">
          {selected
            ? `Kept ${locationText(selected)}.`
            : workspace
              ? `Will be saved in workspace ${workspace.name} (environments/), shared with it through git and seen by \`lantern run\`.`
              : 'Will be saved on this computer (no workspace is open).'}
        </p>
      )}
      <VariablesTable rows={rows} readOnly={readOnly} onChange={(next) => (setRows(next), setSaved(false))} />
      <p className="hint">
        Secret values stay on the main side and show masked here. They are kept encrypted in this
        computer&apos;s vault, never in environment or workspace files: a clone of the workspace gets the
        variable, not its value.
      </p>
      {selected?.problem && (
        <p className="inline-error" role="status" data-testid="environment-problem">
          {selected.problem}
        </p>
      )}
      {error && (
        <p className="inline-error" role="alert" data-testid="environment-error">
          {error}
        </p>
      )}
    </Modal>
  );
}

/** The short form for the list: "Team API" for a workspace's, "this computer" for the app's. */
function shortLocation(environment: EnvironmentSummary): string {
  const location = environment.location;
  if (location?.kind === 'workspace') return location.workspaceName;
  return 'this computer';
}
