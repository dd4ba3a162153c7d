import { LanternError } from '../../../shared/model/result';

export interface ResolvedProxy {
  /** The proxy URL, credentials included (they go to undici's ProxyAgent, never to the renderer). */
  url: string;
  /** Where it came from, for messages: "settings" or the variable's name. */
  source: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Which proxy a request to `target` goes through: the one from settings when given (an empty
 * string means "no proxy"), else HTTPS_PROXY / HTTP_PROXY / ALL_PROXY from the environment
 * (lower case first, as curl reads them). NO_PROXY (or `noProxy`) lists hosts that go direct.
 */
export function resolveProxy(
  target: URL,
  { setting, noProxy, env }: { setting?: string; noProxy?: string; env: Env },
): ResolvedProxy | undefined {
  const bypass = noProxy ?? read(env, 'no_proxy')?.value;
  if (bypass && bypassesProxy(target, bypass)) return undefined;
  if (setting !== undefined) {
    return setting.trim() === '' ? undefined : { url: normalize(setting, 'settings'), source: 'settings' };
  }
  const found =
    (target.protocol === 'https:' ? read(env, 'https_proxy') : read(env, 'http_proxy')) ??
    read(env, 'all_proxy');
  return found ? { url: normalize(found.value, found.name), source: found.name } : undefined;
}

const PROXY_VARIABLES = ['https_proxy', 'http_proxy', 'all_proxy', 'no_proxy'];

/** The proxy variables of an environment, copied once: process.env is slow to read per request. */
export function snapshotProxyEnv(env: Env): Record<string, string> {
  const snapshot: Record<string, string> = {};
  for (const lower of PROXY_VARIABLES) {
    for (const name of [lower, lower.toUpperCase()]) {
      const value = env[name];
      if (value !== undefined) snapshot[name] = value;
    }
  }
  return snapshot;
}

function read(env: Env, lower: string): { name: string; value: string } | undefined {
  for (const name of [lower, lower.toUpperCase()]) {
    const value = env[name]?.trim();
    if (value) return { name, value };
  }
  return undefined;
}

function normalize(raw: string, source: string): string {
  const text = raw.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalidProxy(text, source, 'is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidProxy(
      text,
      source,
      `uses ${url.protocol}//, but Lantern supports http:// and https:// proxies only`,
    );
  }
  return url.href;
}

const invalidProxy = (text: string, source: string, why: string) =>
  new LanternError(
    'proxy.invalid',
    `The proxy address "${maskProxyUrl(text)}" (from ${source === 'settings' ? 'the proxy setting' : `the ${source} environment variable`}) ${why}. Write it as http://host:port, with user:password@ before the host if the proxy needs them.`,
  );

/**
 * True when `target` should not use a proxy per a NO_PROXY list: comma or space separated hosts
 * ("example.com" also covers its subdomains), ".suffix" or "*.suffix", IPs, "[::1]", an optional
 * ":port", and "*" for everything.
 */
export function bypassesProxy(target: URL, noProxy: string): boolean {
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const { name, entryPort } = splitEntry(entry);
    if (entryPort !== undefined && entryPort !== port) continue;
    const bare = name.replace(/^\*?\./, '');
    if (host === bare || host.endsWith(`.${bare}`)) return true;
  }
  return false;
}

function splitEntry(entry: string): { name: string; entryPort?: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed?.[1]) return { name: bracketed[1], entryPort: bracketed[2] };
  const colons = entry.split(':').length - 1;
  if (colons === 1) {
    const [name = '', entryPort] = entry.split(':');
    return { name, entryPort };
  }
  // No colon: a host; several: a bare IPv6 address, which cannot carry a port.
  return { name: entry };
}

/** The proxy URL with its password replaced by dots, for the exchange and for messages. */
export function maskProxyUrl(raw: string): string {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
    const user = url.username ? `${url.username}${url.password ? ':••••' : ''}@` : '';
    return `${url.protocol}//${user}${url.host}`;
  } catch {
    return raw.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:••••@');
  }
}
