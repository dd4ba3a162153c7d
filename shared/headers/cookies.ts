import { maskSecret } from '../model/auth';
import { parseHttpDate } from '../ratelimit';
import type { HeaderContext, HeaderExplanation } from './types';
import { formatSeconds, formatUtc, relativeTime } from './words';

export type SetCookie = { name: string; value: string; attributes: Map<string, string | true> };

/** Parses one Set-Cookie line (RFC 6265 §5.2); attribute names are lower-cased. */
export function parseSetCookie(line: string): SetCookie {
  const [pair = '', ...rest] = line.split(';');
  const equals = pair.indexOf('=');
  const name = equals < 0 ? '' : pair.slice(0, equals).trim();
  const value = equals < 0 ? pair.trim() : pair.slice(equals + 1).trim();
  const attributes = new Map<string, string | true>();
  for (const part of rest) {
    const at = part.indexOf('=');
    const key = (at < 0 ? part : part.slice(0, at)).trim().toLowerCase();
    if (key) attributes.set(key, at < 0 ? true : part.slice(at + 1).trim());
  }
  return { name, value, attributes };
}

// Session cookies of the sites Lantern's users integrate with (API-BEHAVIOUR.md §2).
const KNOWN_COOKIES: [RegExp, string][] = [
  [/^MoodleSession/, "Moodle's login session."],
  [/^TotaraSession/, "Totara's login session; the AJAX GraphQL API needs it together with X-Totara-Sesskey."],
  [/^(PHPSESSID|JSESSIONID|ASP\.NET_SessionId|connect\.sid|laravel_session)$/i, 'A server-side session id.'],
  [/^XSRF-TOKEN$/, 'A CSRF token (Laravel, Angular): send it back in the X-XSRF-TOKEN header.'],
  [/^(AWSALB|AWSALBCORS|__cf_bm|_cfuvid)/, 'Set by a load balancer or CDN, not by the API itself.'],
];

export function explainSetCookie(name: string, value: string, context: HeaderContext): HeaderExplanation {
  const cookie = parseSetCookie(value);
  const { attributes } = cookie;
  const nowMs = context.nowMs ?? Date.now();
  const details: string[] = [];
  const warnings: string[] = [];
  const masked = cookie.value === '' ? 'an empty value' : `value ${maskSecret(cookie.value)}`;

  const maxAge = attributes.get('max-age');
  const expires = attributes.get('expires');
  const expiresAt = typeof expires === 'string' ? parseHttpDate(expires, nowMs) : undefined;
  let lifetime: string;
  let deletes = false;
  if (typeof maxAge === 'string' && /^-?\d+$/.test(maxAge)) {
    deletes = Number(maxAge) <= 0;
    lifetime = deletes ? 'Max-Age≤0 deletes it now' : `kept for ${formatSeconds(Number(maxAge))} (Max-Age)`;
    if (expires) details.push('Max-Age wins over Expires when both are present.');
  } else if (expiresAt !== undefined) {
    deletes = expiresAt <= nowMs;
    lifetime = deletes
      ? `Expires ${formatUtc(expiresAt)} is in the past, which deletes it`
      : `kept until ${formatUtc(expiresAt)} (${relativeTime(expiresAt, nowMs)})`;
  } else {
    lifetime = 'a session cookie: no Expires or Max-Age, so it lasts until the client session ends';
    if (typeof expires === 'string') warnings.push(`Expires "${expires}" is not a date; it is ignored.`);
  }

  const summary = deletes
    ? `Deletes the cookie ${cookie.name}: ${lifetime}.`
    : `Sets the cookie ${cookie.name} (${masked}); ${lifetime}.`;

  const path = attributes.get('path');
  details.push(
    typeof path === 'string'
      ? `Path=${path}: sent with requests to ${path === '/' ? 'every path on the site' : `${path} and below`}.`
      : 'No Path: sent to the directory of the URL that set it and below.',
  );
  const domain = attributes.get('domain');
  details.push(
    typeof domain === 'string'
      ? `Domain=${domain}: sent to ${domain.replace(/^\./, '')} and all its subdomains.`
      : 'No Domain: sent only to the exact host that set it.',
  );
  if (attributes.has('secure')) details.push('Secure: sent only over HTTPS.');
  if (attributes.has('httponly'))
    details.push("HttpOnly: hidden from a page's JavaScript; HTTP clients still send it.");
  const sameSite = attributes.get('samesite');
  if (typeof sameSite === 'string') {
    const mode = sameSite.toLowerCase();
    details.push(
      mode === 'none'
        ? 'SameSite=None: browsers send it on cross-site requests too.'
        : mode === 'strict'
          ? 'SameSite=Strict: browsers send it only when the request comes from the same site.'
          : `SameSite=${sameSite}: browsers hold it back on cross-site requests except top-level navigation.`,
    );
    if (mode === 'none' && !attributes.has('secure')) {
      warnings.push('SameSite=None without Secure: browsers reject this cookie outright.');
    }
  }
  if (attributes.has('partitioned'))
    details.push('Partitioned: browsers keep a separate copy per top-level site (CHIPS).');
  if (
    cookie.name.startsWith('__Host-') &&
    (!attributes.has('secure') || path !== '/' || domain !== undefined)
  ) {
    warnings.push('A __Host- cookie must be Secure, have Path=/ and no Domain; browsers reject this one.');
  }
  if (cookie.name.startsWith('__Secure-') && !attributes.has('secure')) {
    warnings.push('A __Secure- cookie must be Secure; browsers reject this one.');
  }
  const known = KNOWN_COOKIES.find(([pattern]) => pattern.test(cookie.name))?.[1];
  if (known) details.unshift(known);
  return {
    name,
    title: 'Cookie',
    summary,
    details: [...warnings, ...details],
    severity: warnings.length > 0 ? 'warning' : undefined,
    category: 'cookies',
  };
}
