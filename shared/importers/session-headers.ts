import {
  canonicalHeaderName,
  isCookieHeaderName,
  isCsrfHeaderName,
  sesskeyInQuery,
  withoutSesskeyPlaceholder,
  withoutSesskeyValue,
} from '../curl/browser-session';
import type { HeaderRow } from '../model/request';
import type { AuthOutcome } from './auth-outcome';
import { capitalise, isTemplateOnly, type FoundAuth, type ImportContext } from './import-context';

export interface LiftedSession {
  headers: HeaderRow[];
  outcome: AuthOutcome;
  /** The header names taken out of the request (Cookie, X-Totara-Sesskey…); empty when none. */
  removed: string[];
  /** The request's URL, a literal `sesskey` in its query emptied (`sesskey=`). */
  url: string;
}

const originOf = (url: string): string | undefined => {
  const origin = URL.parse(url)?.origin;
  return origin && /^https?:/.test(origin) ? origin : undefined;
};

const names = (rows: readonly HeaderRow[]) => [
  ...new Set(rows.map((h) => canonicalHeaderName(h.name.trim()))),
];

/** The pseudo-name a sesskey lifted out of the address is reported under. */
export const QUERY_SESSKEY = 'sesskey in the address';

/** "the Cookie and X-Totara-Sesskey headers", "the Cookie header and the sesskey in the address" */
export function headerPhrase(removed: readonly string[]): string {
  const headers = removed.filter((name) => name !== QUERY_SESSKEY);
  const list =
    headers.length < 2 ? (headers[0] ?? '') : `${headers.slice(0, -1).join(', ')} and ${headers.at(-1)}`;
  const phrase = `the ${list} header${headers.length > 1 ? 's' : ''}`;
  if (!removed.includes(QUERY_SESSKEY)) return phrase;
  return headers.length === 0 ? `the ${QUERY_SESSKEY}` : `${phrase} and the ${QUERY_SESSKEY}`;
}

/**
 * A browser's Cookie header and sesskey (CSRF) header are a live login session: secrets that
 * must not sit in a workspace file. They leave the request and become a `browserSession`
 * credential need (secret left out) that the request's auth points at; when the request already
 * has other auth, they are only dropped. A Postman API key in the Cookie header (how Lantern
 * exports a session) is read back as the same credential, with its `{{sesskey}}` header.
 * Report lines are written unless `report` is false (HAR writes one line for all entries).
 */
export function liftSessionHeaders(
  headers: HeaderRow[],
  outcome: AuthOutcome,
  ctx: ImportContext,
  where: string,
  url: string,
  report = true,
): LiftedSession {
  const literal = (h: HeaderRow) => h.value.trim() !== '' && !isTemplateOnly(h.value);
  const cookies = headers.filter((h) => isCookieHeaderName(h.name) && literal(h));
  const csrf = headers.filter((h) => isCsrfHeaderName(h.name) && literal(h));
  const siteUrl = originOf(url);
  const querySesskey = sesskeyInQuery(url);
  if (cookies.length === 0 && csrf.length === 0 && querySesskey === undefined)
    return exportedSession(headers, outcome, siteUrl, url);
  const rest = headers.filter((h) => !cookies.includes(h) && !csrf.includes(h));
  const removed = [...names([...cookies, ...csrf]), ...(querySesskey === undefined ? [] : [QUERY_SESSKEY])];
  const lifted = { headers: rest, removed, url: withoutSesskeyValue(url) };
  if (outcome.kind === 'found') {
    if (report)
      ctx.skip(
        `${capitalise(where)} has its own auth, so ${headerPhrase(removed)} it also carried (a browser session, which is a secret) ${removed.length > 1 ? 'were' : 'was'} left out.`,
      );
    return { ...lifted, outcome };
  }
  const csrfName = csrf[0] ? canonicalHeaderName(csrf[0].name.trim()) : undefined;
  const found: FoundAuth = {
    kind: 'browserSession',
    fields: { ...(siteUrl ? { siteUrl } : {}), ...(csrfName ? { csrfHeader: csrfName } : {}) },
    secrets: [...cookies, ...csrf].map((h) => h.value).concat(querySesskey ?? []),
  };
  if (report)
    ctx.skip(
      `${capitalise(headerPhrase(removed))} of ${where} held a browser session, a secret: ${removed.length > 1 ? 'they were' : 'it was'}` +
        ' left out of the request, which now uses a browser-session credential instead. Paste a fresh "Copy as' +
        ' cURL" from the browser into that credential to fill it in.' +
        (querySesskey === undefined ? '' : ' The empty sesskey parameter is filled from it when you send.'),
    );
  return { ...lifted, outcome: { kind: 'found', found } };
}

/**
 * Postman auth `apikey` in the Cookie header, plus a `{{sesskey}}` header and/or `sesskey={{sesskey}}`
 * in the address: Lantern's own export of a session.
 */
function exportedSession(
  headers: HeaderRow[],
  outcome: AuthOutcome,
  siteUrl: string | undefined,
  url: string,
): LiftedSession {
  const apiKey = outcome.kind === 'found' ? outcome.found.apiKey : undefined;
  if (outcome.kind !== 'found' || outcome.found.kind !== 'apiKey' || apiKey?.in !== 'header')
    return { headers, outcome, removed: [], url };
  if (!isCookieHeaderName(apiKey.name)) return { headers, outcome, removed: [], url };
  const csrf = headers.find((h) => isCsrfHeaderName(h.name) && isTemplateOnly(h.value));
  const found: FoundAuth = {
    kind: 'browserSession',
    fields: {
      ...(siteUrl ? { siteUrl } : {}),
      ...(csrf ? { csrfHeader: canonicalHeaderName(csrf.name.trim()) } : {}),
    },
    secrets: [...outcome.found.secrets, csrf?.value],
  };
  return {
    headers: headers.filter((h) => h !== csrf),
    outcome: { kind: 'found', found },
    removed: [],
    // The export fills an empty `sesskey=` with `{{sesskey}}` for Postman; here the session fills it again.
    url: withoutSesskeyPlaceholder(url),
  };
}
