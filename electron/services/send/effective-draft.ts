import {
  effectiveSavedRequest,
  findRequest,
  folderChain,
  inheritedSettings,
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

const MASK = '••••';
const isMasked = (text: string) => text.includes(MASK);

/**
 * History never keeps a secret: a recorded draft holds `••••1234` where one was. Sent again, that
 * would reach the server as the literal text; the re-send stops instead, and says where.
 */
function refuseMasked(draft: RequestDraft): RequestDraft {
  const places = [
    ...draft.headers.filter((h) => h.enabled && isMasked(h.value)).map((h) => `the header "${h.name}"`),
    ...('text' in draft.body && isMasked(draft.body.text) ? ['the body'] : []),
    ...('fields' in draft.body &&
    draft.body.fields.some((f) => f.enabled && 'value' in f && isMasked(f.value))
      ? ['the form fields']
      : []),
    ...(isMasked(draft.url) ? ['the URL'] : []),
  ];
  if (places.length === 0) return draft;
  throw new LanternError(
    'history.masked-value',
    `This history entry was kept with secrets masked (${places.join(', ')} holds ••••), and a masked value cannot be sent again. Send it from its saved request, or type the value in this tab first.`,
  );
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
  const { savedRequestId, workspaceId, replay } = location;
  let { draft } = location;
  if (savedRequestId === undefined) return replay ? refuseMasked(draft) : draft;
  if (replay) {
    const there =
      open !== undefined &&
      (workspaceId === undefined || workspaceId === open.id) &&
      findRequest(open.root, savedRequestId) !== undefined;
    if (!there) return refuseMasked(draft);
    // A header history kept masked is the folder's again when the folder still sets it.
    const fromFolders = new Set(
      inheritedSettings(folderChain(open.root, savedRequestId) ?? []).headers.map((h) =>
        h.value.name.trim().toLowerCase(),
      ),
    );
    draft = refuseMasked({
      ...draft,
      headers: draft.headers.filter(
        (h) => !(isMasked(h.value) && fromFolders.has(h.name.trim().toLowerCase())),
      ),
    });
  }
  const saved = locateSavedRequest(open, savedRequestId, workspaceId);
  refuseUnreadableFolders((open as Workspace).root, savedRequestId);
  return effectiveSavedRequest((open as Workspace).root, saved, draft).draft;
}
