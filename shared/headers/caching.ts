import { parseHttpDate } from '../ratelimit';
import { maskValue } from '../redact/mask-headers';
import type { HeaderContext, HeaderExplanation } from './types';
import { findHeader, formatSeconds, formatUtc, listInWords, relativeTime, splitList, unquote } from './words';

const now = (context: HeaderContext) => context.nowMs ?? Date.now();

type Directive = { key: string; argument?: string };

function parseDirectives(value: string): Directive[] {
  return splitList(value).map((item) => {
    const equals = item.indexOf('=');
    if (equals < 0) return { key: item.trim().toLowerCase() };
    return { key: item.slice(0, equals).trim().toLowerCase(), argument: unquote(item.slice(equals + 1)) };
  });
}

function seconds(argument: string | undefined): string {
  return argument !== undefined && /^\d+$/.test(argument) ? formatSeconds(Number(argument)) : `"${argument}"`;
}

/** One line per Cache-Control directive (RFC 9111 §5.2.2, RFC 8246, RFC 5861). */
function describeDirective({ key, argument }: Directive): string {
  switch (key) {
    case 'no-store':
      return 'no-store: no cache (browser, proxy or CDN) may keep any copy of this response.';
    case 'no-cache':
      return argument
        ? `no-cache="${argument}": those fields must not be reused without checking with the server.`
        : 'no-cache: a copy may be kept, but must be checked with the server (revalidated) before every reuse.';
    case 'max-age':
      return argument === '0'
        ? 'max-age=0: stale at once; every reuse needs revalidation.'
        : `max-age=${argument}: fresh for ${seconds(argument)} after it was generated.`;
    case 's-maxage':
      return `s-maxage=${argument}: shared caches (proxies, CDNs) treat it as fresh for ${seconds(argument)}, overriding max-age.`;
    case 'private':
      return 'private: only the client itself may cache it, not a shared proxy or CDN (it is specific to this user).';
    case 'public':
      return 'public: any cache may store it, even a shared one, and even if the request carried Authorization.';
    case 'must-revalidate':
      return 'must-revalidate: once stale, it must not be used without a successful check with the server.';
    case 'proxy-revalidate':
      return 'proxy-revalidate: like must-revalidate, for shared caches only.';
    case 'no-transform':
      return 'no-transform: intermediaries must not alter the body (e.g. recompress images).';
    case 'immutable':
      return 'immutable: the content never changes while fresh, so there is no need to revalidate (RFC 8246).';
    case 'stale-while-revalidate':
      return `stale-while-revalidate=${argument}: for ${seconds(argument)} after going stale, a cache may serve it while refreshing in the background.`;
    case 'stale-if-error':
      return `stale-if-error=${argument}: for ${seconds(argument)} after going stale, a cache may serve it if the server errors.`;
    case 'must-understand':
      return 'must-understand: only caches that understand this status code may store it.';
    case 'max-stale':
    case 'min-fresh':
    case 'only-if-cached':
      return `${key}: a request directive; it means nothing in a response.`;
    default:
      return `${key}${argument === undefined ? '' : `=${argument}`}: not a standard directive; caches ignore it.`;
  }
}

export function explainCacheControl(name: string, value: string): HeaderExplanation {
  const directives = parseDirectives(value);
  const keys = new Set(directives.map((directive) => directive.key));
  const maxAge = directives.find((directive) => directive.key === 'max-age')?.argument;
  let summary: string;
  if (keys.has('no-store')) {
    const redundant = ['no-cache', 'must-revalidate', 'max-age', 'private'].filter((key) => keys.has(key));
    summary = 'Never cached: no-store forbids keeping any copy of this response.';
    if (redundant.length > 0) summary += ` ${listInWords(redundant)} add nothing once no-store is set.`;
  } else if (keys.has('no-cache') || maxAge === '0') {
    summary = 'May be stored, but must be checked with the server before every reuse.';
  } else if (maxAge !== undefined) {
    summary = `Reusable without asking the server for ${seconds(maxAge)}${keys.has('private') ? ', by this client only' : ''}.`;
  } else if (keys.has('private')) {
    summary = 'Only this client may cache it; shared caches must not.';
  } else {
    summary = `Caching rules: ${listInWords([...keys])}.`;
  }
  return {
    name,
    title: 'Cache policy',
    summary,
    details: directives.map(describeDirective),
    category: 'caching',
  };
}

export function explainExpires(name: string, value: string, context: HeaderContext): HeaderExplanation {
  const nowMs = now(context);
  const at = parseHttpDate(value.trim(), nowMs);
  const details: string[] = [];
  let summary: string;
  if (at === undefined) {
    summary = `"${value}" is not a date, which RFC 9111 §5.3 says means already expired.`;
  } else if (at <= nowMs) {
    summary = `Already expired: ${formatUtc(at)} is in the past, so the response is stale as soon as it arrives.`;
    if (at < 0) {
      details.push(
        'A date before 1970 is a deliberate "never cache" marker; PHP, Moodle and Totara send 1969 dates for this.',
      );
    }
  } else {
    summary = `Fresh until ${formatUtc(at)} (${relativeTime(at, nowMs)}).`;
  }
  const cacheControl = findHeader(context.responseHeaders, 'cache-control');
  if (cacheControl && /max-age/i.test(cacheControl)) {
    details.push('Cache-Control max-age is also present and overrides Expires.');
  }
  details.push('Expires is the HTTP/1.0 way; Cache-Control does the same job in HTTP/1.1 and later.');
  return { name, title: 'Expiry date', summary, details, category: 'caching' };
}

export function explainPragma(name: string, value: string, context: HeaderContext): HeaderExplanation {
  const noCache = /no-cache/i.test(value);
  const details = ['Pragma is HTTP/1.0 and deprecated (RFC 9111 §5.4); modern caches go by Cache-Control.'];
  if (findHeader(context.responseHeaders, 'cache-control')) {
    details.push('Cache-Control is also present, so Pragma changes nothing here.');
  }
  return {
    name,
    title: 'Legacy cache hint',
    summary: noCache
      ? 'Pragma: no-cache asks old HTTP/1.0 caches not to reuse this response without checking.'
      : `Pragma ${value} is a legacy hint with no standard meaning in a response.`,
    details,
    category: 'caching',
  };
}

export function explainEtag(name: string, value: string): HeaderExplanation {
  const weak = /^W\//.test(value.trim());
  return {
    name,
    title: 'Version tag',
    summary: `This version of the resource is tagged ${value.trim()}${weak ? ' (a weak tag: equivalent content, not byte-for-byte identical)' : ''}.`,
    details: [
      'Send it back as If-None-Match to get 304 Not Modified (no body) if nothing changed.',
      'Send it as If-Match on PUT/PATCH/DELETE to fail with 412 if someone else changed it meanwhile.',
    ],
    category: 'caching',
  };
}

export function explainLastModified(name: string, value: string, context: HeaderContext): HeaderExplanation {
  const nowMs = now(context);
  const at = parseHttpDate(value.trim(), nowMs);
  return {
    name,
    title: 'Last changed',
    summary:
      at === undefined
        ? `"${value}" is not a valid HTTP date, so it cannot be used for conditional requests.`
        : `The server says the resource last changed at ${formatUtc(at)} (${relativeTime(at, nowMs)}).`,
    details: ['Send it back as If-Modified-Since to get 304 Not Modified if it has not changed since.'],
    severity: at === undefined ? 'warning' : undefined,
    category: 'caching',
  };
}

export function explainAge(name: string, value: string, context: HeaderContext): HeaderExplanation {
  const age = Number(value.trim());
  if (!/^\d+$/.test(value.trim())) {
    return {
      name,
      title: 'Cache age',
      summary: `"${value}" is not a number of seconds.`,
      category: 'caching',
    };
  }
  const details: string[] = [];
  const maxAge = /max-age=(\d+)/i.exec(findHeader(context.responseHeaders, 'cache-control') ?? '')?.[1];
  if (maxAge !== undefined) {
    const left = Number(maxAge) - age;
    details.push(
      left > 0
        ? `With max-age=${maxAge} it stays fresh for another ${formatSeconds(left)}.`
        : `With max-age=${maxAge} it is already stale.`,
    );
  }
  return {
    name,
    title: 'Cache age',
    summary:
      age === 0
        ? 'Passed through a cache just now (0 s old); the server generated it for this request or moments before.'
        : `Served from a cache (proxy or CDN): this copy is ${formatSeconds(age)} old, not fresh from the server.`,
    details,
    category: 'caching',
  };
}

export function explainVary(name: string, value: string, context: HeaderContext): HeaderExplanation {
  const fields = splitList(value);
  if (fields.includes('*')) {
    return {
      name,
      title: 'Cache key',
      summary: 'Vary: * means the response depends on things outside the request; caches cannot reuse it.',
      category: 'caching',
    };
  }
  const details = fields.map((field) => {
    const sent = findHeader(context.requestHeaders, field);
    return sent === undefined
      ? `${field}: not sent in this request.`
      : `${field}: this request sent "${maskValue(field, sent, [])}".`;
  });
  return {
    name,
    title: 'Cache key',
    summary: `The response may differ by the request's ${listInWords(fields)}; a cache keeps a separate copy for each value.`,
    details,
    category: 'caching',
  };
}
