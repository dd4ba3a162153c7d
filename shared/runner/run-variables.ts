import { isValidVariableName } from '../template/scan';
import type { TemplateVariable, VariableLayer } from '../template/scope';

/**
 * A run's overrides (`lantern run`): `--env-var NAME=VALUE` over `LANTERN_VAR_<NAME>` environment
 * variables, above every other variable (captures and data rows included). Their values are
 * treated as secrets: masked in every report and never written to disk.
 */

export const LANTERN_VAR_PREFIX = 'LANTERN_VAR_';

const NAME_RULE = 'letters, digits, _, - and . only, as in {{name}}';

/** `NAME=VALUE` (the value may hold `=` and be empty); an error says what is wrong. */
export function parseEnvVarOption(text: string): { name: string; value: string } {
  const at = text.indexOf('=');
  // Not quoted back: what was typed may be the secret value itself.
  if (at < 0) throw new Error('--env-var needs NAME=VALUE: one was given without "=".');
  const name = text.slice(0, at).trim();
  if (!isValidVariableName(name))
    throw new Error(
      `--env-var "${name.slice(0, 40)}=…": "${name.slice(0, 40)}" cannot be a variable name (${NAME_RULE}).`,
    );
  return { name, value: text.slice(at + 1) };
}

/** The `LANTERN_VAR_<NAME>` variables of a process environment, by variable name. */
export function lanternVarsFrom(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (!key.startsWith(LANTERN_VAR_PREFIX) || value === undefined) continue;
    const name = key.slice(LANTERN_VAR_PREFIX.length);
    if (!isValidVariableName(name))
      throw new Error(
        `The environment variable ${key} does not name a usable variable after ${LANTERN_VAR_PREFIX} (${NAME_RULE}). Rename or unset it.`,
      );
    found[name] = value;
  }
  return found;
}

/** One layer, every value secret; undefined when there is nothing to override. */
export function overrideLayer(
  envVars: readonly { name: string; value: string }[],
  lanternVars: Readonly<Record<string, string>>,
): VariableLayer | undefined {
  const variables: Record<string, TemplateVariable> = {};
  for (const [name, value] of Object.entries(lanternVars)) variables[name] = { value, secret: true };
  // Given on the command line, so more specific: --env-var wins over LANTERN_VAR_, the last one over earlier.
  for (const { name, value } of envVars) variables[name] = { value, secret: true };
  if (Object.keys(variables).length === 0) return undefined;
  return { label: "the run's --env-var and LANTERN_VAR_ values", variables };
}

/** Every value a layer holds (for masking: an override is a secret wherever it appears). */
export function layerValues(layer: VariableLayer | undefined): string[] {
  if (!layer) return [];
  const { variables } = layer;
  const all: Iterable<TemplateVariable> =
    variables instanceof Map ? variables.values() : Object.values(variables);
  return [...all].map((v) => v.value);
}
