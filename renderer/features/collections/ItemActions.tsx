import { useState } from 'react';
import type { Folder } from '../../../shared/model/collection';
import { useLantern } from '../../store';

export interface TreeItem {
  kind: 'request' | 'folder';
  id: string;
  name: string;
}

/** Every folder as "Parent / Child" for the keyboard way of moving (drag and drop does the same). */
export function folderOptions(root: Folder, trail = ''): { id: string; label: string }[] {
  const label = trail === '' ? `${root.name} (top)` : trail;
  return [
    { id: root.id, label },
    ...root.folders.flatMap((f) => folderOptions(f, trail === '' ? f.name : `${trail} / ${f.name}`)),
  ];
}

interface Props {
  item: TreeItem;
  root: Folder;
  onDone: () => void;
  onExport?: () => void;
  onEditFolder?: () => void;
}

/** The actions of one tree row: rename, duplicate, move, delete (undoable), export, folder settings. */
export function ItemActions({ item, root, onDone, onExport, onEditFolder }: Props) {
  const { workspaceCall, openSavedRequest } = useLantern.getState();
  const [name, setName] = useState(item.name);
  const view = useLantern((s) => s.workspaceView);
  const fullRoot = view?.root ?? root;
  const rename = async () => {
    if (name.trim() === '' || name === item.name) return onDone();
    const call = item.kind === 'request' ? 'updateRequest' : 'updateFolder';
    if (await workspaceCall(call, { id: item.id, name })) onDone();
  };
  const remove = async () => {
    const result = await workspaceCall('deleteItem', { kind: item.kind, id: item.id });
    if (result) useLantern.setState({ lastDeleted: { token: result.undoToken, label: item.name } });
    onDone();
  };
  const create = async (kind: 'request' | 'folder') => {
    const result =
      kind === 'request'
        ? await workspaceCall('createRequest', { folderId: item.id, name: 'New request' })
        : await workspaceCall('createFolder', { parentId: item.id, name: 'New folder' });
    if (result && kind === 'request') openSavedRequest(result.id, { pinned: true });
    onDone();
  };
  const prefix = `ws-${item.kind}-action`;
  return (
    <div className="tree-actions" data-testid={`ws-item-actions-${item.id}`}>
      <form
        className="tree-rename"
        onSubmit={(event) => {
          event.preventDefault();
          void rename();
        }}
      >
        <input
          aria-label={`New name for ${item.name}`}
          data-testid={`${prefix}-name`}
          value={name}
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => event.key === 'Escape' && onDone()}
        />
        <button type="submit" data-testid={`${prefix}-rename`}>
          Rename
        </button>
      </form>
      <div className="tree-action-buttons">
        {item.kind === 'folder' && (
          <>
            <button
              type="button"
              data-testid={`${prefix}-new-request`}
              onClick={() => void create('request')}
            >
              + Request
            </button>
            <button type="button" data-testid={`${prefix}-new-folder`} onClick={() => void create('folder')}>
              + Folder
            </button>
            <button
              type="button"
              data-testid={`${prefix}-settings`}
              onClick={() => (onEditFolder?.(), onDone())}
            >
              Auth, headers, variables…
            </button>
            <button
              type="button"
              data-testid={`${prefix}-run`}
              title="Run this folder's requests in order, with the runner"
              onClick={() => (
                useLantern.getState().openRunner({ folderId: item.id, label: item.name }),
                onDone()
              )}
            >
              Run folder…
            </button>
          </>
        )}
        {item.kind === 'request' && (
          <>
            <button
              type="button"
              data-testid={`${prefix}-duplicate`}
              onClick={() => void workspaceCall('duplicateRequest', { id: item.id }).then(onDone)}
            >
              Duplicate
            </button>
            <button type="button" data-testid={`${prefix}-export`} onClick={() => (onExport?.(), onDone())}>
              Export…
            </button>
          </>
        )}
        <button
          type="button"
          className="danger"
          data-testid={`${prefix}-delete`}
          onClick={() => void remove()}
        >
          Delete
        </button>
      </div>
      <label className="tree-move">
        Move to
        <select
          data-testid={`${prefix}-move`}
          value=""
          onChange={(event) => {
            const to = event.target.value;
            if (to)
              void workspaceCall('moveItem', { kind: item.kind, id: item.id, toFolderId: to }).then(onDone);
          }}
        >
          <option value="">choose a folder…</option>
          {folderOptions(fullRoot)
            .filter((option) => option.id !== item.id)
            .map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
        </select>
      </label>
    </div>
  );
}
