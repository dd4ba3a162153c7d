import { describe, expect, it } from 'vitest';
import type { BodyRow } from '../../../../shared/model/body';
import { BLOCK_ROWS, RowCache } from './row-cache';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const rowsFrom = (from: number, count: number) =>
  Array.from({ length: count }, (_, i): BodyRow => ({
    line: from + i + 1,
    text: `row ${from + i}`,
    wrapped: false,
  }));

function cacheOf(rows: number) {
  const asked: [number, number][] = [];
  const events = { loaded: 0, error: '' };
  const cache = new RowCache(
    rows,
    async (from, count) => {
      asked.push([from, count]);
      if (from < 0) throw new Error('unreachable');
      return { rows: rowsFrom(from, count), totalRows: rows, lines: rows, bytes: rows };
    },
    () => events.loaded++,
    (message) => (events.error = message),
  );
  return { cache, asked, events };
}

describe('RowCache', () => {
  it('fetches whole blocks once, clipped to the body, and serves rows from them', async () => {
    const { cache, asked, events } = cacheOf(BLOCK_ROWS + 10);
    cache.ensure(BLOCK_ROWS - 5, BLOCK_ROWS + 5);
    cache.ensure(BLOCK_ROWS - 5, BLOCK_ROWS + 5);
    expect(cache.get(0)).toBeUndefined();
    await settle();
    expect(asked).toEqual([
      [0, BLOCK_ROWS],
      [BLOCK_ROWS, 10],
    ]);
    expect(events.loaded).toBe(2);
    expect(cache.get(BLOCK_ROWS + 3)?.text).toBe(`row ${BLOCK_ROWS + 3}`);
    cache.ensure(0, 20);
    expect(asked).toHaveLength(2);
  });

  it('drops the least recently used blocks beyond its limit', async () => {
    const { cache, asked } = cacheOf(BLOCK_ROWS * 100);
    cache.ensure(0, 1);
    await settle();
    for (let block = 1; block < 60; block++) {
      cache.ensure(block * BLOCK_ROWS, block * BLOCK_ROWS + 1);
      cache.ensure(0, 1); // keeps block 0 young
      await settle();
    }
    expect(cache.get(0)).toBeDefined();
    expect(cache.get(BLOCK_ROWS)).toBeUndefined();
    expect(asked.filter(([from]) => from === 0)).toHaveLength(1);
  });

  it('asks for the first block alone until the main side gives the row count', async () => {
    const asked: number[] = [];
    const cache = new RowCache(
      undefined,
      async (from, count) => {
        asked.push(from);
        return { rows: rowsFrom(from, count), totalRows: 3 * BLOCK_ROWS, lines: 1, bytes: 1 };
      },
      () => undefined,
      () => undefined,
    );
    cache.ensure(0, 2 * BLOCK_ROWS);
    await settle();
    expect(asked).toEqual([0]);
    expect([cache.rows, cache.lines]).toEqual([3 * BLOCK_ROWS, 1]);
    cache.ensure(0, 2 * BLOCK_ROWS);
    await settle();
    expect(asked).toEqual([0, BLOCK_ROWS]);
  });

  it('fetches the last block again after a refresh while the body grows', async () => {
    let total = 10;
    const asked: number[] = [];
    const cache = new RowCache(
      undefined,
      async (from, count) => {
        asked.push(from);
        return {
          rows: rowsFrom(from, Math.min(count, total - from)),
          totalRows: total,
          bytes: total,
          lines: total,
          making: { percent: 40 },
        };
      },
      () => undefined,
      () => undefined,
    );
    cache.ensure(0, 50);
    await settle();
    expect([cache.rows, cache.get(20), cache.making]).toEqual([10, undefined, { percent: 40 }]);
    total = 30;
    cache.refresh(0);
    cache.ensure(0, 50);
    await settle();
    expect([cache.rows, cache.get(20)?.text]).toEqual([30, 'row 20']);
    expect(asked).toEqual([0, 0]);
    // Viewing its start while it grows far past it: the block in view is asked again, for the count.
    cache.ensure(0, 1);
    total = 10 * BLOCK_ROWS;
    cache.refresh(0);
    cache.ensure(0, 1);
    await settle();
    expect(cache.rows).toBe(10 * BLOCK_ROWS);
    expect(asked).toEqual([0, 0, 0]);
  });

  it('fetches again the blocks that were cut short or half-written once the body grows or ends', async () => {
    let total = BLOCK_ROWS + 132;
    let making: { percent: number } | undefined = { percent: 10 };
    // Answers come when the test says, read from the body as it is then.
    const pending: { from: number; answer: () => void }[] = [];
    const cache = new RowCache(
      total,
      (from, count) =>
        new Promise((resolve) =>
          pending.push({
            from,
            answer: () => {
              const rows = rowsFrom(from, Math.min(count, total - from));
              const last = rows.at(-1);
              if (making && last && from + rows.length === total) last.text += ' (half)';
              resolve({ rows, totalRows: total, bytes: total, lines: total, ...(making ? { making } : {}) });
            },
          }),
        ),
      () => undefined,
      () => undefined,
    );
    const answer = async (from: number) => {
      pending
        .splice(
          pending.findIndex((asked) => asked.from === from),
          1,
        )[0]
        ?.answer();
      await settle();
    };
    cache.ensure(0, 2 * BLOCK_ROWS);
    await answer(BLOCK_ROWS);
    expect(cache.get(BLOCK_ROWS + 131)?.text).toBe(`row ${BLOCK_ROWS + 131} (half)`);
    // The body grows before the first block's answer, which brings the new count.
    total = 4 * BLOCK_ROWS + 10;
    await answer(0);
    expect(cache.rows).toBe(total);
    cache.refresh(0);
    cache.ensure(0, 1);
    await answer(0);
    // It ends; back to the block that was the last, cut short and half-written, while it grew.
    making = undefined;
    cache.refresh(0);
    cache.ensure(0, 1);
    await answer(0);
    expect(cache.making).toBeUndefined();
    cache.ensure(BLOCK_ROWS, 2 * BLOCK_ROWS);
    await answer(BLOCK_ROWS);
    expect(pending).toEqual([]);
    expect([cache.get(BLOCK_ROWS + 131)?.text, cache.get(BLOCK_ROWS + 200)?.text]).toEqual([
      `row ${BLOCK_ROWS + 131}`,
      `row ${BLOCK_ROWS + 200}`,
    ]);
  });

  it('fetches the half-written last block again when the body ends, though no refresh came', async () => {
    let making: { percent: number } | undefined = { percent: 90 };
    const asked: number[] = [];
    const total = BLOCK_ROWS + 5;
    const cache = new RowCache(
      total,
      async (from, count) => {
        asked.push(from);
        const rows = rowsFrom(from, Math.min(count, total - from));
        return { rows, totalRows: total, bytes: total, lines: total, ...(making ? { making } : {}) };
      },
      () => undefined,
      () => undefined,
    );
    cache.ensure(BLOCK_ROWS, BLOCK_ROWS + 1);
    await settle();
    making = undefined;
    cache.ensure(0, 1);
    await settle();
    cache.ensure(BLOCK_ROWS, BLOCK_ROWS + 1);
    await settle();
    expect(asked).toEqual([BLOCK_ROWS, 0, BLOCK_ROWS]);
  });

  it('reports a failed fetch once and stops asking', async () => {
    const failing = new RowCache(
      10,
      () => Promise.reject(new Error('This response body is no longer available')),
      () => undefined,
      (m) => errors.push(m),
    );
    const errors: string[] = [];
    failing.ensure(0, 10);
    await settle();
    failing.ensure(0, 10);
    await settle();
    expect(errors).toEqual(['This response body is no longer available']);
  });
});
