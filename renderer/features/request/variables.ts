import { findVariables } from '../../../shared/template';
import { GLOBAL_ENVIRONMENT_ID, type EnvironmentSummary } from '../../../shared/model/environment';

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

export interface TextSegment {
  text: string;
  variable?: { name: string; defined: boolean };
}

/** Splits text into plain runs and `{{variable}}` runs, marking the undefined ones. */
export function segmentVariables(text: string, defined: ReadonlySet<string>): TextSegment[] {
  const segments: TextSegment[] = [];
  let at = 0;
  for (const reference of findVariables(text)) {
    if (reference.start > at) segments.push({ text: text.slice(at, reference.start) });
    segments.push({
      text: text.slice(reference.start, reference.end),
      variable: { name: reference.name, defined: defined.has(reference.name) },
    });
    at = reference.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}
