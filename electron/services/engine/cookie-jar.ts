import { Cookie, CookieJar as ToughJar, MemoryCookieStore, pathMatch as toughPathMatch } from 'tough-cookie';

/** What `onChange` reports: cookies came, changed or went, or the user cleared the jar (or a host in it). */
export type JarChange = 'changed' | 'cleared';

/** One stored cookie, as the Cookies view lists it. */
export interface StoredCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  /** Set without a Domain attribute: sent to exactly that host, not its subdomains. */
  hostOnly: boolean;
  secure: boolean;
  httpOnly: boolean;
  /** Epoch milliseconds; absent for a session cookie (kept until the jar is cleared). */
  expiresAt?: number;
  createdAt: number;
}

const MAX_COOKIE_BYTES = 4_096;
const MAX_COOKIES = 3_000;

/**
 * A cookie jar per workspace: tough-cookie's RFC 6265 jar (Domain/Path matching, host-only
 * cookies, Secure, Expires and Max-Age, the public-suffix list, so neither `Domain=com` nor
 * `Domain=co.uk` is accepted) behind the interface the engine, persistence and the Cookies view
 * use. SameSite is not enforced: there is no "site" for a request typed by hand. Loopback counts
 * as secure, as in browsers.
 */
export class CookieJar {
  private readonly store = new MemoryCookieStore();
  private readonly jar = new ToughJar(this.store, {
    rejectPublicSuffixes: true,
    allowSecureOnLocal: true,
    looseMode: false,
  });
  private readonly now: () => number;
  private readonly onChange: (how: JarChange) => void;

  /**
   * `onChange` runs after the jar gained, replaced or lost cookies (persistence listens), and
   * after every Clear, even of an empty jar: a damaged kept copy must be rewritten too.
   */
  constructor({
    now = Date.now,
    onChange = () => undefined,
  }: { now?: () => number; onChange?: (how: JarChange) => void } = {}) {
    this.now = now;
    this.onChange = onChange;
  }

  /** Puts back cookies kept from an earlier run; expired ones are dropped. */
  restore(cookies: readonly StoredCookie[]): void {
    const now = this.now();
    for (const stored of cookies) {
      if (stored.expiresAt !== undefined && stored.expiresAt <= now) continue;
      const cookie = new Cookie({
        key: stored.name,
        value: stored.value,
        domain: stored.domain,
        path: stored.path,
        hostOnly: stored.hostOnly,
        secure: stored.secure,
        httpOnly: stored.httpOnly,
        expires: stored.expiresAt === undefined ? 'Infinity' : new Date(stored.expiresAt),
        creation: new Date(stored.createdAt),
      });
      sync((done) => void this.store.putCookie(cookie, done));
    }
  }

  /** Stores the cookies of a response to `url`; malformed or foreign-domain ones are ignored. */
  setFromResponse(url: URL, setCookieHeaders: readonly string[]): void {
    if (setCookieHeaders.length === 0) return;
    let changed = false;
    for (const header of setCookieHeaders) {
      if (header.length > MAX_COOKIE_BYTES) continue;
      const before = this.all().length;
      const set = this.jar.setCookieSync(header, url.href, { now: new Date(this.now()), ignoreError: true });
      if (!set) continue;
      changed = true;
      // RFC 6265 §5.2.2: Max-Age counts from when the cookie was received. tough-cookie counts it
      // from the last access instead, so it is turned into the moment it ends, here.
      if (typeof set.maxAge === 'number') {
        const fixed = set.clone();
        if (fixed) {
          fixed.expires = new Date(set.maxAge <= 0 ? 0 : this.now() + set.maxAge * 1000);
          fixed.maxAge = null;
          sync((done) => void this.store.updateCookie(set, fixed, done));
        }
      }
      // A cookie the server expires is gone at once (tough-cookie keeps it until the next read).
      this.dropExpired();
      if (this.all().length > MAX_COOKIES && this.all().length > before) this.evictOldest();
    }
    if (changed) this.onChange('changed');
  }

  /** The Cookie header value for a request to `url`, or undefined when no cookie applies. */
  cookieHeaderFor(url: URL): string | undefined {
    // Expiry on Lantern's clock (the one tests move), not tough-cookie's own reading of Date.now().
    // An empty jar (most APIs set no cookie) skips tough-cookie's lookup: ~3% of a small send.
    if (this.dropExpired() === 0) return undefined;
    const header = this.jar.getCookieStringSync(url.href, { expire: false, sort: true });
    return header === '' ? undefined : header;
  }

  list(): StoredCookie[] {
    const now = this.now();
    return this.all()
      .map(storedOf)
      .filter((c) => c.expiresAt === undefined || c.expiresAt > now)
      .sort((a, b) => a.domain.localeCompare(b.domain) || a.name.localeCompare(b.name));
  }

  /** Removes every cookie, or those of `domain` and its subdomains; reported even when none were held. */
  clear(domain?: string): void {
    if (domain === undefined) this.jar.removeAllCookiesSync();
    else {
      const wanted = domain.toLowerCase().replace(/^\./, '');
      for (const cookie of this.all())
        if (cookie.domain && domainMatches(cookie.domain, wanted)) this.remove(cookie);
    }
    this.onChange('cleared');
  }

  delete(name: string, domain: string, path: string): boolean {
    const wanted = domain.toLowerCase().replace(/^\./, '');
    const cookie = this.all().find((c) => c.key === name && c.domain === wanted && c.path === path);
    if (!cookie) return false;
    this.remove(cookie);
    this.onChange('changed');
    return true;
  }

  private all(): Cookie[] {
    return sync<Cookie[]>((done) => void this.store.getAllCookies(done)) ?? [];
  }

  private remove(cookie: Cookie): void {
    const { domain, path, key } = cookie;
    if (domain === null || path === null) return;
    sync((done) => void this.store.removeCookie(domain, path, key, done));
  }

  /** Removes the expired cookies; returns how many are left. */
  private dropExpired(): number {
    const now = this.now();
    let left = 0;
    for (const cookie of this.all()) {
      const expiry = cookie.expiryTime();
      if (expiry !== undefined && expiry <= now) this.remove(cookie);
      else left++;
    }
    return left;
  }

  private evictOldest(): void {
    const oldest = this.all().sort((a, b) => createdAtOf(a) - createdAtOf(b))[0];
    if (oldest) this.remove(oldest);
  }
}

/**
 * tough-cookie's memory store is synchronous: its callbacks run before the call returns. This
 * reads the answer (or throws the error) of such a call.
 */
function sync<T = void>(run: (done: (error: Error | null, value?: T) => void) => void): T | undefined {
  let outcome: { error: Error | null; value?: T } | undefined;
  run((error, value) => (outcome = { error, ...(value !== undefined ? { value } : {}) }));
  if (!outcome) throw new Error('The cookie store answered asynchronously; Lantern needs its memory store.');
  if (outcome.error) throw outcome.error;
  return outcome.value;
}

function storedOf(cookie: Cookie): StoredCookie {
  const expiresAt = cookie.expiryTime();
  return {
    name: cookie.key,
    value: cookie.value,
    domain: cookie.domain ?? '',
    path: cookie.path ?? '/',
    hostOnly: cookie.hostOnly ?? true,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    ...(expiresAt !== undefined && Number.isFinite(expiresAt) ? { expiresAt } : {}),
    createdAt: createdAtOf(cookie),
  };
}

const createdAtOf = (cookie: Cookie) => (cookie.creation instanceof Date ? cookie.creation.valueOf() : 0);

export function domainMatches(host: string, domain: string): boolean {
  return host === domain || (host.endsWith(`.${domain}`) && !isIpAddress(host));
}

export function pathMatches(requestPath: string, cookiePath: string): boolean {
  return toughPathMatch(requestPath, cookiePath);
}

const isIpAddress = (host: string) => /^[\d.]+$/.test(host) || host.includes(':');
