import type { CookieJar } from './cookie-jar';

/** The user's Cookie header, plus the jar's cookies the user did not set by name. */
export function withJarCookies(headers: [string, string][], jar: CookieJar, url: URL): [string, string][] {
  const fromJar = jar.cookieHeaderFor(url);
  if (!fromJar) return headers;
  const index = headers.findIndex(([name]) => name.toLowerCase() === 'cookie');
  const own = headers[index];
  if (!own) return [...headers, ['Cookie', fromJar]];
  const ownNames = new Set(own[1].split(';').map((pair) => pair.split('=')[0]?.trim()));
  const extra = fromJar.split('; ').filter((pair) => !ownNames.has(pair.split('=')[0]));
  if (extra.length === 0) return headers;
  const merged = [...headers];
  merged[index] = [own[0], [own[1], ...extra].join('; ')];
  return merged;
}

export function flatten(headers: [string, string][]): string[] {
  const flat: string[] = [];
  for (const [name, value] of headers) flat.push(name, value);
  return flat;
}

export function headerPairs(headers: Record<string, string | string[] | undefined>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const name in headers) {
    const value = headers[name];
    if (Array.isArray(value)) for (const v of value) pairs.push([name, v]);
    else if (value !== undefined) pairs.push([name, value]);
  }
  return pairs;
}

export function headerValue(headers: [string, string][], name: string): string | undefined {
  return headers.find(([n]) => n === name)?.[1];
}

export function headerValues(headers: [string, string][], name: string): string[] {
  return headers.filter(([n]) => n === name).map(([, value]) => value);
}
