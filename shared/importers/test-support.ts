import type { ImportReport, SavedRequest } from '../model/collection';
import type { Folder } from '../model/collection';
import type { ImportResult } from './import-context';

export function reportOf(result: ImportResult): ImportReport {
  if (!result.ok) throw new Error(result.error);
  return result.report;
}

/** Finds a request anywhere in the tree by name. */
export function requestNamed(folder: Folder, name: string): SavedRequest {
  const found = folder.requests.find((r) => r.name === name);
  if (found) return found;
  for (const child of folder.folders) {
    try {
      return requestNamed(child, name);
    } catch {
      // keep looking
    }
  }
  throw new Error(`No request named "${name}"`);
}

export function folderNamed(folder: Folder, name: string): Folder {
  if (folder.name === name) return folder;
  for (const child of folder.folders) {
    try {
      return folderNamed(child, name);
    } catch {
      // keep looking
    }
  }
  throw new Error(`No folder named "${name}"`);
}
