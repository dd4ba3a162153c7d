import { folderChain } from '../../../shared/collections/effective-request';
import { sidebarOrder } from '../../../shared/collections/sidebar-order';
import type { Folder } from '../../../shared/model/collection';

/** One saved request as the runner's setup lists it. */
export interface RunEntry {
  id: string;
  name: string;
  method: string;
  /** Folder names below the run's own folder, joined with "/" ('' for its direct requests). */
  folder: string;
  /** Unticked entries stay in the list, in their place, but are not sent. */
  included: boolean;
}

/** The requests of a folder (or the whole workspace), all ticked, in sidebar order; undefined if the folder is gone. */
export function runEntries(root: Folder, folderId?: string): RunEntry[] | undefined {
  const folder = folderId ? folderChain(root, folderId)?.at(-1) : root;
  if (!folder) return undefined;
  // The order the main side runs a folder in when none is given (shared/collections/sidebar-order).
  return sidebarOrder(folder).map(({ request, folder: trail }) => ({
    id: request.id,
    name: request.name,
    method: request.draft.method,
    folder: trail,
    included: true,
  }));
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
