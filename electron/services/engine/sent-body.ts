import type { FormData } from 'undici';
import type { SentBody } from '../../../shared/model/response';
import type { WireBody } from './request-body';

/** The start of a sent body shown in the Timeline: enough to check it, never megabytes in the page. */
export const SENT_BODY_SHOWN_BYTES = 64 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function textOf(bytes: Buffer): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function cut(text: string, bytes: number): SentBody {
  if (bytes <= SENT_BODY_SHOWN_BYTES) return { kind: 'text', text, bytes, truncated: false };
  return { kind: 'text', text: text.slice(0, SENT_BODY_SHOWN_BYTES), bytes, truncated: true };
}

/** Each part of a multipart body as a line: its text, or the file's name, type and size. */
function multipartLines(form: FormData): string {
  const lines: string[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') lines.push(`${name}: ${value}`);
    else
      lines.push(
        `${name}: file "${value.name}" (${value.type || 'application/octet-stream'}, ${value.size} bytes)`,
      );
  }
  return lines.join('\n');
}

/**
 * The body as the engine sent it, for the Timeline's "request as sent": text as it is (cut to
 * 64 KB), binary data as its size only, multipart as one line per part (undici writes the
 * boundaries). The send pipeline masks secrets in it like everything else.
 */
export function sentBodyView(body: WireBody): SentBody | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string') return cut(body, Buffer.byteLength(body));
  if (Buffer.isBuffer(body)) {
    const text = textOf(body.subarray(0, SENT_BODY_SHOWN_BYTES + 4));
    if (text !== undefined && !text.includes('\u0000')) return cut(textOf(body) ?? text, body.length);
    return { kind: 'binary', text: '', bytes: body.length, truncated: false };
  }
  return { kind: 'multipart', text: multipartLines(body), bytes: 0, truncated: false };
}
