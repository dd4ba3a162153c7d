import { describe, expect, it } from 'vitest';
import {
  contentHeight,
  MAX_SCROLL_PX,
  rewrappedFirstRow,
  ROW_HEIGHT,
  scrollTopAt,
  scrollTopFor,
  viewportAt,
} from './viewport';

describe('viewport', () => {
  it('maps one pixel to one pixel for bodies that fit', () => {
    expect(contentHeight(1000)).toBe(1000 * ROW_HEIGHT);
    expect(viewportAt(0, 180, 1000)).toEqual({ firstRow: 0, top: 0, count: 11 });
    expect(viewportAt(ROW_HEIGHT * 10 + 5, 180, 1000)).toMatchObject({ firstRow: 10, top: ROW_HEIGHT * 10 });
  });

  it('maps the scroll range proportionally when rows would be taller than browsers allow', () => {
    const rows = 10_000_000;
    expect(contentHeight(rows)).toBe(MAX_SCROLL_PX);
    expect(viewportAt(0, 180, rows).firstRow).toBe(0);
    const end = viewportAt(MAX_SCROLL_PX - 180, 180, rows);
    expect(end.firstRow + 180 / ROW_HEIGHT).toBe(rows);
    expect(end.top).toBe(MAX_SCROLL_PX - 180);
    expect(viewportAt((MAX_SCROLL_PX - 180) / 2, 180, rows).firstRow).toBe((rows - 10) / 2);
  });

  it('finds the scrollTop that shows a row, in both modes', () => {
    for (const rows of [1000, 10_000_000]) {
      for (const row of [0, 500, rows - 1]) {
        const view = viewportAt(scrollTopFor(row, 180, rows), 180, rows);
        expect(row).toBeGreaterThanOrEqual(view.firstRow);
        expect(row).toBeLessThan(view.firstRow + view.count);
      }
    }
  });

  it('starts the view at a given row, in both modes', () => {
    for (const rows of [1000, 10_000_000]) {
      for (const row of [0, 500, rows / 2])
        expect(viewportAt(scrollTopAt(row, 180, rows), 180, rows).firstRow).toBe(row);
      expect(viewportAt(scrollTopAt(rows - 1, 180, rows), 180, rows).firstRow).toBeLessThanOrEqual(rows - 1);
    }
  });

  it('keeps the same share of the body at the top when it is wrapped to another width', () => {
    expect(rewrappedFirstRow(250, 1000, 4000)).toBe(1000);
    expect(rewrappedFirstRow(1000, 4000, 1000)).toBe(250);
    expect(rewrappedFirstRow(999, 1000, 10)).toBe(9);
    expect(rewrappedFirstRow(0, 1000, 10)).toBe(0);
    expect(rewrappedFirstRow(5, 0, 10)).toBe(0);
    // Through the proportional mode: a view a third of the way down stays a third of the way down.
    const before = 9_000_000;
    const now = 3_000_000;
    const first = viewportAt(scrollTopAt(before / 3, 180, before), 180, before).firstRow;
    const again = viewportAt(scrollTopAt(rewrappedFirstRow(first, before, now), 180, now), 180, now).firstRow;
    expect(Math.abs(again - now / 3)).toBeLessThan(now / 1000);
  });
});
