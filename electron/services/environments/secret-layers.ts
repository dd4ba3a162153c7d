import { variableLayer, type VariableLayer } from '../../../shared/template/index';
import type { StoredVariable } from './keep-secret-values';

interface WithSecrets {
  name: string;
  variables: readonly StoredVariable[];
  missing?: ReadonlySet<string>;
}

const quoted = (names: Iterable<string>) => [...names].map((n) => `"${n}"`).join(', ');

/**
 * Why some secret variables have no value, in plain words, or undefined when all have one.
 * `vaultProblem` is the vault's own report when it cannot be read.
 */
export function missingSecretsProblem(environment: WithSecrets, vaultProblem: string | undefined) {
  const missing = environment.missing;
  if (missing === undefined || missing.size === 0) return undefined;
  const what = `The secret variable${missing.size > 1 ? 's' : ''} ${quoted(missing)} of "${environment.name}" ha${missing.size > 1 ? 've' : 's'} no value on this computer`;
  if (vaultProblem !== undefined) return `${what}: ${vaultProblem}`;
  return `${what}: secret values are kept in this computer's vault, never in files, and the vault holds none for ${missing.size > 1 ? 'them' : 'it'} (the file may have been copied from elsewhere or edited outside Lantern). Type ${missing.size > 1 ? 'the values' : 'its value'} and save.`;
}

/** The variables that can resolve: a secret without a value is left out rather than sent as ''. */
export function withoutMissing(environment: WithSecrets): WithSecrets {
  const missing = environment.missing;
  if (missing === undefined || missing.size === 0) return environment;
  return {
    ...environment,
    variables: environment.variables.filter((v) => !(v.secret && missing.has(v.name))),
  };
}

/** A scope layer; its label says which secrets are absent, so "not defined" explains itself. */
export function secretLayer(
  label: string,
  environment: WithSecrets,
  missing = environment.missing,
): VariableLayer {
  const note =
    missing && missing.size > 0
      ? ` (where the secret ${quoted(missing)} has no value on this computer: type it again and save)`
      : '';
  return variableLayer(`${label}${note}`, environment.variables);
}
