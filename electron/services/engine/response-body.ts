import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { isUtf8 } from 'node:buffer';
import type { Transform } from 'node:stream';

/**
 * The decoders a Content-Encoding names, in the order they must run (the header lists them in
 * the order they were applied). Undefined when an encoding is unknown: the body is kept as sent.
 */
export function decodersFor(contentEncoding: string | undefined): Transform[] | undefined {
  if (!contentEncoding) return [];
  const decoders: Transform[] = [];
  for (const raw of contentEncoding.split(',').reverse()) {
    const encoding = raw.trim().toLowerCase();
    if (encoding === '' || encoding === 'identity') continue;
    if (encoding === 'gzip' || encoding === 'x-gzip') decoders.push(createGunzip());
    else if (encoding === 'deflate') decoders.push(createInflate());
    else if (encoding === 'br') decoders.push(createBrotliDecompress());
    else return undefined;
  }
  return decoders;
}

const TEXTUAL =
  /^(text\/|application\/(.+\+)?(json|xml|javascript|x-www-form-urlencoded|graphql|yaml|x-yaml))/i;
const BINARY = /^(image|audio|video|font)\/|octet-stream|zip|pdf|protobuf|msgpack/i;
const UTF8 = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

export interface BodyText {
  text: string;
  encoding: 'utf8' | 'base64';
  /** Set when the bytes could not be shown exactly as declared (bad charset, invalid UTF-8). */
  note?: string;
}

/** The charset a Content-Type declares, lower-cased, if any. */
export function charsetOf(contentType: string): string | undefined {
  if (!contentType.includes('harset')) return undefined;
  return /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1]?.toLowerCase();
}

/**
 * Decides whether a body is shown as text or kept as base64 (images, archives), and decodes
 * text with the charset the Content-Type declares (UTF-8 when none). `cut` says the bytes were
 * truncated, so a character split at the end is not an error.
 */
export function bodyToText(bytes: Buffer, contentType: string, cut = false): BodyText {
  if (bytes.length === 0) return { text: '', encoding: 'utf8' };
  const charset = charsetOf(contentType);
  if (BINARY.test(contentType)) return { text: bytes.toString('base64'), encoding: 'base64' };
  if (TEXTUAL.test(contentType) || charset) return decodeText(bytes, charset, cut);
  // No helpful Content-Type: text if it decodes as UTF-8 without NULs.
  if (cut || isUtf8(bytes)) {
    const text = bytes.toString('utf8');
    if (!text.includes('\0')) return { text, encoding: 'utf8' };
  }
  return { text: bytes.toString('base64'), encoding: 'base64' };
}

function decodeText(bytes: Buffer, charset: string | undefined, cut: boolean): BodyText {
  if (charset && !UTF8.has(charset)) {
    let decoder: InstanceType<typeof TextDecoder> | undefined;
    try {
      decoder = new TextDecoder(charset);
    } catch {
      const text = new TextDecoder('utf-8').decode(bytes);
      return {
        text,
        encoding: 'utf8',
        note: `The server declared charset=${charset}, which Lantern does not know, so the body is shown as UTF-8. If characters look wrong, the server's Content-Type is mistaken.`,
      };
    }
    return { text: decoder.decode(bytes), encoding: 'utf8' };
  }
  // isUtf8 (simdutf) + toString is the fast path: every JSON response goes through here.
  if (cut || isUtf8(bytes)) return { text: bytes.toString('utf8'), encoding: 'utf8' };
  return {
    text: bytes.toString('utf8'),
    encoding: 'utf8',
    note: `The body is not valid UTF-8${charset ? ' although the server declared it so' : ''}: the bytes that are not were replaced with �. The server probably sent another charset without saying which.`,
  };
}
