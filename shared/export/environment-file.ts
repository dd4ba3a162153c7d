import { isTemplateOnly } from '../importers/import-context';
import { isLanternEnvironmentFile } from './to-postman';

/** Why an environment file already on disk must not be replaced by a new export. */
export type KeepEnvironmentFile =
  | { why: 'not-lantern' }
  /** Lantern wrote it, but these variables have since been given values the new export would lose. */
  | { why: 'filled'; names: string[] };

/** `values` of a Postman environment file as key → value text; undefined when it has no such list. */
function valuesOf(text: string): Map<string, string> | undefined {
  try {
    const parsed = JSON.parse(text) as { values?: unknown } | null;
    if (!Array.isArray(parsed?.values)) return undefined;
    const values = new Map<string, string>();
    for (const entry of parsed.values as unknown[]) {
      if (typeof entry !== 'object' || entry === null) continue;
      const { key, value } = entry as { key?: unknown; value?: unknown };
      if (typeof key !== 'string') continue;
      values.set(key, value === undefined || value === null ? '' : String(value));
    }
    return values;
  } catch {
    return undefined;
  }
}

/**
 * May a new export (`next`) replace the environment file `current`? Only when an earlier Lantern
 * export wrote it and every value in it is still one Lantern writes: empty, a `{{placeholder}}`, or
 * the value the new export gives that variable. A value the user filled in (in Postman, or by hand)
 * would be lost, so the file is kept. Undefined when it may be replaced.
 */
export function keepEnvironmentFile(current: string, next: string): KeepEnvironmentFile | undefined {
  if (!isLanternEnvironmentFile(current)) return { why: 'not-lantern' };
  const before = valuesOf(current);
  const after = valuesOf(next) ?? new Map<string, string>();
  if (!before) return undefined;
  const names = [...before]
    .filter(([key, value]) => value.trim() !== '' && !isTemplateOnly(value) && after.get(key) !== value)
    .map(([key]) => key);
  return names.length > 0 ? { why: 'filled', names: [...new Set(names)] } : undefined;
}
