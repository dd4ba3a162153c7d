import { createReadStream } from 'node:fs';
import { MAX_ROW_BYTES, RowSplitter } from './row-index';

export interface SearchOptions {
  query: string;
  caseSensitive: boolean;
  /** Matches listed (all are counted). */
  maxResults: number;
  /** The scan stops after this long and says it is incomplete. */
  timeLimitMs: number;
  maxRowBytes?: number;
  /** Turns a row's bytes into text, as the rows are shown (columns count its UTF-16 units). */
  decode: (bytes: Buffer) => string;
}

export interface SearchMatch {
  /** 0-based display row. */
  row: number;
  /** 0-based column in the row's text, in UTF-16 code units. */
  column: number;
}

export interface SearchResult {
  matches: SearchMatch[];
  total: number;
  /** False when the time limit stopped the scan before the end of the body. */
  complete: boolean;
}

const CHUNK_BYTES = 1 << 20;
/** Bytes of the previous chunk kept in front of the next: a whole row and a match fit in it. */
const carryBytes = (needle: number, maxRowBytes: number) => needle + maxRowBytes + 8;

/** ASCII letters only: a byte-level fold that cannot break UTF-8 sequences. */
export function foldAscii(
  source: Uint8Array,
  target: Uint8Array = new Uint8Array(source.length),
): Uint8Array {
  for (let i = 0; i < source.length; i++) {
    const b = source[i] as number;
    target[i] = b >= 0x41 && b <= 0x5a ? b + 0x20 : b;
  }
  return target;
}

/**
 * Streams a stored body from disk and finds `query` in it, row by row as the viewer shows it.
 * Case-insensitive search folds ASCII letters; other letters must match exactly.
 */
export async function searchFile(file: string, options: SearchOptions): Promise<SearchResult> {
  const maxRowBytes = options.maxRowBytes ?? MAX_ROW_BYTES;
  const raw = Buffer.from(options.query, 'utf8');
  const needle = options.caseSensitive ? raw : Buffer.from(foldAscii(raw));
  const deadline = Date.now() + options.timeLimitMs;
  const matches: SearchMatch[] = [];
  let total = 0;
  // Row starts not yet passed by the scan, in order (absolute offsets).
  let pending: number[] = [];
  const splitter = new RowSplitter(0, (offset) => pending.push(offset), maxRowBytes);
  let row = 0;
  let rowStart = 0;
  let carry = Buffer.alloc(0);
  let position = 0;
  let nextAllowed = 0;
  let folded = new Uint8Array(0);

  const stream = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      splitter.push(chunk);
      const window = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const base = position - carry.length;
      let haystack: Uint8Array = window;
      if (!options.caseSensitive) {
        if (folded.length < window.length) folded = new Uint8Array(window.length);
        haystack = foldAscii(window, folded.subarray(0, window.length));
      }
      const view = Buffer.from(haystack.buffer, haystack.byteOffset, window.length);
      let head = 0;
      let at = view.indexOf(needle, Math.max(0, nextAllowed - base));
      while (at >= 0) {
        const offset = base + at;
        total++;
        nextAllowed = offset + needle.length;
        if (matches.length < options.maxResults) {
          while (head < pending.length && (pending[head] as number) <= offset) {
            rowStart = pending[head++] as number;
            row++;
          }
          const column = options.decode(window.subarray(Math.max(0, rowStart - base), at)).length;
          matches.push({ row, column });
        }
        at = view.indexOf(needle, at + needle.length);
      }
      position += chunk.length;
      // Rows that start before any future match can: pass them now, so `pending` stays small.
      const settled = position - needle.length + 1;
      while (head < pending.length && (pending[head] as number) <= settled) {
        rowStart = pending[head++] as number;
        row++;
      }
      pending = head > 0 ? pending.slice(head) : pending;
      const keep = carryBytes(needle.length, maxRowBytes);
      carry = Buffer.from(window.subarray(Math.max(0, window.length - keep)));
      if (Date.now() > deadline) return { matches, total, complete: false };
    }
  } finally {
    stream.destroy();
  }
  return { matches, total, complete: true };
}
