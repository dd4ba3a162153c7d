import { cookiePairs } from '../../../shared/curl';
import { maskSecret } from '../../../shared/model/auth';
import { LanternError } from '../../../shared/model/result';
import { sessionValues } from '../../../shared/redact/session-value';

/**
 * A pasted browser session has two secrets, the Cookie header and the CSRF token, but the store
 * keeps one secret per credential: both travel in one vault entry as JSON.
 */
export interface BrowserSessionSecret {
  cookie: string;
  /** Empty when the pasted command had no CSRF header. */
  csrfToken: string;
}

export function encodeBrowserSession(secret: BrowserSessionSecret): string {
  return JSON.stringify({ cookie: secret.cookie, csrfToken: secret.csrfToken });
}

/** Reads the vault entry; a value that is not ours (hand-typed, damaged) is reported in plain words. */
export function decodeBrowserSession(stored: string, label = 'this credential'): BrowserSessionSecret {
  try {
    const value = JSON.parse(stored) as Partial<BrowserSessionSecret> | null;
    if (typeof value?.cookie === 'string' && value.cookie.trim() !== '') {
      return { cookie: value.cookie, csrfToken: typeof value.csrfToken === 'string' ? value.csrfToken : '' };
    }
  } catch {
    // Reported below.
  }
  throw new LanternError(
    'credential.invalid',
    `The browser session of ${label} is not readable (its stored cookie is missing or damaged). Paste a fresh "Copy as cURL" from the browser into the credential.`,
  );
}

/** Checks a secret entered through the generic save call: it must be our JSON with a cookie. */
export function isBrowserSessionSecret(stored: string): boolean {
  try {
    decodeBrowserSession(stored);
    return true;
  } catch {
    return false;
  }
}

/**
 * Everything that must be masked if echoed: the whole Cookie header, the CSRF token, and each
 * cookie value that looks like a session id. A browser's `theme=dark; lang=en-US` cookies are
 * masked in the Cookie header by name, but searched for in bodies they would mask every `dark`.
 */
export function browserSessionPieces(stored: string): string[] {
  let secret: BrowserSessionSecret;
  try {
    secret = decodeBrowserSession(stored);
  } catch {
    return [stored];
  }
  const values = sessionValues(cookiePairs(secret.cookie).map(([, value]) => value));
  return [secret.cookie, ...values, secret.csrfToken].filter((piece) => piece !== '');
}

/** `2 cookies (TotaraSession ••••dq2m, MOODLEID1_ ••••), sesskey ••••Kd9x` — names shown, values masked. */
export function browserSessionPreview(stored: string): string {
  let secret: BrowserSessionSecret;
  try {
    secret = decodeBrowserSession(stored);
  } catch {
    return 'not readable';
  }
  const pairs = cookiePairs(secret.cookie);
  const shown = pairs.map(([name, value]) => `${name} ${maskSecret(value)}`).join(', ');
  const cookies = `${pairs.length} cookie${pairs.length === 1 ? '' : 's'} (${shown})`;
  return `${cookies}, ${secret.csrfToken ? `CSRF token ${maskSecret(secret.csrfToken)}` : 'no CSRF token'}`;
}

/** What an explicit Reveal shows: the two headers as the browser sent them. */
export function browserSessionRevealed(stored: string, csrfHeader: string): string {
  const secret = decodeBrowserSession(stored);
  return [
    `Cookie: ${secret.cookie}`,
    ...(secret.csrfToken ? [`${csrfHeader}: ${secret.csrfToken}`] : []),
  ].join('\n');
}
