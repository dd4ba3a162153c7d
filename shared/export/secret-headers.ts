import { isTemplateOnly } from '../importers/import-context';
import { isSecretHeaderName } from '../redact/secret-names';
import type { HeaderRow } from '../model/request';

/** `X-Api-Key` → `x_api_key`: the variable a header's secret is exported as. */
export const placeholderName = (header: string): string =>
  header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '') || 'secret';

/**
 * A header whose name says it holds a secret never leaves in an export with a literal value: the
 * value becomes `{{placeholder}}` (an Authorization header keeps its scheme: `Bearer {{authorization}}`).
 * Values that are already only `{{variables}}` are kept. Returns the placeholders used.
 */
export function withoutLiteralSecrets(rows: readonly HeaderRow[]): { rows: HeaderRow[]; replaced: string[] } {
  const replaced: string[] = [];
  const out = rows.map((row) => {
    const value = row.value.trim();
    if (!isSecretHeaderName(row.name) || value === '' || isTemplateOnly(value)) return row;
    const scheme = /^authorization$|^proxy-authorization$/i.test(row.name.trim())
      ? /^(\S+)\s+(.+)$/s.exec(value)
      : null;
    if (scheme && isTemplateOnly(scheme[2] ?? '')) return row;
    const name = placeholderName(row.name);
    if (!replaced.includes(name)) replaced.push(name);
    return { ...row, value: scheme ? `${scheme[1]} {{${name}}}` : `{{${name}}}` };
  });
  return { rows: out, replaced };
}
