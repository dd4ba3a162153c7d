import type { EnvironmentSummary } from '../../shared/model/environment';
import { definedNames } from './defined-names';
import type { CredentialSummary } from '../../shared/model/auth';
import type { InheritanceView } from '../../shared/model/inheritance';
import { findVariables } from '../../shared/template';
import { placedReferences, placesByName } from '../../shared/template/references';
import type { LanternState } from './index';
import { activeInheritance } from './inheritance-slice';
import { activeTab, type RequestTab } from './tabs-slice';

export interface UndefinedVariable {
  name: string;
  /** Where it is used, in the words the editors use ("the URL", "header “X-Api-Key”"…). */
  places: string[];
  /**
   * Set when a folder defines it as a secret that has no value on this computer (secret values stay
   * on the computer that set them): the folder's name. Such a name is defined, only not here.
   */
  secretWithoutValueIn?: string;
}

/**
 * Every name a send would find undefined, with the fields it is in, given what is defined: the
 * environment, the globals and (for a saved request) what its folders give, as the main side
 * resolves them. `inherited` undefined for a saved request means "not known yet": nothing is claimed.
 */
export function undefinedVariablesOf(parts: {
  tab: Pick<RequestTab, 'draft' | 'sourceId' | 'replayOf'>;
  environments: readonly EnvironmentSummary[];
  environmentId: string | undefined;
  inherited: InheritanceView | undefined;
  credentials: readonly CredentialSummary[];
}): UndefinedVariable[] | undefined {
  const { tab, inherited } = parts;
  const saved = tab.sourceId?.startsWith('file:') ?? false;
  if (saved && !inherited) return undefined;
  // A re-send from history: its saved request's folders (secret variables too) are applied again on
  // the main side, which this view does not know; the main side says what is missing.
  if (tab.replayOf) return undefined;
  const defined = definedNames(parts.environments, parts.environmentId);
  for (const variable of inherited?.variables ?? []) if (!variable.missing) defined.add(variable.name);
  const auth = tab.draft.auth;
  const folderAuth = inherited?.authUsed === 'inherited' ? inherited.auth?.value : undefined;
  const credentialId =
    auth.type !== 'none'
      ? auth.credentialId
      : folderAuth && folderAuth.type !== 'none'
        ? folderAuth.credentialId
        : undefined;
  const credential = parts.credentials.find((c) => c.id === credentialId);
  const references = placedReferences(tab.draft, credential);
  // Headers a folder adds are resolved with the request too.
  for (const header of inherited?.headers ?? [])
    if (!header.overridden)
      for (const { name } of findVariables(header.value))
        references.push({ name, place: `header “${header.name}” (from the folder “${header.from}”)` });
  const valueless = new Map<string, string>();
  for (const variable of inherited?.variables ?? [])
    if (variable.missing && !valueless.has(variable.name)) valueless.set(variable.name, variable.from);
  return placesByName(references.filter((r) => !defined.has(r.name))).map((problem) => {
    const folder = valueless.get(problem.name);
    return folder === undefined ? problem : { ...problem, secretWithoutValueIn: folder };
  });
}

/** The same, for the active tab (send checks it before going to the main side). */
export function activeUndefinedVariables(state: LanternState): UndefinedVariable[] | undefined {
  return undefinedVariablesOf({
    tab: activeTab(state),
    environments: state.environments,
    environmentId: state.environmentId,
    inherited: activeInheritance(state),
    credentials: state.credentials,
  });
}
