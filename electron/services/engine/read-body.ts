import { pipeline, type Readable } from 'node:stream';
import type { StoredBody } from '../../../shared/model/body';
import { decodersFor } from './response-body';
import { Spill, type SpillOptions } from './spill';

export interface ReadBodyOptions {
  contentEncoding: string | undefined;
  /** Bytes kept in memory; the rest is counted and dropped. */
  maxInlineBytes: number;
  /** Called about every `progressEveryBytes` decoded bytes. */
  onProgress?: (receivedBytes: number) => void;
  progressEveryBytes: number;
  /** Where bodies too large to hold in memory go; without it they are cut at maxInlineBytes. */
  spill?: SpillOptions;
}

export interface BodyRead {
  /** The decoded bytes kept inline (at most maxInlineBytes). */
  bytes: Buffer;
  /** Decoded bytes in all. */
  bodyBytes: number;
  /** Bytes as they arrived, before decoding. */
  wireBytes: number;
  truncated: boolean;
  note?: string;
  /** Set when the body went to disk: `bytes` is then only its start. */
  stored?: StoredBody;
}

/**
 * Reads and decodes a response body. A body the decoder rejects (a truncated gzip stream, a
 * lying Content-Encoding) gives what could be decoded and a note, not an error; a failure of
 * the connection itself is rethrown for the caller to explain.
 */
export async function readBody(raw: Readable, options: ReadBodyOptions): Promise<BodyRead> {
  const decoders = decodersFor(options.contentEncoding);
  let wireBytes = 0;
  let rawError: unknown;
  // pipeline() destroys every stream with the first error: the first to fail is the culprit.
  let failedFirst: 'connection' | 'decoder' | undefined;
  let source: Readable = raw;
  if (decoders && decoders.length > 0) {
    raw.on('data', (chunk: Buffer) => (wireBytes += chunk.length));
    raw.once('error', (error) => {
      rawError = error;
      failedFirst ??= 'connection';
    });
    for (const decoder of decoders) decoder.once('error', () => (failedFirst ??= 'decoder'));
    source = pipeline([raw, ...decoders], () => undefined) as unknown as Readable;
  }
  let note: string | undefined;
  let collected: Collected = { chunks: [], kept: 0, received: 0 };
  try {
    collected = await collect(source, options);
  } catch (error) {
    collected = (error as { collected?: Collected }).collected ?? collected;
    if (source === raw || failedFirst !== 'decoder') {
      await collected.spill?.abort();
      throw rawError ?? error;
    }
    note = decodeFailureNote(error, options.contentEncoding ?? '', collected.received);
  }
  const { chunks, kept, received, spill } = collected;
  const stored = spill ? await spill.finish() : undefined;
  if (spill?.note) note = note ? `${note} ${spill.note}` : spill.note;
  if (source === raw) wireBytes = received;
  if (decoders === undefined) {
    note = `The body is encoded as "${options.contentEncoding}", which Lantern cannot decode, so it is shown as received.`;
  }
  // A body the spill held below its threshold is still cut at the inline limit.
  const inline = Math.min(kept, options.maxInlineBytes);
  return {
    bytes: (chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, kept)).subarray(0, inline),
    bodyBytes: received,
    wireBytes,
    truncated: received > inline,
    ...(note ? { note } : {}),
    ...(stored ? { stored } : {}),
  };
}

interface Collected {
  chunks: Buffer[];
  kept: number;
  received: number;
  spill?: Spill;
}

/**
 * Gathers a stream's chunks up to the inline limit. Plain 'data' listeners, not `for await`:
 * this runs for every response and the async iterator costs measurably more per request.
 * On error, what was gathered rides on the error as `collected`.
 */
function collect(source: Readable, options: ReadBodyOptions): Promise<Collected> {
  return new Promise((resolve, reject) => {
    const state: Collected = { chunks: [], kept: 0, received: 0 };
    const spillAbove = options.spill?.aboveBytes ?? Infinity;
    let nextProgress = options.progressEveryBytes;
    source.on('data', (chunk: Buffer) => {
      state.received += chunk.length;
      if (state.spill?.take(chunk)) {
        // on its way to disk
      } else if (options.spill && !state.spill && state.kept + chunk.length > spillAbove) {
        // Kept whole: the spill writes every byte received so far, then the rest, to disk.
        state.chunks.push(chunk);
        state.kept += chunk.length;
        state.spill = new Spill(options.spill, source, state);
      } else if (state.kept < options.maxInlineBytes) {
        const room = options.maxInlineBytes - state.kept;
        const piece = chunk.length > room ? chunk.subarray(0, room) : chunk;
        state.chunks.push(piece);
        state.kept += piece.length;
      }
      if (options.onProgress && state.received >= nextProgress) {
        options.onProgress(state.received);
        nextProgress = state.received + options.progressEveryBytes;
      }
    });
    source.once('end', () => resolve(state));
    source.once('error', (error) => reject(Object.assign(error, { collected: state })));
    // A stream destroyed without an error (an abort) ends neither way: 'close' settles it.
    source.once('close', () => {
      if (!source.readableEnded) reject(Object.assign(new Error('body closed early'), { collected: state }));
    });
  });
}

function decodeFailureNote(error: unknown, encoding: string, decoded: number): string {
  const code = (error as { code?: string }).code ?? '';
  const ended = code === 'Z_BUF_ERROR' || /unexpected end/i.test(String(error));
  const what = ended
    ? `The ${encoding} body ended before its end marker: the response was cut short`
    : `The body is not valid ${encoding} although the server said it was (${code || String(error)})`;
  const shown =
    decoded > 0 ? `Lantern shows the ${decoded} bytes it could decode.` : 'Nothing could be decoded.';
  return `${what}. ${shown} The server or a proxy on the way may have cut or mangled the response; try again, or ask for it uncompressed (Accept-Encoding: identity).`;
}
