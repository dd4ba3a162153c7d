/**
 * Which cookie values are worth masking wherever they appear (bodies, URLs, notes, history).
 * Every cookie value is masked in Cookie and Set-Cookie headers by its header's name; only a
 * value that looks like a session id, a token or a signature joins the list of secrets searched
 * for in free text, since masking `true`, `dark` or `en-US` there would damage every response
 * that happens to contain those words.
 */

/** Shorter values are preferences, flags, counters: never a session worth hiding in a body. */
export const MIN_SESSION_VALUE_LENGTH = 12;

/** Runs of the characters tokens are made of (hex, base64, base64url): `.`, `:`, `%` separate runs. */
const TOKEN_RUN = /[A-Za-z0-9+/=_-]+/g;

/**
 * True for a value that looks like a secret: at least 12 characters, with one run of token
 * characters at least that long mixing letters and digits (two of each at least). So
 * `4f3a9c1e8b7d6a5f`, a MoodleSession or PHPSESSID value, a JWT or an express `s%3A…` value are;
 * `true`, `dark`, `en-US`, `Europe/London`, `1700000000`, `GA1.2.1234567890.1700000000` and
 * an ISO date are not. A random id made of letters only is missed: it stays masked in headers.
 */
export function looksLikeSessionValue(value: string): boolean {
  if (value.length < MIN_SESSION_VALUE_LENGTH) return false;
  for (const run of value.match(TOKEN_RUN) ?? []) {
    if (run.length < MIN_SESSION_VALUE_LENGTH) continue;
    const letters = run.replace(/[^A-Za-z]/g, '').length;
    const digits = run.replace(/[^0-9]/g, '').length;
    if (letters >= 2 && digits >= 2) return true;
  }
  return false;
}

/** The values among `values` worth masking in free text, without repeats. */
export function sessionValues(values: Iterable<string>): string[] {
  return [...new Set([...values].filter(looksLikeSessionValue))];
}

/** The cookie value a Set-Cookie header sets (`name=value; Path=/…` → `value`), unquoted. */
export function setCookieValue(header: string): string | undefined {
  const pair = header.split(';', 1)[0] ?? '';
  const eq = pair.indexOf('=');
  if (eq < 0) return undefined;
  return pair
    .slice(eq + 1)
    .trim()
    .replace(/^"(.*)"$/, '$1');
}

/** The session-like values set by a response's Set-Cookie headers: secrets from the moment they arrive. */
export function setCookieSessionValues(headers: readonly (readonly [string, string])[]): string[] {
  const values = headers
    .filter(([name]) => name.toLowerCase() === 'set-cookie')
    .map(([, value]) => setCookieValue(value))
    .filter((value): value is string => value !== undefined);
  return sessionValues(values);
}
