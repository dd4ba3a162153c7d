import { useState, type DragEvent } from 'react';
import { sidebarItems } from '../../../shared/collections/sidebar-order';
import type { Folder, SavedRequest } from '../../../shared/model/collection';
import { useActiveTab, useLantern } from '../../store';
import { fileIdOf } from '../../store/workspace-files-slice';
import { useRevealInSidebar } from '../tabs/use-reveal-in-sidebar';
import { ItemActions, type TreeItem } from './ItemActions';

const DRAG_TYPE = 'application/x-lantern-item';

interface TreeProps {
  root: Folder;
  /** True while a filter is applied: folders are shown open and dragging is off. */
  filtered: boolean;
  onEditFolder: (id: string) => void;
  onExport: (requestId: string) => void;
}

function readDrag(event: DragEvent): TreeItem | undefined {
  try {
    return JSON.parse(event.dataTransfer.getData(DRAG_TYPE)) as TreeItem;
  } catch {
    return undefined;
  }
}

/** The workspace's folders and requests, with method badges; drag an item onto a folder or a request to move it. */
export function RequestTree({ root, filtered, onEditFolder, onExport }: TreeProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [menu, setMenu] = useState<string>();
  const [dropTarget, setDropTarget] = useState<string>();
  const activeId = useActiveTab((t) => fileIdOf(t.sourceId));
  const { openSavedRequest, workspaceCall } = useLantern.getState();
  useRevealInSidebar(root, setCollapsed);

  const move = (item: TreeItem, toFolderId: string, index?: number) => {
    if (item.id === toFolderId) return;
    void workspaceCall('moveItem', { kind: item.kind, id: item.id, toFolderId, index });
  };
  const dropProps = (targetKey: string, onDrop: (item: TreeItem) => void) =>
    filtered
      ? {}
      : {
          onDragOver: (event: DragEvent) => {
            if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
            event.preventDefault();
            setDropTarget(targetKey);
          },
          onDragLeave: () => setDropTarget((current) => (current === targetKey ? undefined : current)),
          onDrop: (event: DragEvent) => {
            event.preventDefault();
            event.stopPropagation();
            setDropTarget(undefined);
            const item = readDrag(event);
            if (item) onDrop(item);
          },
        };
  const dragProps = (item: TreeItem) =>
    filtered
      ? {}
      : {
          draggable: true,
          onDragStart: (event: DragEvent) => {
            event.dataTransfer.setData(DRAG_TYPE, JSON.stringify(item));
            event.dataTransfer.effectAllowed = 'move';
          },
        };

  const renderRequest = (request: SavedRequest, folder: Folder, index: number) => {
    const item: TreeItem = { kind: 'request', id: request.id, name: request.name };
    const key = `request:${request.id}`;
    return (
      <li key={request.id} className={dropTarget === key ? 'tree-row drop-target' : 'tree-row'}>
        <div
          className="tree-line"
          {...dragProps(item)}
          {...dropProps(key, (dragged) =>
            // Requests dropped on a request go just before it; folders go into the request's folder.
            move(dragged, folder.id, dragged.kind === 'request' ? index : undefined),
          )}
        >
          <button
            type="button"
            className={request.id === activeId ? 'tree-item active' : 'tree-item'}
            data-testid={`ws-request-${request.id}`}
            title={`${request.draft.method} ${request.draft.url}${request.description ? `\n${request.description}` : ''}`}
            onClick={() => openSavedRequest(request.id)}
            onDoubleClick={() => openSavedRequest(request.id, { pinned: true })}
          >
            <span className={`badge method-${request.draft.method.toLowerCase()}`}>
              {request.draft.method}
            </span>
            <span className="tree-name">{request.name}</span>
          </button>
          <MoreButton
            label={`Actions for ${request.name}`}
            testId={`ws-actions-${request.id}`}
            open={menu === key}
            onToggle={() => setMenu(menu === key ? undefined : key)}
          />
        </div>
        {menu === key && (
          <ItemActions
            item={item}
            root={root}
            onDone={() => setMenu(undefined)}
            onExport={() => onExport(request.id)}
          />
        )}
      </li>
    );
  };

  const renderFolder = (folder: Folder, isRoot: boolean) => {
    const open = filtered || isRoot || !collapsed.has(folder.id);
    const key = `folder:${folder.id}`;
    const item: TreeItem = { kind: 'folder', id: folder.id, name: folder.name };
    const children = (
      <ul className="tree-children" role="group">
        {/* The runner runs in this order too (sidebarOrder). */}
        {sidebarItems(folder).map((item) =>
          item.kind === 'folder'
            ? renderFolder(item.folder, false)
            : renderRequest(item.request, folder, item.index),
        )}
      </ul>
    );
    if (isRoot) return children;
    return (
      <li key={folder.id} className={dropTarget === key ? 'tree-row drop-target' : 'tree-row'}>
        <div
          className="tree-line"
          {...dragProps(item)}
          {...dropProps(key, (dragged) => move(dragged, folder.id))}
        >
          <button
            type="button"
            className="tree-item tree-folder-button"
            aria-expanded={open}
            data-testid={`ws-folder-${folder.id}`}
            onClick={() =>
              setCollapsed((current) => {
                const next = new Set(current);
                if (next.has(folder.id)) next.delete(folder.id);
                else next.add(folder.id);
                return next;
              })
            }
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
            <span className="tree-name">{folder.name}</span>
            {(folder.auth || folder.headers?.length || folder.variables?.length) && (
              <span className="tree-inherits" title="Its requests inherit auth, headers or variables from it">
                ⚙
              </span>
            )}
          </button>
          <MoreButton
            label={`Actions for folder ${folder.name}`}
            testId={`ws-actions-${folder.id}`}
            open={menu === key}
            onToggle={() => setMenu(menu === key ? undefined : key)}
          />
        </div>
        {menu === key && (
          <ItemActions
            item={item}
            root={root}
            onDone={() => setMenu(undefined)}
            onEditFolder={() => onEditFolder(folder.id)}
          />
        )}
        {open && children}
      </li>
    );
  };

  return (
    <nav
      className="ws-tree"
      aria-label="Workspace requests"
      data-testid="ws-tree"
      {...dropProps(`folder:${root.id}`, (dragged) => move(dragged, root.id))}
    >
      {renderFolder(root, true)}
      {root.folders.length === 0 && root.requests.length === 0 && (
        <p className="empty-note" data-testid="ws-tree-empty">
          {filtered ? 'Nothing matches the filter.' : 'No requests yet: create one, or import a collection.'}
        </p>
      )}
    </nav>
  );
}

/** The ⋯ button that opens an item's action menu. */
function MoreButton(props: { label: string; testId: string; open: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      className="tree-more"
      aria-label={props.label}
      aria-expanded={props.open}
      data-testid={props.testId}
      onClick={props.onToggle}
    >
      ⋯
    </button>
  );
}
