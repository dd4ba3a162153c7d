/**
 * Display rows of a stored body. A row is a line, except that a line longer than `maxRowBytes`
 * is cut into several rows: a minified 100 MB JSON is one line, and a viewer can only show it
 * in pieces. The viewer asks for rows as wide as its pane (`maxRowBytes` = the columns it shows),
 * so a long line wraps there. Cuts never split a UTF-8 character.
 */
export const MAX_ROW_BYTES = 2048;
/** Every this many rows the index remembers a row's byte offset and line number. */
export const CHECKPOINT_EVERY = 64;

const NEWLINE = 0x0a;
const isContinuationByte = (byte: number) => (byte & 0xc0) === 0x80;

/**
 * Finds where rows start in a byte stream fed in chunks. Deterministic from its start offset:
 * the index (while streaming) and the reader (from a checkpoint) cut rows at the same places.
 */
export class RowSplitter {
  private rowStart: number;
  private chunkStart: number;

  constructor(
    start: number,
    private readonly onRowStart: (offset: number, afterNewline: boolean) => void,
    private readonly maxRowBytes = MAX_ROW_BYTES,
  ) {
    this.rowStart = start;
    this.chunkStart = start;
  }

  push(chunk: Uint8Array): void {
    const base = this.chunkStart;
    const length = chunk.length;
    let i = 0;
    // The next newline at or after i (length when none): each chunk is scanned for newlines once.
    let nextNewline = -1;
    while (i < length) {
      if (nextNewline < i) {
        nextNewline = chunk.indexOf(NEWLINE, i);
        if (nextNewline < 0) nextNewline = length;
      }
      const limit = this.rowStart + this.maxRowBytes - base;
      if (nextNewline < length && nextNewline <= limit) {
        i = nextNewline + 1;
        this.rowStart = base + i;
        this.onRowStart(this.rowStart, true);
        continue;
      }
      if (limit >= length) break;
      let cut = Math.max(limit, i);
      // At most 3 continuation bytes follow a character's first byte; more is not UTF-8.
      while (cut < length && cut < limit + 3 && isContinuationByte(chunk[cut] as number)) cut++;
      if (cut >= length) break; // the character goes on in the next chunk: cut there
      if (cut === nextNewline) {
        // A newline right after the cut ends this row; no empty row is made for it.
        i = cut + 1;
        this.rowStart = base + i;
        this.onRowStart(this.rowStart, true);
        continue;
      }
      i = cut;
      this.rowStart = base + cut;
      this.onRowStart(this.rowStart, false);
    }
    this.chunkStart = base + length;
  }
}

/** Where a window of rows lies in the file, from the nearest checkpoint at or before it. */
export interface RowSpan {
  startRow: number;
  startOffset: number;
  /** 1-based line number of `startRow`. */
  startLine: number;
  /** Whether `startRow` continues the line of the row before it. */
  startWrapped: boolean;
  endOffset: number;
}

/** Row count, line count and sparse checkpoints of a body, built while it streams in. */
export class RowIndex {
  rows = 1;
  lines = 1;
  bytes = 0;
  private offsets = new Float64Array(256);
  private lineAt = new Float64Array(256);
  private wrappedAt = new Uint8Array(256);
  private checkpoints = 1;
  private readonly splitter: RowSplitter;

  constructor(readonly maxRowBytes = MAX_ROW_BYTES) {
    this.splitter = new RowSplitter(
      0,
      (offset, afterNewline) => this.addRow(offset, afterNewline),
      maxRowBytes,
    );
    this.lineAt[0] = 1;
  }

  push(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    this.splitter.push(chunk);
  }

  private addRow(offset: number, afterNewline: boolean): void {
    if (afterNewline) this.lines++;
    if (this.rows % CHECKPOINT_EVERY === 0) {
      if (this.checkpoints === this.offsets.length) this.grow();
      this.offsets[this.checkpoints] = offset;
      this.lineAt[this.checkpoints] = this.lines;
      this.wrappedAt[this.checkpoints] = afterNewline ? 0 : 1;
      this.checkpoints++;
    }
    this.rows++;
  }

  private grow(): void {
    const size = this.offsets.length * 2;
    const offsets = new Float64Array(size);
    offsets.set(this.offsets);
    const lineAt = new Float64Array(size);
    lineAt.set(this.lineAt);
    const wrappedAt = new Uint8Array(size);
    wrappedAt.set(this.wrappedAt);
    [this.offsets, this.lineAt, this.wrappedAt] = [offsets, lineAt, wrappedAt];
  }

  /** The last checkpoint at or before byte `offset`: where re-splitting finds that byte's row. */
  checkpointBefore(offset: number): RowSpan {
    let low = 0;
    let high = this.checkpoints - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.offsets[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return {
      startRow: low * CHECKPOINT_EVERY,
      startOffset: this.offsets[low] ?? 0,
      startLine: this.lineAt[low] ?? 1,
      startWrapped: this.wrappedAt[low] === 1,
      endOffset: low + 1 < this.checkpoints ? (this.offsets[low + 1] ?? this.bytes) : this.bytes,
    };
  }

  /** The bytes holding rows [fromRow, fromRow + count), which must lie within the body. */
  span(fromRow: number, count: number): RowSpan {
    const first = Math.floor(fromRow / CHECKPOINT_EVERY);
    const last = Math.ceil((fromRow + count) / CHECKPOINT_EVERY);
    return {
      startRow: first * CHECKPOINT_EVERY,
      startOffset: this.offsets[first] ?? 0,
      startLine: this.lineAt[first] ?? 1,
      startWrapped: this.wrappedAt[first] === 1,
      endOffset: last < this.checkpoints ? (this.offsets[last] ?? this.bytes) : this.bytes,
    };
  }
}

export interface Row {
  /** 1-based line number; the rows of a cut line share it. */
  line: number;
  text: string;
  /** True when this row continues the line of the row before it. */
  wrapped: boolean;
}

/**
 * Cuts `bytes` (which begin at a row start described by `span`) into rows and returns
 * rows [fromRow, fromRow + count). Trailing CR/LF are not part of a row's text.
 */
export function rowsOf(
  bytes: Buffer,
  span: RowSpan,
  fromRow: number,
  count: number,
  decode: (bytes: Buffer) => string,
  maxRowBytes = MAX_ROW_BYTES,
): Row[] {
  const starts: number[] = [0];
  const afterNewline: boolean[] = [!span.startWrapped];
  new RowSplitter(
    0,
    (offset, newline) => {
      starts.push(offset);
      afterNewline.push(newline);
    },
    maxRowBytes,
  ).push(bytes);
  const rows: Row[] = [];
  let line = span.startLine;
  for (let i = 0; i < starts.length; i++) {
    const wrapped = !afterNewline[i];
    if (i > 0 && !wrapped) line++;
    const row = span.startRow + i;
    if (row < fromRow) continue;
    if (row >= fromRow + count) break;
    const start = starts[i] as number;
    let end = starts[i + 1] ?? bytes.length;
    if (end > start && bytes[end - 1] === NEWLINE) end--;
    if (end > start && bytes[end - 1] === 0x0d) end--;
    rows.push({ line, text: decode(bytes.subarray(start, end)), wrapped });
  }
  return rows;
}

/**
 * The display row holding byte `target` of `bytes` (which begin at the row start described by
 * `span` and reach a few bytes past `target`), and where that row starts in `bytes`.
 */
export function rowAt(
  bytes: Uint8Array,
  span: RowSpan,
  target: number,
  maxRowBytes = MAX_ROW_BYTES,
): { row: number; start: number } {
  let row = span.startRow;
  let start = 0;
  new RowSplitter(
    0,
    (offset) => {
      if (offset > target) return;
      row++;
      start = offset;
    },
    maxRowBytes,
  ).push(bytes);
  return { row, start };
}
