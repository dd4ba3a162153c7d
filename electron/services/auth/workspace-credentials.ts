import type { WorkspaceCredential } from '../../../shared/workspace-format/types';
import { secretField, validateCredential, type Credential } from './credential-input';

/**
 * A credential kept in lantern.workspace.yaml as the credential Lantern sends with: its secret is
 * the `{{variable}}` reference, filled in from the send's variables (an environment, a folder,
 * `lantern run --env-var`). Throws, in plain words, when a field is not valid.
 */
export function credentialOfWorkspace(entry: WorkspaceCredential): Credential {
  return validateCredential(entry.id, {
    ...entry.fields,
    kind: entry.kind,
    label: entry.label,
    [secretField[entry.kind]]: entry.secret,
  });
}

/** Makes the open workspace's credentials usable for this session; returns why any could not be. */
export function carryWorkspaceCredentials(
  store: { putTransient: (credential: Credential) => void },
  entries: readonly WorkspaceCredential[] | undefined,
): string[] {
  const problems: string[] = [];
  for (const entry of entries ?? []) {
    try {
      store.putTransient(credentialOfWorkspace(entry));
    } catch (error) {
      problems.push(
        `The credential "${entry.label}" in lantern.workspace.yaml cannot be used: ${(error as Error).message}`,
      );
    }
  }
  return problems;
}
