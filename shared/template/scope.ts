/** Variable layers, searched in order: the first layer that defines a name wins. */

export type TemplateVariable = { value: string; secret?: boolean };

export type VariableLayer = {
  /** How the layer is named in messages, e.g. "the active environment" or "the globals". */
  label?: string;
  variables: Readonly<Record<string, TemplateVariable>> | ReadonlyMap<string, TemplateVariable>;
};

/** Most specific first, e.g. request, folder, environment, globals. */
export type TemplateScope = readonly VariableLayer[];

export function lookupVariable(scope: TemplateScope, name: string): TemplateVariable | undefined {
  for (const layer of scope) {
    const { variables } = layer;
    if (variables instanceof Map) {
      const found = variables.get(name);
      if (found) return found;
    } else if (Object.hasOwn(variables, name)) {
      // hasOwn, not `in`: a variable called "constructor" must not find Object.prototype.
      return (variables as Readonly<Record<string, TemplateVariable>>)[name];
    }
  }
  return undefined;
}

/** "the request, the active environment or the globals" */
export function describeScope(scope: TemplateScope): string {
  const labels = scope.map((layer, index) => layer.label ?? `variable set ${index + 1}`);
  if (labels.length === 0) return 'any variable set (none is active)';
  if (labels.length === 1) return labels[0] ?? '';
  return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

/** A layer from rows as environments store them (`{ name, value, secret }`); a later duplicate name wins. */
export function variableLayer(
  label: string,
  rows: readonly { name: string; value: string; secret?: boolean }[],
): VariableLayer {
  const variables = new Map<string, TemplateVariable>();
  for (const row of rows) variables.set(row.name, { value: row.value, secret: row.secret ?? false });
  return { label, variables };
}
