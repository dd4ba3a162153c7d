import type { CallOutput, CallParsedInput } from '../../../shared/contract';
import { folderChain, findRequest } from '../../../shared/collections/effective-request';
import { inheritanceOf } from '../../../shared/collections/inheritance-view';
import { LanternError } from '../../../shared/model/result';
import type { CredentialStore } from '../auth/credential-store';
import { locateSavedRequest, refuseUnreadableFolders } from '../send/effective-draft';
import type { WorkspaceSession } from './workspace-session';

/**
 * What a saved request or a folder inherits, for display: the same precedence the send applies
 * (shared/collections), secret folder variables masked, and the credential the used auth names.
 */
export function inheritanceFor(
  session: WorkspaceSession,
  credentials: Pick<CredentialStore, 'summaries'>,
  input: CallParsedInput<'inheritance'>,
): CallOutput<'inheritance'> {
  const store = session.store;
  const root = session.view().root;
  const targetId = 'savedRequestId' in input ? input.savedRequestId : input.folderId;
  const missing = new Map<string, Set<string>>();
  for (const folder of folderChain(store.workspace.root, targetId) ?? [])
    missing.set(folder.id, session.secrets.folder(store, folder).missing);
  let view;
  if ('savedRequestId' in input) {
    locateSavedRequest(store.workspace, input.savedRequestId, input.workspaceId);
    refuseUnreadableFolders(store.workspace.root, input.savedRequestId);
    const request = findRequest(root, input.savedRequestId);
    if (!request)
      throw new LanternError('send.request-missing', 'That request is no longer in the workspace.');
    view = inheritanceOf(root, { request, draft: input.draft }, { missing });
  } else {
    if (!folderChain(root, input.folderId))
      throw new LanternError('workspace.folder-missing', 'That folder is no longer in the workspace.');
    view = inheritanceOf(root, { folderId: input.folderId }, { missing });
  }
  const used =
    view.authUsed === 'inherited'
      ? view.auth?.value
      : 'draft' in input && view.authUsed === 'own'
        ? input.draft.auth
        : undefined;
  const credential =
    used && used.type !== 'none'
      ? credentials.summaries().find((c) => c.id === used.credentialId)
      : undefined;
  return { ...view, ...(credential ? { credential } : {}) };
}
