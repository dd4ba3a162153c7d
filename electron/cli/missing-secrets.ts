/**
 * Why `lantern run` cannot fill a `{{name}}`, when the reason is a secret variable without a value
 * on this computer (a workspace cloned from elsewhere): the value lives in the vault of the data
 * folder, never in the workspace files, so the usual "not defined" would mislead.
 */

/** A place a send takes variables from: a folder of the request, the environment, the globals. */
export interface SecretSource {
  /** How messages name it: `the folder "Admin"`, `the "Staging" environment`. */
  label: string;
  /** Where in Lantern its values are typed in. */
  editor: string;
  variables: readonly { name: string; secret?: boolean }[];
}

export const FOLDER_EDITOR = `the folder's "Auth, headers, variables…" settings in the sidebar`;
export const ENVIRONMENT_EDITOR = 'the environment editor ("Edit" beside the environment switcher)';

/**
 * Names the secrets among `undefinedNames` (variables a send could not resolve), using the first
 * of `sources` (nearest first) that declares each as secret; undefined when none is a secret.
 */
export function missingSecretsMessage(
  undefinedNames: readonly string[],
  sources: readonly SecretSource[],
  { dataDir, vaultProblem }: { dataDir: string; vaultProblem?: string },
): string | undefined {
  const sentences: string[] = [];
  for (const name of new Set(undefinedNames)) {
    const source = sources.find((s) => s.variables.some((v) => v.name === name && v.secret));
    if (!source) continue;
    const what = `{{${name}}} is a secret variable of ${source.label} and has no value on this computer`;
    sentences.push(
      vaultProblem !== undefined
        ? `${what}: ${vaultProblem}`
        : `${what}: secret values are kept in the vault of the data folder ${dataDir}, never in the workspace files (the workspace may come from another computer). ` +
            `To set it, open the workspace in Lantern with this data folder and type its value in ${source.editor}, then run again.`,
    );
  }
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}
