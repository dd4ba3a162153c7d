import { useState } from 'react';
import { useLantern } from '../../store';

/**
 * Picks the open workspace: a known one, a folder chosen in the desktop folder dialog (browser mode:
 * typed, and checked on the main side against its folder rules), or a new one in the data folder.
 */
export function WorkspaceSwitcher() {
  const view = useLantern((s) => s.workspaceView);
  const hasFileDialogs = useLantern((s) => s.hasFileDialogs);
  const openChosenFolder = async () => {
    const chosen = await useLantern.getState().chooseWorkspaceFolder();
    if (chosen && (await workspaceCall('openWorkspace', { path: chosen }))) await loadWorkspaces();
  };
  const known = useLantern((s) => s.knownWorkspaces);
  const { workspaceCall, loadWorkspaces } = useLantern.getState();
  const [mode, setMode] = useState<'none' | 'open' | 'create'>('none');
  const [text, setText] = useState('');
  const submit = async () => {
    const done =
      mode === 'open'
        ? await workspaceCall('openWorkspace', { path: text })
        : await workspaceCall('createWorkspace', { name: text });
    if (done) {
      setMode('none');
      setText('');
      await loadWorkspaces();
    }
  };
  return (
    <div className="ws-switcher">
      <select
        aria-label="Workspace"
        data-testid="ws-select"
        value={view?.path ?? ''}
        onChange={(event) => {
          if (event.target.value)
            void workspaceCall('openWorkspace', { path: event.target.value }).then(loadWorkspaces);
        }}
      >
        {!view && <option value="">No workspace open</option>}
        {known.map((w) => (
          <option key={w.path} value={w.path} title={w.path}>
            {w.name}
          </option>
        ))}
      </select>
      <div className="ws-switcher-buttons">
        <button
          type="button"
          data-testid="ws-new"
          onClick={() => setMode(mode === 'create' ? 'none' : 'create')}
        >
          New…
        </button>
        <button
          type="button"
          data-testid="ws-open"
          onClick={() =>
            hasFileDialogs ? void openChosenFolder() : setMode(mode === 'open' ? 'none' : 'open')
          }
        >
          Open folder…
        </button>
      </div>
      {mode !== 'none' && (
        <form
          className="ws-switcher-form"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <input
            autoFocus
            aria-label={mode === 'open' ? 'Workspace folder path' : 'New workspace name'}
            data-testid="ws-form-input"
            placeholder={mode === 'open' ? '/path/to/workspace' : 'Workspace name'}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <button
            type="submit"
            className="primary"
            data-testid="ws-form-submit"
            disabled={text.trim() === ''}
          >
            {mode === 'open' ? 'Open' : 'Create'}
          </button>
        </form>
      )}
      {mode === 'open' && (
        <p className="hint" data-testid="ws-open-rules">
          The folder is checked first: never a system folder, a hidden folder of your home folder or
          Lantern&apos;s own data.
        </p>
      )}
    </div>
  );
}
