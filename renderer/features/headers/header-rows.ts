import type { HeaderExplanation } from '../../../shared/headers';

export type HeaderOrder = 'name' | 'received';

export type HeaderRow = {
  /** Position in the response as received; also the row's stable key. */
  index: number;
  name: string;
  value: string;
  explanation?: HeaderExplanation;
  /**
   * The lower-cased name, suffixed `-2`, `-3`… for a repeated header (Set-Cookie), so every
   * row's data-testid is unique while the first keeps the plain name.
   */
  testId: string;
};

export function buildRows(
  headers: readonly (readonly [string, string])[],
  explanations: readonly (HeaderExplanation | undefined)[],
): HeaderRow[] {
  const seen = new Map<string, number>();
  return headers.map(([name, value], index) => {
    const lower = name.trim().toLowerCase();
    const count = (seen.get(lower) ?? 0) + 1;
    seen.set(lower, count);
    const row: HeaderRow = { index, name, value, testId: count === 1 ? lower : `${lower}-${count}` };
    const explanation = explanations[index];
    if (explanation) row.explanation = explanation;
    return row;
  });
}

/** By name (case-insensitive, repeated headers kept in received order), or as received. */
export function sortRows(rows: readonly HeaderRow[], order: HeaderOrder): HeaderRow[] {
  const copy = [...rows];
  if (order === 'received') return copy.sort((a, b) => a.index - b.index);
  return copy.sort((a, b) => {
    const byName = a.name.toLowerCase().localeCompare(b.name.toLowerCase(), 'en');
    return byName !== 0 ? byName : a.index - b.index;
  });
}

/** Rows whose name or value contains the query, ignoring case; an empty query keeps all. */
export function filterRows(rows: readonly HeaderRow[], query: string): HeaderRow[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [...rows];
  return rows.filter(
    (row) => row.name.toLowerCase().includes(needle) || row.value.toLowerCase().includes(needle),
  );
}

export function countWarnings(rows: readonly HeaderRow[]): number {
  return rows.filter((row) => row.explanation?.severity === 'warning').length;
}
