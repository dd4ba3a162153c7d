import type { HeaderContext, HeaderExplanation } from './types';
import { findHeader, formatSeconds, listInWords, splitList } from './words';

const BROWSERS_ONLY =
  'CORS is enforced by browsers only, for pages calling other sites; it does not affect Lantern, or any server-side integration.';

/** `Access-Control-*` response headers (Fetch standard, §3.2.3). */
export function explainCors(name: string, value: string, context: HeaderContext): HeaderExplanation {
  const key = name.toLowerCase().replace(/^access-control-/, '');
  const details: string[] = [];
  let severity: HeaderExplanation['severity'];
  let summary: string;
  const items = splitList(value);
  switch (key) {
    case 'allow-origin': {
      const trimmed = value.trim();
      summary =
        trimmed === '*'
          ? 'Browsers may let a page on any site read this response.'
          : trimmed === 'null'
            ? 'Only pages with an opaque ("null") origin, such as sandboxed iframes or file:// pages, may read it: an unsafe setting.'
            : `Browsers let only pages from ${trimmed} read this response.`;
      const origin = findHeader(context.requestHeaders, 'origin');
      if (origin && trimmed !== '*' && origin !== trimmed) {
        details.push(`This request sent Origin: ${origin}, which a browser would be refused.`);
      }
      const credentials = findHeader(context.responseHeaders, 'access-control-allow-credentials');
      if (trimmed === '*' && credentials?.trim() === 'true') {
        severity = 'warning';
        details.push(
          '"*" together with Allow-Credentials: true is refused by browsers; the server must echo the origin.',
        );
      }
      break;
    }
    case 'allow-credentials':
      summary =
        value.trim() === 'true'
          ? 'Browsers may include cookies or Authorization on cross-site requests, and let the page read the answer.'
          : `"${value}" is not "true", so browsers treat it as absent.`;
      break;
    case 'allow-methods':
      summary = `Browsers may send ${listInWords(items)} from another site.`;
      break;
    case 'allow-headers':
      summary =
        value.trim() === '*'
          ? 'Browsers may send any request header from another site (except Authorization, which must be listed).'
          : `Browsers may send these request headers from another site: ${listInWords(items)}.`;
      break;
    case 'expose-headers':
      summary = `A page on another site may read these response headers: ${listInWords(items)}.`;
      break;
    case 'max-age':
      summary = /^\d+$/.test(value.trim())
        ? `Browsers may reuse this preflight answer for ${formatSeconds(Number(value.trim()))} (they cap it at 2 h or less).`
        : `"${value}" is not a number of seconds.`;
      break;
    case 'allow-private-network':
      summary = 'Lets a public website reach this server on a private network (Private Network Access).';
      break;
    default:
      summary = `A CORS response header: ${value}.`;
  }
  details.push(BROWSERS_ONLY);
  return { name, title: 'CORS (browsers only)', summary, details, severity, category: 'cors' };
}
