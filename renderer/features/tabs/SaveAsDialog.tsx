import { useState } from 'react';
import { Modal, ModalClose } from '../../components/Modal';
import { useLantern } from '../../store';
import type { SaveAsWorkspace } from '../../store/unsaved-guard-slice';
import { defaultRequestName, folderChoices, nameTaken } from './save-as-naming';

const NEW_WORKSPACE = '__new__';
const NAME_LIMIT = 500;

/** "Save as": name, workspace and folder for a request that has no file yet. */
export function SaveAsDialog() {
  const request = useLantern((s) => s.saveAs);
  const tab = useLantern((s) => s.tabs.find((t) => t.id === s.saveAs?.tabId));
  if (!request || !tab) return null;
  // A fresh form for each tab asked about (closing several tabs asks for each new one in turn).
  const proposed =
    tab.name && !tab.sourceId?.startsWith('history:') ? tab.name : defaultRequestName(tab.draft);
  return <SaveAsForm key={tab.id} proposedName={proposed} closing={request.closeAfter !== undefined} />;
}

function SaveAsForm({ proposedName, closing }: { proposedName: string; closing: boolean }) {
  const view = useLantern((s) => s.workspaceView);
  const known = useLantern((s) => s.knownWorkspaces);
  const error = useLantern((s) => s.saveAsError);
  const { completeSaveAs, cancelSaveAs } = useLantern.getState();
  const [name, setName] = useState(proposedName);
  const [workspacePath, setWorkspacePath] = useState(view?.path ?? known[0]?.path ?? NEW_WORKSPACE);
  const [newWorkspaceName, setNewWorkspaceName] = useState('');
  const [folderId, setFolderId] = useState(view?.root.id ?? '');
  const [busy, setBusy] = useState(false);

  const inOpen = view !== undefined && workspacePath === view.path;
  const creating = workspacePath === NEW_WORKSPACE;
  const chosen = known.find((w) => w.path === workspacePath);
  const folders = inOpen ? folderChoices(view.root, view.name) : [];
  const folderLabel = folders.find((f) => f.id === folderId)?.label ?? '';
  const trimmed = name.trim();
  const tooLong = trimmed.length > NAME_LIMIT;
  const duplicate = inOpen && trimmed !== '' && nameTaken(view.root, folderId, trimmed);
  const ready = trimmed !== '' && !tooLong && (!creating || newWorkspaceName.trim() !== '') && !busy;

  const submit = async () => {
    if (!ready) return;
    const workspace: SaveAsWorkspace = inOpen
      ? { kind: 'open' }
      : creating
        ? { kind: 'new', name: newWorkspaceName.trim() }
        : { kind: 'known', path: workspacePath };
    setBusy(true);
    await completeSaveAs({ name: trimmed, folderId: inOpen ? folderId : undefined, workspace });
    setBusy(false);
  };

  return (
    <Modal
      title="Save request as"
      testId="save-as-dialog"
      className="save-as-dialog"
      onClose={cancelSaveAs}
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="submit" className="primary" data-testid="save-as-submit" disabled={!ready}>
            {busy ? 'Saving…' : closing ? 'Save and close' : 'Save'}
          </button>
          <ModalClose testId="save-as-cancel">Cancel</ModalClose>
        </>
      }
    >
      <label className="save-as-field">
        <span>Name</span>
        <input
          data-testid="save-as-name"
          value={name}
          aria-invalid={trimmed === '' || tooLong}
          aria-describedby="save-as-name-note"
          // The dialog opens with the name selected: typing replaces the proposal.
          onFocus={(event) => event.target.select()}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <p id="save-as-name-note" className="hint" data-testid="save-as-name-note">
        {trimmed === ''
          ? 'Type a name for the request.'
          : tooLong
            ? `Names are limited to ${NAME_LIMIT} characters (this one has ${trimmed.length}).`
            : 'Saved in full, as typed; its file name is made from it.'}
      </p>
      <label className="save-as-field">
        <span>Workspace</span>
        <select
          data-testid="save-as-workspace"
          value={workspacePath}
          onChange={(event) => {
            setWorkspacePath(event.target.value);
            if (view && event.target.value === view.path) setFolderId(view.root.id);
          }}
        >
          {known.map((w) => (
            <option key={w.path} value={w.path} title={w.path}>
              {w.name}
              {view?.path === w.path ? ' (open)' : ''}
            </option>
          ))}
          <option value={NEW_WORKSPACE}>New workspace…</option>
        </select>
      </label>
      {creating && (
        <>
          <label className="save-as-field">
            <span>New workspace name</span>
            <input
              data-testid="save-as-new-workspace"
              value={newWorkspaceName}
              placeholder="My API"
              onChange={(event) => setNewWorkspaceName(event.target.value)}
            />
          </label>
          <p className="hint" data-testid="save-as-workspace-note">
            {view
              ? 'Lantern creates it in its data folder and opens it in the sidebar in place of the open one.'
              : 'No workspace is open. Lantern saves requests as files in a workspace folder: name a new one here (it is created in Lantern’s data folder), or cancel and use “Open folder…” in the sidebar to save into a folder you already have.'}
          </p>
        </>
      )}
      {!creating && !inOpen && chosen && (
        <p className="hint" data-testid="save-as-workspace-note">
          Saving opens “{chosen.name}” in the sidebar in place of {view ? `“${view.name}”` : 'no workspace'};
          the request goes to its top level ({chosen.path}).
        </p>
      )}
      {inOpen && (
        <label className="save-as-field">
          <span>Folder</span>
          <select
            data-testid="save-as-folder"
            value={folderId}
            onChange={(event) => setFolderId(event.target.value)}
          >
            {folders.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {duplicate && (
        <p className="warning-note" role="status" data-testid="save-as-duplicate">
          “{trimmed}” already exists in {folderLabel}. Saving adds a second request with the same name (in a
          file of its own); rename one of them if you want to tell them apart.
        </p>
      )}
      {error && (
        <p className="inline-error" role="alert" data-testid="save-as-error">
          {error}
        </p>
      )}
    </Modal>
  );
}
