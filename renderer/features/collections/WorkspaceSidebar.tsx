import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { findRequest, folderChain } from '../../../shared/collections/effective-request';
// The same pure filter the main side's bench measures (sidebar_filter_5000_ms).
import { filterTree } from '../../../shared/collections/filter-tree';
import { useLantern } from '../../store';
import { ExportDialog } from '../export/ExportDialog';
import { ImportDialog } from '../import/ImportDialog';
import { ConflictBar } from './ConflictBar';
import { FolderEditor } from './FolderEditor';
import { RequestInheritance } from './RequestInheritance';
import { RequestTree } from './RequestTree';
import { useSaveShortcut } from './save-shortcut';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';
import './collections.css';

type Dialog = { kind: 'import' } | { kind: 'export'; requestId?: string } | { kind: 'folder'; id: string };

/** The workspace switcher and request tree (collections on disk). */
export function WorkspaceSidebar() {
  const view = useLantern((s) => s.workspaceView);
  const error = useLantern((s) => s.workspaceError);
  const lastDeleted = useLantern((s) => s.lastDeleted);
  const sampleRunning = useLantern((s) => s.sample !== undefined);
  const known = useLantern((s) => s.knownWorkspaces);
  const { loadWorkspaces, workspaceCall, openSavedRequest } = useLantern.getState();
  const [filter, setFilter] = useState('');
  const deferredFilter = useDeferredValue(filter);
  const [dialog, setDialog] = useState<Dialog>();
  useSaveShortcut();
  useEffect(() => {
    void loadWorkspaces();
  }, [loadWorkspaces]);
  const shown = useMemo(
    () => (view ? filterTree(view.root, deferredFilter) : undefined),
    [view, deferredFilter],
  );
  const hasSample = known.some((w) => w.name === 'Sample API');

  const newItem = async (kind: 'request' | 'folder') => {
    if (!view) return;
    const result =
      kind === 'request'
        ? await workspaceCall('createRequest', { folderId: view.root.id, name: 'New request' })
        : await workspaceCall('createFolder', { parentId: view.root.id, name: 'New folder' });
    if (result && kind === 'request') openSavedRequest(result.id, { pinned: true });
  };
  const undo = async () => {
    if (!lastDeleted) return;
    useLantern.setState({ lastDeleted: undefined });
    await workspaceCall('undoDelete', { token: lastDeleted.token });
  };
  const folder = dialog?.kind === 'folder' && view ? folderChain(view.root, dialog.id)?.at(-1) : undefined;

  return (
    <section className="ws-sidebar" aria-label="Workspace" data-testid="ws-sidebar">
      <WorkspaceSwitcher />
      {view && (
        <>
          <div className="ws-toolbar">
            <button
              type="button"
              data-testid="ws-new-request"
              title="New request in this workspace"
              onClick={() => void newItem('request')}
            >
              + Request
            </button>
            <button type="button" data-testid="ws-new-folder" onClick={() => void newItem('folder')}>
              + Folder
            </button>
            <button type="button" data-testid="ws-import" onClick={() => setDialog({ kind: 'import' })}>
              Import…
            </button>
            <button
              type="button"
              data-testid="ws-export"
              title="Export a request or the workspace"
              onClick={() => setDialog({ kind: 'export' })}
            >
              Export…
            </button>
            <button
              type="button"
              data-testid="ws-run"
              title="Run the workspace's requests in order, with the runner"
              onClick={() => useLantern.getState().openRunner({ label: view.name })}
            >
              Run…
            </button>
          </div>
          <input
            type="search"
            className="ws-filter"
            aria-label="Filter requests by name, URL or method"
            placeholder="Filter: name, URL or method"
            data-testid="ws-filter"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
          {shown && (
            <RequestTree
              root={shown}
              filtered={deferredFilter.trim() !== ''}
              onEditFolder={(id) => setDialog({ kind: 'folder', id })}
              onExport={(requestId) => setDialog({ kind: 'export', requestId })}
            />
          )}
          {view.problems.length > 0 && (
            <details className="ws-problems" data-testid="ws-problems">
              <summary>{view.problems.length} file(s) could not be used</summary>
              <ul>
                {view.problems.map((p) => (
                  <li key={`${p.path}:${p.line ?? 0}`}>
                    <code>
                      {p.path}
                      {p.line ? `:${p.line}` : ''}
                    </code>{' '}
                    {p.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <RequestInheritance />
        </>
      )}
      {sampleRunning && !hasSample && (
        <div className="sample-offer" data-testid="sample-save-offer">
          <p>
            Keep the sample requests as a workspace on disk, to edit them and run them with{' '}
            <code>lantern run &lt;its folder&gt; --env Sandbox</code> while Lantern’s sandbox runs.
          </p>
          <button
            type="button"
            data-testid="sample-save"
            onClick={() => void workspaceCall('saveSampleWorkspace', {}).then(loadWorkspaces)}
          >
            Save sample as a workspace
          </button>
        </div>
      )}
      {lastDeleted && (
        <div className="ws-undo" role="status" data-testid="ws-undo-bar">
          <span>Deleted “{lastDeleted.label}”.</span>
          <button type="button" data-testid="ws-undo" onClick={() => void undo()}>
            Undo
          </button>
        </div>
      )}
      {error && (
        <p className="inline-error" role="alert" data-testid="ws-error">
          {error}
        </p>
      )}
      <ConflictBar />
      {dialog?.kind === 'import' && <ImportDialog onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'export' && (
        <ExportDialog
          request={dialog.requestId && view ? findRequest(view.root, dialog.requestId) : undefined}
          onClose={() => setDialog(undefined)}
        />
      )}
      {folder && view && <FolderEditor folder={folder} onClose={() => setDialog(undefined)} />}
    </section>
  );
}
