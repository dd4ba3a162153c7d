import { createReadStream } from 'node:fs';

export interface ScanOptions {
  query: string;
  caseSensitive: boolean;
  /** Offsets listed (all matches are counted). */
  maxResults: number;
  /** The scan stops after this long and says it is incomplete. */
  timeLimitMs: number;
  /** Bytes of the file to scan (a body still being written is scanned up to what is on disk). */
  end?: number;
}

export interface ScanResult {
  /** Byte offsets of the first `maxResults` matches, in order. */
  offsets: number[];
  total: number;
  /** False when the time limit stopped the scan before the end of the body. */
  complete: boolean;
}

const CHUNK_BYTES = 1 << 20;
const LOWER = 0x20;

/**
 * ASCII letters only: a byte-level fold that cannot break UTF-8 sequences. Four bytes at a time
 * where the buffers allow it (a plain byte loop took 1.1 s over 100 MB; this about 0.1 s).
 */
export function foldAscii(
  source: Uint8Array,
  target: Uint8Array = new Uint8Array(source.length),
): Uint8Array {
  const length = source.length;
  let i = 0;
  const foldByte = (at: number) => {
    const b = source[at] as number;
    target[at] = b >= 0x41 && b <= 0x5a ? b + LOWER : b;
  };
  if ((source.byteOffset - target.byteOffset) % 4 === 0) {
    for (; i < length && (source.byteOffset + i) % 4 !== 0; i++) foldByte(i);
    const words = (length - i) >>> 2;
    const from = new Uint32Array(source.buffer, source.byteOffset + i, words);
    const to = new Uint32Array(target.buffer, target.byteOffset + i, words);
    for (let k = 0; k < words; k++) {
      const word = from[k] as number;
      const low7 = word & 0x7f7f7f7f;
      // Per byte: top bit set when the byte is ASCII and 0x41 ≤ byte ≤ 0x5a ('A'…'Z').
      const upper = (low7 + 0x3f3f3f3f) & ~(low7 + 0x25252525) & ~word & 0x80808080;
      to[k] = word | (upper >>> 2);
    }
    i += words << 2;
  }
  for (; i < length; i++) foldByte(i);
  return target;
}

/**
 * Streams a stored body from disk and finds `query` in its bytes: one `indexOf` per 1 MB chunk,
 * with the end of the previous chunk carried so matches across chunk edges are found. Rows are
 * not computed here: the caller maps the few listed offsets to rows. Case-insensitive search
 * folds ASCII letters; other letters must match exactly.
 */
export async function scanFile(file: string, options: ScanOptions): Promise<ScanResult> {
  const raw = Buffer.from(options.query, 'utf8');
  const needle = options.caseSensitive ? raw : Buffer.from(foldAscii(raw));
  const deadline = Date.now() + options.timeLimitMs;
  const offsets: number[] = [];
  let total = 0;
  const carryBytes = needle.length - 1;
  const window = Buffer.alloc(CHUNK_BYTES + carryBytes);
  let carried = 0;
  let position = 0;
  let nextAllowed = 0;
  const stream = createReadStream(file, {
    highWaterMark: CHUNK_BYTES,
    ...(options.end !== undefined ? { end: options.end - 1 } : {}),
  });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const base = position - carried;
      const length = carried + chunk.length;
      const view = window.subarray(0, length);
      // The chunk is this scan's own buffer: folded in place, where its alignment allows words.
      if (!options.caseSensitive) foldAscii(chunk, chunk);
      chunk.copy(window, carried);
      let at = view.indexOf(needle, Math.max(0, nextAllowed - base));
      while (at >= 0) {
        total++;
        nextAllowed = base + at + needle.length;
        if (offsets.length < options.maxResults) offsets.push(base + at);
        at = view.indexOf(needle, at + needle.length);
      }
      position += chunk.length;
      carried = Math.min(carryBytes, length);
      window.copy(window, 0, length - carried, length);
      if (Date.now() > deadline) return { offsets, total, complete: false };
    }
  } finally {
    stream.destroy();
  }
  return { offsets, total, complete: true };
}
