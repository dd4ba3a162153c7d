import type { RequestBody, RequestDraft } from '../../../shared/model/request';
import type { Exchange } from '../../../shared/model/response';
import { withBodyText } from './redact-entry';

export interface KeptBodies {
  draft: RequestDraft;
  exchange?: Exchange;
  /** Which body was dropped and why, in plain words; absent when both were kept. */
  note?: string;
}

/**
 * History keeps bodies up to a limit so that one large download cannot push out every other
 * entry; the summary (status, size, time) is always kept.
 */
export function keepBodiesWithin(
  draft: RequestDraft,
  exchange: Exchange | undefined,
  maxBytes: number,
): KeptBodies {
  const notes: string[] = [];
  let keptDraft = draft;
  const requestSize = draftBodySize(draft.body);
  if (requestSize > maxBytes) {
    keptDraft = { ...draft, body: withoutContent(draft.body) };
    notes.push(
      `Request body not kept: ${describeSize(requestSize)} is over the ${describeSize(maxBytes)} history limit.`,
    );
  }
  let keptExchange = exchange;
  if (exchange) {
    const { text, encoding } = exchange.response.body;
    const size = encoding === 'base64' ? Math.floor((text.length * 3) / 4) : Buffer.byteLength(text);
    if (size > maxBytes) {
      keptExchange = withBodyText(exchange, '');
      notes.push(
        `Response body not kept: ${describeSize(size)} is over the ${describeSize(maxBytes)} history limit.`,
      );
    }
  }
  return { draft: keptDraft, exchange: keptExchange, note: notes.length > 0 ? notes.join(' ') : undefined };
}

/** Text and form bodies are held in the draft; file bodies only name their file, which is not copied. */
function draftBodySize(body: RequestBody): number {
  if ('text' in body) return Buffer.byteLength(body.text);
  if ('fields' in body) return Buffer.byteLength(JSON.stringify(body.fields));
  return 0;
}

function withoutContent(body: RequestBody): RequestBody {
  if ('text' in body) return { ...body, text: '' };
  if ('fields' in body) return { ...body, fields: [] };
  return body;
}

export function describeSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
