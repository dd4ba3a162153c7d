import { describe, expect, it } from 'vitest';
import { CHECKPOINT_EVERY, RowIndex, RowSplitter, rowsOf } from './row-index';

const utf8 = (bytes: Buffer) => bytes.toString('utf8');

/** Row starts found when `bytes` arrive in chunks of `size` bytes. */
function startsOf(bytes: Buffer, size: number, maxRowBytes: number): [number, boolean][] {
  const starts: [number, boolean][] = [];
  const splitter = new RowSplitter(0, (offset, newline) => starts.push([offset, newline]), maxRowBytes);
  for (let i = 0; i < bytes.length; i += size) splitter.push(bytes.subarray(i, i + size));
  return starts;
}

/** Every row of a body, read back through the index as the viewer reads it. */
function allRows(bytes: Buffer, maxRowBytes: number, chunk = 7) {
  const index = new RowIndex(maxRowBytes);
  for (let i = 0; i < bytes.length; i += chunk) index.push(bytes.subarray(i, i + chunk));
  const span = index.span(0, index.rows);
  return {
    index,
    rows: rowsOf(bytes.subarray(span.startOffset, span.endOffset), span, 0, index.rows, utf8, maxRowBytes),
  };
}

describe('RowSplitter', () => {
  it.each([
    [
      'lines',
      'a\nbb\nccc',
      10,
      [
        [2, true],
        [5, true],
      ],
    ],
    ['a trailing newline makes an empty last row', 'a\n', 10, [[2, true]]],
    [
      'a long line is cut into rows',
      'abcdefghij',
      4,
      [
        [4, false],
        [8, false],
      ],
    ],
    ['a newline right at the limit ends the row', 'abcd\nef', 4, [[5, true]]],
    [
      'a newline after a cut starts no empty row',
      'abcde\nf',
      4,
      [
        [4, false],
        [6, true],
      ],
    ],
  ])('%s', (_name, text, max, expected) => {
    expect(startsOf(Buffer.from(text), 1024, max)).toEqual(expected);
  });

  it('never cuts inside a UTF-8 character', () => {
    const text = Buffer.from('abé€😀xyz'); // 2-, 3- and 4-byte characters
    for (let max = 1; max <= 8; max++) {
      const starts = startsOf(text, 1024, max);
      for (const [offset] of starts) expect((text[offset] as number) & 0xc0).not.toBe(0x80);
    }
  });

  it('cuts at the same places whatever the chunk sizes', () => {
    const text = Buffer.from(`${'é'.repeat(40)}\n${'x€'.repeat(33)}\n\n${'😀'.repeat(21)}\nend`);
    for (const max of [3, 5, 16]) {
      const whole = startsOf(text, text.length, max);
      for (const size of [1, 2, 3, 5, 7, 64]) expect(startsOf(text, size, max)).toEqual(whole);
    }
  });
});

describe('RowIndex and rowsOf', () => {
  it('counts rows and lines, and gives line numbers shared by the rows of a cut line', () => {
    const { index, rows } = allRows(Buffer.from('first\r\nabcdefghij\nlast'), 4);
    expect([index.rows, index.lines]).toEqual([6, 3]);
    expect(rows).toEqual([
      { line: 1, text: 'firs', wrapped: false },
      { line: 1, text: 't', wrapped: true },
      { line: 2, text: 'abcd', wrapped: false },
      { line: 2, text: 'efgh', wrapped: true },
      { line: 2, text: 'ij', wrapped: true },
      { line: 3, text: 'last', wrapped: false },
    ]);
  });

  it('keeps multi-byte characters whole when chunks split them', () => {
    const text = 'añb€c😀d\n'.repeat(50);
    const { rows } = allRows(Buffer.from(text), 4096, 1);
    expect(rows.map((r) => r.text).join('\n')).toBe(text.slice(0, -1) + '\n');
    expect(rows).toHaveLength(51);
  });

  it('reads any window the same as reading everything, across checkpoints', () => {
    const lines = Array.from({ length: CHECKPOINT_EVERY * 5 + 3 }, (_, i) =>
      i % 7 === 0 ? `line ${i} ${'long é'.repeat(i % 13)}` : `line ${i}`,
    );
    const bytes = Buffer.from(lines.join('\n'));
    const { index, rows } = allRows(bytes, 24, 13);
    for (const from of [
      0,
      1,
      CHECKPOINT_EVERY - 1,
      CHECKPOINT_EVERY,
      CHECKPOINT_EVERY * 2 + 5,
      index.rows - 3,
    ]) {
      for (const count of [1, 2, CHECKPOINT_EVERY, CHECKPOINT_EVERY + 1]) {
        const wanted = Math.min(count, index.rows - from);
        const span = index.span(from, wanted);
        const window = rowsOf(bytes.subarray(span.startOffset, span.endOffset), span, from, wanted, utf8, 24);
        expect(window).toEqual(rows.slice(from, from + wanted));
      }
    }
  });
});
