import type { Limits } from '../../../shared/graphql/limits';
import type { EnvironmentSummary } from '../../../shared/model/environment';
import { GLOBAL_ENVIRONMENT_ID } from '../../../shared/model/environment';

/** The environment variables that set a server's limits (Totara: "Max query depth", complexity). */
export const LIMIT_VARIABLES = { maxDepth: 'graphql_max_depth', maxComplexity: 'graphql_max_complexity' };

/**
 * The limits configured for the active environment, then the globals; Totara's defaults (15 and
 * 6000) apply when neither sets them.
 */
export function environmentLimits(
  environments: EnvironmentSummary[],
  environmentId: string | undefined,
): Limits {
  const scopes = [environmentId, GLOBAL_ENVIRONMENT_ID]
    .map((id) => environments.find((environment) => environment.id === id))
    .filter((environment): environment is EnvironmentSummary => !!environment);
  const read = (name: string) => {
    for (const scope of scopes) {
      const variable = scope.variables.find((item) => item.name === name && !item.secret);
      const value = variable ? Number(variable.value.trim()) : NaN;
      if (Number.isInteger(value) && value > 0) return value;
    }
    return undefined;
  };
  const limits: Limits = {};
  const maxDepth = read(LIMIT_VARIABLES.maxDepth);
  const maxComplexity = read(LIMIT_VARIABLES.maxComplexity);
  if (maxDepth !== undefined) limits.maxDepth = maxDepth;
  if (maxComplexity !== undefined) limits.maxComplexity = maxComplexity;
  return limits;
}
