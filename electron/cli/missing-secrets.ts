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

/** What the resolver said about one reference it could not fill (a `TemplateError`, in short). */
export interface Unresolved {
  code: string;
  /** The variable at fault. */
  name?: string;
  message: string;
}

/**
 * Names the secrets among the variables a send could not resolve, using the first of `sources`
 * (nearest first) that declares each as secret, followed by the resolver's own messages for the
 * rest; undefined when none of them is a secret (the resolver's messages say it all then).
 */
export function missingSecretsMessage(
  errors: readonly Unresolved[],
  sources: readonly SecretSource[],
  { dataDir, vaultProblem }: { dataDir: string; vaultProblem?: string },
): string | undefined {
  const secrets = new Map<string, SecretSource>();
  for (const { code, name } of errors) {
    if (code !== 'undefined-variable' || name === undefined) continue;
    const source = sources.find((s) => s.variables.some((v) => v.name === name && v.secret));
    if (source) secrets.set(name, source);
  }
  if (secrets.size === 0) return undefined;
  const sentences = [...secrets].map(([name, source]) => {
    const what = `{{${name}}} is a secret variable of ${source.label} and has no value on this computer`;
    return vaultProblem !== undefined
      ? `${what}: ${vaultProblem}`
      : `${what}: secret values are kept in the vault of the data folder ${dataDir}, never in the workspace files (the workspace may come from another computer). ` +
          `To set it, open the workspace in Lantern with this data folder and type its value in ${source.editor}, then run again.`;
  });
  const others = errors
    .filter((e) => !(e.code === 'undefined-variable' && e.name !== undefined && secrets.has(e.name)))
    .map((e) => e.message);
  return [...sentences, ...new Set(others)].join(' ');
}
