import { describe, expect, it } from 'vitest';
import { contentHeight, MAX_SCROLL_PX, ROW_HEIGHT, scrollTopFor, viewportAt } from './viewport';

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
});
