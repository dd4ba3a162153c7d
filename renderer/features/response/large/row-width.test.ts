import { describe, expect, it } from 'vitest';
import { MAX_ROW_WIDTH, MIN_ROW_WIDTH } from '../../../../shared/model/body';
import { columnsFor, gutterDigits } from './row-width';

describe('row width', () => {
  it('fits the text beside the gutter, with one column spare', () => {
    // 1000 px − 3 digits × 8 px − 28 px padding = 948 px: 118 whole columns, 117 used.
    expect(columnsFor(1000, 8, 3)).toBe(117);
    expect(columnsFor(1000, 8, 7)).toBe(113);
  });

  it('stays within the widths the main side accepts', () => {
    expect(columnsFor(40, 8, 3)).toBe(MIN_ROW_WIDTH);
    expect(columnsFor(100_000, 4, 3)).toBe(MAX_ROW_WIDTH);
  });

  it('sizes the gutter for the line count, and for millions of lines while it is unknown', () => {
    expect([gutterDigits(1), gutterDigits(12_345), gutterDigits(undefined)]).toEqual([3, 5, 7]);
  });
});
