import type { Folder, SavedRequest } from '../model/collection';

export type SidebarItem =
  | { kind: 'folder'; folder: Folder }
  | {
      kind: 'request';
      request: SavedRequest;
      /** Its position among its folder's requests. */ index: number;
    };

/**
 * A folder's items in the order the sidebar shows them: its subfolders first, then its own
 * requests, each as the workspace keeps them. The sidebar draws this; the runner runs in it.
 */
export function sidebarItems(folder: Folder): SidebarItem[] {
  return [
    ...folder.folders.map((child): SidebarItem => ({ kind: 'folder', folder: child })),
    ...folder.requests.map((request, index): SidebarItem => ({ kind: 'request', request, index })),
  ];
}

/** A request in the run order, with its folder names from the top joined with "/". */
export interface OrderedRequest {
  request: SavedRequest;
  folder: string;
}

/** Every request under `folder`, top to bottom as the sidebar lists them with every folder open. */
export function sidebarOrder(folder: Folder, trail: readonly string[] = []): OrderedRequest[] {
  return sidebarItems(folder).flatMap((item) =>
    item.kind === 'folder'
      ? sidebarOrder(item.folder, [...trail, item.folder.name])
      : [{ request: item.request, folder: trail.join('/') }],
  );
}
