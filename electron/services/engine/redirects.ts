import { LanternError } from '../../../shared/model/result';
import { isSecretHeaderName } from '../../../shared/redact/secret-names';

/** One request on its way: what the engine sends for each hop of a redirect chain. */
export interface Hop<Body> {
  method: string;
  url: URL;
  headers: [string, string][];
  body: Body | undefined;
  /** Headers the request's auth added (an API-key or CSRF header, whatever its name): kept for every hop. */
  authHeaderNames?: string[];
}

export type RedirectDecision<Body> =
  { follow: false; note?: string } | { follow: true; next: Hop<Body>; notes: string[] };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export const isRedirect = (status: number): boolean => REDIRECTS.has(status);

/** Headers that carry credentials: never handed to another origin. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

/**
 * A header another origin must not receive: the standard credential headers, any header whose name
 * says it holds a secret (X-Totara-Sesskey, X-Api-Key, X-Auth-Token…), and whatever auth added.
 */
function isCredentialHeader(name: string, authHeaderNames: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return (
    CREDENTIAL_HEADERS.has(lower) ||
    isSecretHeaderName(name) ||
    authHeaderNames.some((added) => added.toLowerCase() === lower)
  );
}

/** "A", "A and B", "A, B and C" */
function list(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

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
    const authHeaderNames = hop.authHeaderNames ?? [];
    const dropped = [
      ...new Set(headers.filter(([name]) => isCredentialHeader(name, authHeaderNames)).map(([name]) => name)),
    ];
    if (dropped.length > 0) {
      notes.push(
        `The redirect went to another origin (${url.origin}), so your ${list(dropped)} header${dropped.length > 1 ? 's were' : ' was'} not sent there.`,
      );
    }
    headers = headers.filter(
      ([name]) => !isCredentialHeader(name, authHeaderNames) && name.toLowerCase() !== 'host',
    );
  }
  if (hop.url.protocol === 'https:' && url.protocol === 'http:') {
    notes.push(`The redirect went from https to plain http (${url.host}): what followed was not encrypted.`);
  }
  const next: Hop<Body> = { method, url, headers, body };
  if (hop.authHeaderNames) next.authHeaderNames = hop.authHeaderNames;
  return { follow: true, next, notes };
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
