import { parseCurl } from './parse-curl';

/** The CSRF header Totara's AJAX API checks; a credential may name another. */
export const DEFAULT_CSRF_HEADER = 'X-Totara-Sesskey';

/** Header names that carry a per-session CSRF token: X-Totara-Sesskey, X-CSRF-Token, X-XSRF-Token… */
export function isCsrfHeaderName(name: string): boolean {
  return /sesskey|csrf|xsrf/i.test(name.trim());
}

export const isCookieHeaderName = (name: string): boolean => name.trim().toLowerCase() === 'cookie';

/** `a=1; b=2` → `[['a','1'], ['b','2']]`; pairs without a name are dropped. */
export function cookiePairs(header: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    const name = (eq < 0 ? '' : part.slice(0, eq)).trim();
    if (name !== '') pairs.push([name, part.slice(eq + 1).trim()]);
  }
  return pairs;
}

/**
 * Merges cookie headers: later ones win for a name they share with earlier ones, the others
 * are kept in order. `undefined` when there is no cookie at all.
 */
export function mergeCookieHeaders(...headers: (string | undefined)[]): string | undefined {
  const byName = new Map<string, string>();
  for (const header of headers)
    for (const [name, value] of cookiePairs(header ?? '')) byName.set(name, value);
  if (byName.size === 0) return undefined;
  return [...byName].map(([name, value]) => `${name}=${value}`).join('; ');
}

/**
 * Moodle and Totara's AJAX service takes its CSRF token in the query
 * (`lib/ajax/service.php?sesskey=…&info=…`). A request keeps the parameter with an empty value;
 * a browser-session credential fills it when the request is sent.
 */
export const SESSKEY_PARAM = 'sesskey';
const SESSKEY_QUERY = /([?&])(sesskey)=([^&#]*)/i;

/** The literal sesskey in a URL's query, decoded; undefined when absent, empty or a `{{variable}}`. */
export function sesskeyInQuery(url: string): string | undefined {
  const raw = SESSKEY_QUERY.exec(url.split('#')[0] ?? '')?.[3] ?? '';
  if (raw.trim() === '' || /^\{\{[^{}]+\}\}$/.test(raw.trim())) return undefined;
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** The URL with its literal sesskey emptied (`sesskey=`), everything else kept as typed. */
export function withoutSesskeyValue(url: string): string {
  if (sesskeyInQuery(url) === undefined) return url;
  const hashAt = url.indexOf('#');
  const [base, hash] = hashAt < 0 ? [url, ''] : [url.slice(0, hashAt), url.slice(hashAt)];
  return base.replace(SESSKEY_QUERY, '$1$2=') + hash;
}

/** The value of a URL's first `sesskey` parameter as typed; undefined when there is none. */
const rawSesskey = (url: string): string | undefined => SESSKEY_QUERY.exec(url.split('#')[0] ?? '')?.[3];

/** Replaces the first sesskey parameter's value, leaving the fragment and everything else as typed. */
function replaceSesskey(url: string, value: string): string {
  const hashAt = url.indexOf('#');
  const [base, hash] = hashAt < 0 ? [url, ''] : [url.slice(0, hashAt), url.slice(hashAt)];
  return base.replace(SESSKEY_QUERY, (_m, sep: string, name: string) => `${sep}${name}=${value}`) + hash;
}

/**
 * The URL with an empty `sesskey=` filled with `value` as typed (an export's `{{sesskey}}`, which
 * Postman fills from a variable). A URL whose sesskey already has a value, or has none, is kept.
 */
export function withSesskeyFilled(url: string, value: string): string {
  return rawSesskey(url) === '' ? replaceSesskey(url, value) : url;
}

/** The URL with a `sesskey={{variable}}` emptied: how an export's placeholder reads back. */
export function withoutSesskeyPlaceholder(url: string): string {
  const raw = rawSesskey(url);
  return raw !== undefined && /^\{\{[^{}]+\}\}$/.test(raw.trim()) ? replaceSesskey(url, '') : url;
}

/** What a pasted browser request says about its session. */
export interface BrowserSession {
  /** The origin the command was copied from, e.g. `https://learn.example.com`. */
  siteUrl: string;
  /** The whole Cookie header, `-b` values included. */
  cookie: string;
  csrfHeader: string;
  /** Empty when the command sent no CSRF header. */
  csrfToken: string;
  /** Plain words for the user, e.g. that no sesskey header was found. */
  notes: string[];
}

export type BrowserSessionResult = ({ ok: true } & BrowserSession) | { ok: false; error: string };

const HOW =
  'In the browser, open the developer tools\u2019 Network tab, right-click a request the logged-in page made (for Totara: ajax.php or service.php), choose Copy \u203a Copy as cURL, and paste it here.';

/**
 * Reads the session of a browser request copied as cURL (bash or cmd): the cookies from `-b`
 * and `-H 'cookie: …'`, and the CSRF header (`csrfHeader`, else any sesskey/CSRF header).
 */
export function browserSessionFromCurl(text: string, csrfHeader = DEFAULT_CSRF_HEADER): BrowserSessionResult {
  if (text.trim() === '') return { ok: false, error: `Nothing was pasted. ${HOW}` };
  const parsed = parseCurl(text);
  if (!parsed.ok)
    return { ok: false, error: `Lantern could not read this as a cURL command: ${parsed.error} ${HOW}` };
  const { request } = parsed;
  const origin = URL.parse(request.url)?.origin;
  if (!origin || origin === 'null')
    return { ok: false, error: `The command's address "${request.url}" is not a web address. ${HOW}` };
  const cookie = mergeCookieHeaders(
    ...request.headers.filter((h) => isCookieHeaderName(h.name)).map((h) => h.value),
  );
  if (!cookie) {
    return {
      ok: false,
      error:
        'The command carries no cookie (no -b and no Cookie header), so it holds no session to keep. Copy a' +
        ' request that the page made while you were logged in, not one typed by hand or made before logging in.' +
        ` ${HOW}`,
    };
  }
  const wanted = csrfHeader.trim() || DEFAULT_CSRF_HEADER;
  const csrf =
    request.headers.find((h) => h.name.trim().toLowerCase() === wanted.toLowerCase()) ??
    request.headers.find((h) => isCsrfHeaderName(h.name));
  const notes: string[] = [];
  const names = cookiePairs(cookie).map(([name]) => name);
  notes.push(
    `Kept ${names.length} cookie${names.length > 1 ? 's' : ''} (${names.join(', ')}) for ${origin}.`,
  );
  const inQuery = sesskeyInQuery(request.url);
  if ((!csrf || csrf.value.trim() === '') && inQuery !== undefined) {
    notes.push(
      `The sesskey was in the address (?sesskey=…): it is kept with the session, sent as the ${wanted} header,` +
        ' and filled into an empty sesskey parameter of the address when the request is sent.',
    );
    return { ok: true, siteUrl: origin, cookie, csrfHeader: wanted, csrfToken: inQuery, notes };
  }
  if (!csrf || csrf.value.trim() === '') {
    notes.push(
      `The command has no ${wanted} header, so only the cookie will be sent. That is enough for APIs that need` +
        ` only the cookie; Totara's AJAX API answers "Invalid sesskey" without it: copy a request that carries it.`,
    );
  } else if (csrf.name.trim().toLowerCase() !== wanted.toLowerCase()) {
    notes.push(`The CSRF token was found in the ${csrf.name} header, so that header will be sent.`);
  }
  return {
    ok: true,
    siteUrl: origin,
    cookie,
    csrfHeader: csrf && csrf.value.trim() !== '' ? canonicalHeaderName(csrf.name.trim()) : wanted,
    csrfToken: csrf?.value.trim() ?? '',
    notes,
  };
}

/** `x-totara-sesskey` → `X-Totara-Sesskey`: how the header is shown and sent. */
export function canonicalHeaderName(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_m, dash: string, letter: string) => dash + letter.toUpperCase());
}
