import type { Exchange, SentBody } from '../../../shared/model/response';
import { formatBytes } from './format';

type Header = [string, string];

/** How many cookies a set of response headers set. */
export const cookieCount = (headers: readonly Header[]): number =>
  headers.filter(([name]) => name.toLowerCase() === 'set-cookie').length;

/** Every Set-Cookie of an exchange: the redirect hops' and the final response's, in order. */
export function setCookiesOf(exchange: Pick<Exchange, 'redirects' | 'response'>): string[] {
  const headers = [
    ...(exchange.redirects ?? []).flatMap((hop) => hop.headers ?? []),
    ...exchange.response.headers,
  ];
  return headers.filter(([name]) => name.toLowerCase() === 'set-cookie').map(([, value]) => value);
}

/** The body part of "request as sent": its text, or what was sent when it is not text. */
export function sentBodyText(body: SentBody): string {
  switch (body.kind) {
    case 'binary':
      return `(${formatBytes(body.bytes)} of binary data, not shown)`;
    case 'multipart':
      return `(multipart/form-data, one line per part)\n${body.text}`;
    case 'text':
      return body.truncated
        ? `${body.text}\n… (cut here for display: ${formatBytes(body.bytes)} were sent in all)`
        : body.text;
  }
}
