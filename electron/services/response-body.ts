import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';

/** Pipes a body through the decoder its Content-Encoding names (gzip, deflate, br). */
export function decodeStream(body: Readable, contentEncoding: string | undefined): Readable {
  const encoding = (contentEncoding ?? '').trim().toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return body.pipe(createGunzip());
  if (encoding === 'deflate') return body.pipe(createInflate());
  if (encoding === 'br') return body.pipe(createBrotliDecompress());
  return body;
}

const TEXTUAL =
  /^(text\/|application\/(.+\+)?(json|xml|javascript|x-www-form-urlencoded|graphql|yaml|x-yaml))/i;

/** Decides whether a body is shown as text or kept as base64 (images, archives). */
export function bodyToText(
  bytes: Buffer,
  contentType: string,
): { text: string; encoding: 'utf8' | 'base64' } {
  if (bytes.length === 0) return { text: '', encoding: 'utf8' };
  if (TEXTUAL.test(contentType)) return { text: bytes.toString('utf8'), encoding: 'utf8' };
  if (/^(image|audio|video)\//i.test(contentType) || /octet-stream|zip|pdf/i.test(contentType)) {
    return { text: bytes.toString('base64'), encoding: 'base64' };
  }
  // No helpful Content-Type: text if it decodes as UTF-8 without NULs.
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (!text.includes('\0')) return { text, encoding: 'utf8' };
  } catch {
    // not UTF-8
  }
  return { text: bytes.toString('base64'), encoding: 'base64' };
}
