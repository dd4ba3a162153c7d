import {
  effectiveSavedRequest,
  findRequest,
  folderChain,
} from '../../../shared/collections/effective-request';
import type { Folder } from '../../../shared/model/collection';
import type { SavedRequest } from '../../../shared/model/collection';
import type { RequestDraft } from '../../../shared/model/request';
import { LanternError } from '../../../shared/model/result';
import type { Workspace } from '../../../shared/workspace-format/types';

/** Where a sent draft lives, as the send call names it. */
export interface DraftLocation {
  draft: RequestDraft;
  /** The saved request the draft is an edit of (its folders apply). */
  savedRequestId?: string;
  /** The workspace the request belongs to, when the caller knows it. */
  workspaceId?: string;
  /** A re-send from history: the draft already carries its folders' values as recorded. */
  replay?: boolean;
}

/** The saved request a send names, in the open workspace; plain words when it is not there. */
export function locateSavedRequest(
  open: Workspace | undefined,
  savedRequestId: string,
  workspaceId?: string,
): SavedRequest {
  if (open === undefined || (workspaceId !== undefined && workspaceId !== open.id)) {
    throw new LanternError(
      'send.workspace-not-open',
      'This request belongs to a workspace that is not open, so the auth, headers and variables it inherits from its folders cannot be applied. Open its workspace in the sidebar, then send again.',
    );
  }
  const saved = findRequest(open.root, savedRequestId);
  if (saved === undefined) {
    throw new LanternError(
      'send.request-missing',
      `This request is not in the workspace "${open.name}" as it is on disk now: its file was deleted or moved outside Lantern, or can no longer be read (the sidebar lists the files Lantern cannot read). So the auth, headers and variables it would inherit from its folders are unknown, and Lantern did not send it without them. Check those files first; saving this tab (Ctrl/Cmd+S) would create it anew in the workspace's top folder.`,
    );
  }
  return saved;
}

/**
 * A folder above the request whose settings file cannot be read gives auth, headers and variables
 * nobody can know: the request is not sent as if it had none (it would go without its credentials).
 */
export function refuseUnreadableFolders(root: Folder, requestId: string): void {
  const broken = (folderChain(root, requestId) ?? []).find((folder) => folder.unreadable);
  if (!broken?.unreadable) return;
  throw new LanternError(
    'send.folder-unreadable',
    `The settings of the folder "${broken.name}" cannot be read (${broken.unreadable.path}, ${broken.unreadable.reason}), so the auth, headers and variables this request inherits are unknown. Lantern did not send it without them. Fix that file (a merge conflict?), then send again.`,
  );
}

/**
 * The draft as it will be sent: the request's own values over its folders' auth, headers and
 * variables (shared/collections). The one place this happens for the app, `lantern run` and
 * re-sends from history. A history re-send whose saved request is gone sends what was recorded,
 * which already holds its folders' values (secret ones stay `{{names}}` and are reported).
 */
export function effectiveDraft(open: Workspace | undefined, location: DraftLocation): RequestDraft {
  const { draft, savedRequestId, workspaceId, replay } = location;
  if (savedRequestId === undefined) return draft;
  if (replay) {
    const there =
      open !== undefined &&
      (workspaceId === undefined || workspaceId === open.id) &&
      findRequest(open.root, savedRequestId) !== undefined;
    if (!there) return draft;
  }
  const saved = locateSavedRequest(open, savedRequestId, workspaceId);
  refuseUnreadableFolders((open as Workspace).root, savedRequestId);
  return effectiveSavedRequest((open as Workspace).root, saved, draft).draft;
}
