import type { Folder, SavedRequest } from '../model/collection';
import type { InheritanceView } from '../model/inheritance';
import type { RequestDraft } from '../model/request';
import { folderChain, inheritedSettings } from './effective-request';

const lower = (name: string) => name.trim().toLowerCase();

/** What `inheritanceOf` needs to know of each folder's secret variables. */
export interface SecretVariableState {
  /** Names of secret variables with no value on this computer, by folder id. */
  missing: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * The inherited values of a request (with its current draft) or of a folder, for display: the
 * same precedence as `effectiveRequest`, plus secret folder variables (as they are given, masked).
 * The credential is looked up by the caller.
 */
export function inheritanceOf(
  root: Folder,
  target: { request: SavedRequest; draft: RequestDraft } | { folderId: string },
  secrets: SecretVariableState = { missing: new Map() },
): Omit<InheritanceView, 'credential'> {
  const chain =
    'request' in target
      ? (folderChain(root, target.request.id) ?? [root])
      : (folderChain(root, target.folderId) ?? []).slice(0, -1);
  const settings = inheritedSettings(chain);
  const own =
    'request' in target
      ? new Set(target.draft.headers.filter((h) => h.enabled).map((h) => lower(h.name)))
      : new Set<string>();
  const variables = new Map<string, InheritanceView['variables'][number]>();
  for (const folder of chain)
    for (const variable of folder.variables ?? []) {
      if (variable.name.trim() === '') continue;
      variables.set(variable.name, {
        name: variable.name,
        value: variable.value,
        secret: variable.secret,
        missing: variable.secret && (secrets.missing.get(folder.id)?.has(variable.name) ?? false),
        from: folder.name,
        fromId: folder.id,
      });
    }
  let authUsed: InheritanceView['authUsed'] = 'none';
  if ('request' in target) {
    const { draft, request } = target;
    if (draft.auth.type !== 'none') authUsed = 'own';
    else if (request.inheritAuth && settings.auth && settings.auth.value.type !== 'none')
      authUsed = 'inherited';
  }
  return {
    headers: settings.headers.map((h) => ({
      name: h.value.name,
      value: h.value.value,
      from: h.from,
      fromId: h.fromId,
      overridden: own.has(lower(h.value.name)),
    })),
    variables: [...variables.values()],
    ...(settings.auth ? { auth: settings.auth } : {}),
    authUsed,
  };
}
