import { MAX_ROW_WIDTH, MIN_ROW_WIDTH } from '../../../../shared/model/body';

/** Horizontal padding of a row's gutter and of its text, in px (large-body.css). */
const GUTTER_PADDING_PX = 12;
const TEXT_PADDING_PX = 16;
/** Gutter digits while a body is being made and its line count is not yet known. */
const GROWING_GUTTER_DIGITS = 7;

/** Digits the line-number gutter is wide: the body's line count, at least 3. */
export const gutterDigits = (lines: number | undefined): number =>
  lines === undefined ? GROWING_GUTTER_DIGITS : Math.max(3, String(lines).length);

/**
 * Columns of text that fit in a pane `clientWidth` px wide beside a gutter of `digits`, in a
 * monospace font whose characters are `charWidth` px. One column is kept spare: a row is cut at
 * that many bytes, moved on to the end of a UTF-8 character, and a wide (CJK) character at its
 * end can take one column more than its bytes allow for.
 */
export function columnsFor(clientWidth: number, charWidth: number, digits: number): number {
  const textPx = clientWidth - digits * charWidth - GUTTER_PADDING_PX - TEXT_PADDING_PX;
  const columns = Math.floor(textPx / charWidth) - 1;
  return Math.min(MAX_ROW_WIDTH, Math.max(MIN_ROW_WIDTH, columns));
}
