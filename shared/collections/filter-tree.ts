import type { Folder, SavedRequest } from '../model/collection';

function matchesAll(haystack: string, terms: readonly string[]): boolean {
  return terms.every((term) => haystack.includes(term));
}

function requestText(request: SavedRequest): string {
  return `${request.name}\n${request.draft.method}\n${request.draft.url}`.toLowerCase();
}

/**
 * The sidebar filter: keeps requests whose name, URL or method contain every word of `query`
 * (case-insensitive), with the folders above them. A folder whose own name matches keeps all
 * it holds. Pure: the input tree is not changed; an empty query returns it as it is.
 */
export function filterTree(root: Folder, query: string): Folder {
  const terms = query
    .toLowerCase()
    .split(/\s+/)
    .filter((term) => term !== '');
  if (terms.length === 0) return root;
  return filterFolder(root, terms, true) ?? { ...root, folders: [], requests: [] };
}

function filterFolder(folder: Folder, terms: readonly string[], isRoot = false): Folder | undefined {
  // The top folder's name is the workspace's: matching it would keep everything.
  if (!isRoot && matchesAll(folder.name.toLowerCase(), terms)) return folder;
  const requests = folder.requests.filter((request) => matchesAll(requestText(request), terms));
  const folders: Folder[] = [];
  for (const child of folder.folders) {
    const kept = filterFolder(child, terms);
    if (kept !== undefined) folders.push(kept);
  }
  if (requests.length === 0 && folders.length === 0) return undefined;
  return { ...folder, folders, requests };
}
