import type { RequestDraft } from '../../../shared/model/request';
import { parseQueryParams, withQueryParams } from '../../../shared/url/query-params';

export interface ParamRow {
  name: string;
  value: string;
  enabled: boolean;
}

/** The Params table's rows: the URL's parameters, with switched-off ones back at their places. */
export function paramRows(draft: Pick<RequestDraft, 'url' | 'disabledParams'>): ParamRow[] {
  const rows: ParamRow[] = parseQueryParams(draft.url).map((p) => ({ ...p, enabled: true }));
  for (const off of [...(draft.disabledParams ?? [])].sort((a, b) => a.index - b.index)) {
    rows.splice(Math.min(off.index, rows.length), 0, { name: off.name, value: off.value, enabled: false });
  }
  return rows;
}

/** Writes table rows back: enabled ones into the URL, disabled ones beside it with their places. */
export function applyParamRows<T extends Pick<RequestDraft, 'url' | 'disabledParams'>>(
  draft: T,
  rows: readonly ParamRow[],
): T {
  const off = rows.flatMap((row, index) =>
    row.enabled ? [] : [{ name: row.name, value: row.value, index }],
  );
  return {
    ...draft,
    url: withQueryParams(
      draft.url,
      rows.filter((r) => r.enabled),
    ),
    disabledParams: off.length ? off : undefined,
  };
}
