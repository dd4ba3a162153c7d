import type { EnvironmentSummary } from '../../../shared/model/environment';

/** Where an environment is kept, in words: "in workspace Team API (environments/staging.env.yaml)". */
export function locationText(environment: Pick<EnvironmentSummary, 'location' | 'builtIn'>): string {
  const location = environment.location;
  if (location?.kind === 'workspace') return `in workspace ${location.workspaceName} (${location.file})`;
  if (location?.kind === 'built-in' || environment.builtIn) return 'built in (read-only)';
  return 'on this computer';
}

/** The switcher's groups, in order: the open workspace's, this computer's, the built-in ones. */
export function groupByLocation(environments: readonly EnvironmentSummary[]) {
  const groups = new Map<string, EnvironmentSummary[]>();
  for (const environment of environments) {
    const location = environment.location;
    const label =
      location?.kind === 'workspace'
        ? `In workspace ${location.workspaceName}`
        : location?.kind === 'built-in' || environment.builtIn
          ? 'Built in'
          : 'On this computer';
    groups.set(label, [...(groups.get(label) ?? []), environment]);
  }
  const rank = (label: string) =>
    label.startsWith('In workspace') ? 0 : label === 'On this computer' ? 1 : 2;
  return [...groups].sort(([a], [b]) => rank(a) - rank(b));
}
