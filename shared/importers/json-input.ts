import type { ImportResult } from './import-context';

export const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

/**
 * Parses the text of an exported file. The errors say what the file is not and how to get
 * the right one, because a wrong file is the usual cause.
 */
export function parseJsonFile(
  text: string,
  format: string,
  howToExport: string,
): { ok: true; value: unknown } | Extract<ImportResult, { ok: false }> {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') {
    return fail(`There is nothing to import: the file is empty. ${howToExport}`);
  }
  try {
    return { ok: true, value: JSON.parse(trimmed) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(
      `This file is not valid JSON (${reason}), so it cannot be a ${format}. It may be cut short or be` +
        ` another kind of file. ${howToExport}`,
    );
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** "at item[3].request.url" for the first problem zod found, so a broken file can be fixed. */
export function firstIssuePath(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const issue = issues[0];
  if (!issue) return '';
  const path = issue.path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
  return path === '' ? ` (${issue.message})` : ` (at ${path}: ${issue.message})`;
}
