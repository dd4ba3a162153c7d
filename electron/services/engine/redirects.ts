import { LanternError } from '../../../shared/model/result';

/** One request on its way: what the engine sends for each hop of a redirect chain. */
export interface Hop<Body> {
  method: string;
  url: URL;
  headers: [string, string][];
  body: Body | undefined;
}

export type RedirectDecision<Body> =
  { follow: false; note?: string } | { follow: true; next: Hop<Body>; notes: string[] };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export const isRedirect = (status: number): boolean => REDIRECTS.has(status);

/** Headers that carry credentials: never handed to another origin. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

/**
 * The next hop of a redirect per RFC 9110 §15.4: 301/302 turn a POST into a GET (as browsers and
 * curl do), 303 turns anything but HEAD into a GET, 307/308 keep the method and body. Credentials
 * are dropped when the redirect leaves the origin, as browsers do.
 */
export function planRedirect<Body>(
  hop: Hop<Body>,
  status: number,
  location: string | undefined,
): RedirectDecision<Body> {
  if (!isRedirect(status) || location === undefined || location.trim() === '') return { follow: false };
  let url: URL;
  try {
    url = new URL(location.trim(), hop.url);
  } catch {
    throw new LanternError(
      'redirect.invalid-location',
      `The server answered ${status} with a Location header Lantern cannot read ("${location}"), so the redirect could not be followed. The server's redirect is broken; ask its owner, or send the request to the intended URL directly.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      follow: false,
      note: `The ${status} redirect points to ${url.protocol}// (${url.href}), which Lantern does not follow: it sends http:// and https:// only.`,
    };
  }
  url.hash = '';
  const notes: string[] = [];
  const toGet =
    ((status === 301 || status === 302) && hop.method === 'POST') ||
    (status === 303 && hop.method !== 'GET' && hop.method !== 'HEAD');
  const method = toGet ? 'GET' : hop.method;
  let headers = hop.headers;
  let body = hop.body;
  if (toGet) {
    headers = headers.filter(([name]) => !isContentHeader(name));
    body = undefined;
    notes.push(
      hop.body === undefined
        ? `The ${status} redirect turned your ${hop.method} into a GET.`
        : `The ${status} redirect turned your ${hop.method} into a GET: the body was not sent again.`,
    );
  }
  if (url.origin !== hop.url.origin) {
    const dropped = headers.filter(([name]) => CREDENTIAL_HEADERS.has(name.toLowerCase()));
    if (dropped.length > 0) {
      const names = [...new Set(dropped.map(([name]) => name))].join(' and ');
      notes.push(
        `The redirect went to another origin (${url.origin}), so your ${names} header${dropped.length > 1 ? 's were' : ' was'} not sent there.`,
      );
    }
    headers = headers.filter(([name]) => {
      const lower = name.toLowerCase();
      return !CREDENTIAL_HEADERS.has(lower) && lower !== 'host';
    });
  }
  if (hop.url.protocol === 'https:' && url.protocol === 'http:') {
    notes.push(`The redirect went from https to plain http (${url.host}): what followed was not encrypted.`);
  }
  return { follow: true, next: { method, url, headers, body }, notes };
}

function isContentHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('content-') || lower === 'transfer-encoding';
}

export function tooManyRedirectsError(limit: number, last: URL): LanternError {
  return new LanternError(
    'redirect.too-many',
    `The server kept redirecting: Lantern stopped after ${limit} redirect${limit === 1 ? '' : 's'} (the last one pointed to ${last.href}). This is usually a loop, such as a login page that redirects to itself; check the Location headers, or raise the redirect limit if the chain is really that long.`,
  );
}
