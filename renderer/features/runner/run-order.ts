import type { Folder } from '../../../shared/model/collection';

/** One saved request as the runner's setup lists it. */
export interface RunEntry {
  id: string;
  name: string;
  method: string;
  /** Folder names below the run's own folder, joined with " / " ('' for its direct requests). */
  folder: string;
  /** Unticked entries stay in the list, in their place, but are not sent. */
  included: boolean;
}

function findFolder(folder: Folder, id: string): Folder | undefined {
  if (folder.id === id) return folder;
  for (const child of folder.folders) {
    const found = findFolder(child, id);
    if (found) return found;
  }
  return undefined;
}

function collect(folder: Folder, trail: string[], into: RunEntry[]): RunEntry[] {
  // The sidebar shows a folder's sub-folders before its own requests: the run follows what the user sees.
  for (const child of folder.folders) collect(child, [...trail, child.name], into);
  for (const request of folder.requests)
    into.push({
      id: request.id,
      name: request.name,
      method: request.draft.method,
      folder: trail.join(' / '),
      included: true,
    });
  return into;
}

/** The requests of a folder (or the whole workspace), all ticked, in sidebar order; undefined if the folder is gone. */
export function runEntries(root: Folder, folderId?: string): RunEntry[] | undefined {
  const folder = folderId ? findFolder(root, folderId) : root;
  return folder ? collect(folder, [], []) : undefined;
}

/** The entry at `index` moved by `delta` places (clamped to the list); the list itself is not changed. */
export function moveEntry<T>(entries: readonly T[], index: number, delta: number): T[] {
  const to = Math.max(0, Math.min(entries.length - 1, index + delta));
  const next = [...entries];
  const [moved] = next.splice(index, 1);
  if (moved === undefined) return next;
  next.splice(to, 0, moved);
  return next;
}

/** The ids to send, in order. */
export const includedIds = (entries: readonly RunEntry[]): string[] =>
  entries.filter((entry) => entry.included).map((entry) => entry.id);
