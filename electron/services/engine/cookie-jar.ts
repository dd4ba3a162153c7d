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
 * A cookie jar per workspace, following RFC 6265's storage model for a non-browser client:
 * Domain/Path matching, host-only cookies, Secure, Expires and Max-Age. SameSite is kept
 * out on purpose: there is no "site" for a request typed by hand. There is no public-suffix
 * list, so a Domain without a dot (e.g. "com") is refused rather than trusted.
 */
export class CookieJar {
  private readonly cookies = new Map<string, StoredCookie>();
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
    for (const cookie of cookies) {
      if (cookie.expiresAt !== undefined && cookie.expiresAt <= now) continue;
      this.cookies.set(keyOf(cookie.name, cookie.domain, cookie.path), { ...cookie });
    }
  }

  /** Stores the cookies of a response to `url`; malformed or foreign-domain ones are ignored. */
  setFromResponse(url: URL, setCookieHeaders: readonly string[]): void {
    if (setCookieHeaders.length === 0) return;
    const before = this.cookies.size;
    let changed = false;
    for (const header of setCookieHeaders) {
      const cookie = parseSetCookie(header, url, this.now());
      if (!cookie) continue;
      const key = keyOf(cookie.name, cookie.domain, cookie.path);
      const existing = this.cookies.get(key);
      if (cookie.expiresAt !== undefined && cookie.expiresAt <= this.now()) {
        changed = this.cookies.delete(key) || changed;
        continue;
      }
      changed = true;
      this.cookies.set(key, { ...cookie, createdAt: existing?.createdAt ?? cookie.createdAt });
      if (this.cookies.size > MAX_COOKIES) this.evictOldest();
    }
    if (changed || this.cookies.size !== before) this.onChange('changed');
  }

  /** The Cookie header value for a request to `url`, or undefined when no cookie applies. */
  cookieHeaderFor(url: URL): string | undefined {
    if (this.cookies.size === 0) return undefined;
    const host = url.hostname.toLowerCase();
    const now = this.now();
    const matching: StoredCookie[] = [];
    for (const [key, cookie] of this.cookies) {
      if (cookie.expiresAt !== undefined && cookie.expiresAt <= now) {
        this.cookies.delete(key);
        continue;
      }
      if (cookie.hostOnly ? host !== cookie.domain : !domainMatches(host, cookie.domain)) continue;
      if (!pathMatches(url.pathname || '/', cookie.path)) continue;
      if (cookie.secure && !isSecureTarget(url)) continue;
      matching.push(cookie);
    }
    if (matching.length === 0) return undefined;
    // RFC 6265 §5.4: longer paths first, then older cookies first.
    matching.sort((a, b) => b.path.length - a.path.length || a.createdAt - b.createdAt);
    return matching.map((c) => `${c.name}=${c.value}`).join('; ');
  }

  list(): StoredCookie[] {
    const now = this.now();
    return [...this.cookies.values()]
      .filter((c) => c.expiresAt === undefined || c.expiresAt > now)
      .sort((a, b) => a.domain.localeCompare(b.domain) || a.name.localeCompare(b.name));
  }

  /** Removes every cookie, or those of `domain` and its subdomains; reported even when none were held. */
  clear(domain?: string): void {
    if (domain === undefined) this.cookies.clear();
    else {
      const wanted = domain.toLowerCase().replace(/^\./, '');
      for (const [key, cookie] of this.cookies) {
        if (domainMatches(cookie.domain, wanted)) this.cookies.delete(key);
      }
    }
    this.onChange('cleared');
  }

  delete(name: string, domain: string, path: string): boolean {
    const deleted = this.cookies.delete(keyOf(name, domain.toLowerCase().replace(/^\./, ''), path));
    if (deleted) this.onChange('changed');
    return deleted;
  }

  private evictOldest(): void {
    const oldest = [...this.cookies.entries()].sort(([, a], [, b]) => a.createdAt - b.createdAt)[0];
    if (oldest) this.cookies.delete(oldest[0]);
  }
}

const keyOf = (name: string, domain: string, path: string) => `${domain}\t${path}\t${name}`;

/** RFC 6265 §5.2, the parts that matter outside a browser. */
export function parseSetCookie(header: string, url: URL, now: number): StoredCookie | undefined {
  if (header.length > MAX_COOKIE_BYTES) return undefined;
  const [pair = '', ...attributes] = header.split(';');
  const eq = pair.indexOf('=');
  if (eq < 0) return undefined;
  const name = pair.slice(0, eq).trim();
  const value = pair
    .slice(eq + 1)
    .trim()
    .replace(/^"(.*)"$/, '$1');
  if (name === '') return undefined;
  const host = url.hostname.toLowerCase();
  let domain: string | undefined;
  let path: string | undefined;
  let expiresAt: number | undefined;
  let maxAgeSeen = false;
  let secure = false;
  let httpOnly = false;
  for (const attribute of attributes) {
    const at = attribute.indexOf('=');
    const key = (at < 0 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
    const val = at < 0 ? '' : attribute.slice(at + 1).trim();
    if (key === 'domain' && val !== '') domain = val.toLowerCase().replace(/^\./, '');
    else if (key === 'path') path = val.startsWith('/') ? val : undefined;
    else if (key === 'secure') secure = true;
    else if (key === 'httponly') httpOnly = true;
    else if (key === 'max-age' && /^-?\d+$/.test(val)) {
      const seconds = Number(val);
      expiresAt = seconds <= 0 ? 0 : now + seconds * 1000;
      maxAgeSeen = true;
    } else if (key === 'expires' && !maxAgeSeen) {
      const time = Date.parse(val);
      if (!Number.isNaN(time)) expiresAt = time;
    }
  }
  if (domain !== undefined) {
    // A cookie may widen itself to a parent domain of the host, never to a sibling or a TLD.
    if (!domainMatches(host, domain) || (!domain.includes('.') && domain !== host)) return undefined;
    if (isIpAddress(host) && domain !== host) return undefined;
  }
  return {
    name,
    value,
    domain: domain ?? host,
    path: path ?? defaultPath(url.pathname),
    hostOnly: domain === undefined,
    secure,
    httpOnly,
    ...(expiresAt !== undefined ? { expiresAt } : {}),
    createdAt: now,
  };
}

export function domainMatches(host: string, domain: string): boolean {
  return host === domain || (host.endsWith(`.${domain}`) && !isIpAddress(host));
}

export function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

function defaultPath(pathname: string): string {
  if (!pathname.startsWith('/')) return '/';
  const last = pathname.lastIndexOf('/');
  return last <= 0 ? '/' : pathname.slice(0, last);
}

const isIpAddress = (host: string) => /^[\d.]+$/.test(host) || host.includes(':');

/** Secure cookies go over https, and to loopback (which browsers also treat as secure). */
const isSecureTarget = (url: URL) =>
  url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
