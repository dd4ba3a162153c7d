/**
 * Scroll arithmetic of the large-body viewer. Rows have a fixed height, so the scroll container
 * is sized by row count; past MAX_SCROLL_PX (browsers cap element heights near 17–33 million px)
 * the scroll position maps to rows proportionally instead of one pixel per pixel.
 */
export const ROW_HEIGHT = 18;
export const MAX_SCROLL_PX = 8_000_000;

export interface Viewport {
  /** The first row to draw. */
  firstRow: number;
  /** Where the drawn rows start, in px from the top of the scroll content. */
  top: number;
  /** Rows that fit in the visible height (the last may be partly shown). */
  count: number;
}

/** Height of the scroll content for `rows` rows. */
export const contentHeight = (rows: number): number => Math.min(rows * ROW_HEIGHT, MAX_SCROLL_PX);

const lastFirstRow = (rows: number, clientHeight: number) =>
  Math.max(0, rows - Math.floor(clientHeight / ROW_HEIGHT));

export function viewportAt(scrollTop: number, clientHeight: number, rows: number): Viewport {
  const count = Math.ceil(clientHeight / ROW_HEIGHT) + 1;
  if (rows * ROW_HEIGHT <= MAX_SCROLL_PX) {
    const firstRow = Math.max(0, Math.min(rows - 1, Math.floor(scrollTop / ROW_HEIGHT)));
    return { firstRow, top: firstRow * ROW_HEIGHT, count };
  }
  const maxTop = MAX_SCROLL_PX - clientHeight;
  const fraction = maxTop > 0 ? Math.min(1, Math.max(0, scrollTop / maxTop)) : 0;
  const firstRow = Math.round(fraction * lastFirstRow(rows, clientHeight));
  return { firstRow, top: Math.max(0, Math.min(scrollTop, maxTop)), count };
}

/** The scrollTop that shows `row` about a third of the way down the view. */
export function scrollTopFor(row: number, clientHeight: number, rows: number): number {
  const above = Math.floor(clientHeight / ROW_HEIGHT / 3);
  return scrollTopAt(Math.max(0, row - above), clientHeight, rows);
}

/** The scrollTop whose view starts at row `first` (or as near as the end allows). */
export function scrollTopAt(first: number, clientHeight: number, rows: number): number {
  if (rows * ROW_HEIGHT <= MAX_SCROLL_PX) return first * ROW_HEIGHT;
  const last = lastFirstRow(rows, clientHeight);
  const maxTop = MAX_SCROLL_PX - clientHeight;
  return last > 0 ? Math.round((Math.min(first, last) / last) * maxTop) : 0;
}

/**
 * The first row to show after the body is wrapped again to another width: the same share of
 * its rows as before, so a resize keeps the reader's place.
 */
export const rewrappedFirstRow = (firstRow: number, rowsBefore: number, rowsNow: number): number =>
  rowsBefore > 0 ? Math.min(rowsNow - 1, Math.max(0, Math.round((firstRow / rowsBefore) * rowsNow))) : 0;
