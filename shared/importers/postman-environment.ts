import type { Collection } from '../model/collection';
import type { ImportContext } from './import-context';
import { fail, firstIssuePath, parseJsonFile } from './json-input';
import { postmanEnvironmentSchema, text } from './postman-source';

export type CollectionEnvironment = Collection['environments'][number];

const HOW_TO_EXPORT =
  'In Postman, open Environments, choose the environment, then "…" → Export, and import that file.';

/** Reads a Postman environment (or globals) export; secret values are left out. */
export function readPostmanEnvironment(
  jsonText: string,
  ctx: ImportContext,
  fallbackName: string,
): { ok: true; environment: CollectionEnvironment } | { ok: false; error: string } {
  const parsed = parseJsonFile(jsonText, 'Postman environment', HOW_TO_EXPORT);
  if (!parsed.ok) return parsed;
  const result = postmanEnvironmentSchema.safeParse(parsed.value);
  if (!result.success) {
    return fail(
      `This JSON is not a Postman environment${firstIssuePath(result.error.issues)}: an environment` +
        ` export has a "name" and a list of "values". ${HOW_TO_EXPORT}`,
    );
  }
  const source = result.data;
  const name =
    source.name?.trim() || (source._postman_variable_scope === 'globals' ? 'Globals' : fallbackName);
  const variables = ctx.variables(
    source.values
      .filter((entry) => (entry.key ?? '') !== '')
      .map((entry) => ({
        name: entry.key ?? '',
        value: text(entry.value),
        markedSecret: entry.type === 'secret',
        disabled: entry.enabled === false || entry.disabled === true,
      })),
    `environment "${name}"`,
  );
  return { ok: true, environment: { name, variables } };
}
