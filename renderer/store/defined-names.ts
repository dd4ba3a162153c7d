import { GLOBAL_ENVIRONMENT_ID, type EnvironmentSummary } from '../../shared/model/environment';

/** Names defined for a send: the active environment's and the globals'. */
export function definedNames(
  environments: readonly EnvironmentSummary[],
  environmentId: string | undefined,
): Set<string> {
  const names = new Set<string>();
  for (const environment of environments) {
    if (environment.id === environmentId || environment.id === GLOBAL_ENVIRONMENT_ID) {
      for (const variable of environment.variables) names.add(variable.name);
    }
  }
  return names;
}
