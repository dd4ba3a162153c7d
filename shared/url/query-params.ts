/**
 * The Params table and the URL are two views of one thing. These functions move between
 * them by splitting text, not with `new URL()`, so `{{variables}}` and partly typed URLs
 * survive untouched.
 */

export interface QueryParam {
  name: string;
  value: string;
}

interface UrlParts {
  base: string;
  query: string | undefined;
  hash: string;
}

function splitUrl(url: string): UrlParts {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const hash = hashAt >= 0 ? url.slice(hashAt) : '';
  const queryAt = beforeHash.indexOf('?');
  if (queryAt < 0) return { base: beforeHash, query: undefined, hash };
  return { base: beforeHash.slice(0, queryAt), query: beforeHash.slice(queryAt + 1), hash };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text; // a stray % stays as typed
  }
}

/** Encodes like a browser's form encoding would, but leaves `{{…}}` references readable. */
function encode(text: string): string {
  return text
    .split(/(\{\{[^}]*\}\})/)
    .map((part) => (part.startsWith('{{') && part.endsWith('}}') ? part : encodeURIComponent(part)))
    .join('');
}

export function parseQueryParams(url: string): QueryParam[] {
  const { query } = splitUrl(url);
  if (query === undefined || query === '') return [];
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0
        ? { name: decode(pair), value: '' }
        : { name: decode(pair.slice(0, eq)), value: decode(pair.slice(eq + 1)) };
    });
}

/** Rewrites the query of `url` from the table's rows; rows with an empty name and value are left out. */
export function withQueryParams(url: string, params: readonly QueryParam[]): string {
  const { base, hash } = splitUrl(url);
  const kept = params.filter((p) => p.name !== '' || p.value !== '');
  if (kept.length === 0) return base + hash;
  const query = kept
    .map((p) => (p.value === '' ? encode(p.name) : `${encode(p.name)}=${encode(p.value)}`))
    .join('&');
  return `${base}?${query}${hash}`;
}
