import type { CurlHeader } from './curl-request';

/** One `-H` argument: `Name: value`, or Chrome's `Name;` for a header sent with no value. */
export function readHeader(argument: string, shown: string): { header?: CurlHeader; warning?: string } {
  if (argument.startsWith('@')) {
    return {
      warning: `${shown} ${argument} reads headers from a file, which Lantern cannot see: add those headers by hand.`,
    };
  }
  if (argument.startsWith(':')) {
    return {
      warning: `${shown} '${argument}' is an HTTP/2 pseudo-header; it comes from the URL, so it was left out.`,
    };
  }
  const colon = argument.indexOf(':');
  if (colon > 0) {
    const name = argument.slice(0, colon).trim();
    const value = argument.slice(colon + 1).trim();
    if (value !== '') return { header: { name, value } };
    return {
      warning:
        `${shown} '${argument}' tells curl to leave out a header it would add itself; Lantern has nothing to` +
        ` leave out, so it was ignored. To send "${name}" with no value, write '${name};'.`,
    };
  }
  if (argument.endsWith(';') && argument.length > 1) {
    return { header: { name: argument.slice(0, -1).trim(), value: '' } };
  }
  return {
    warning: `${shown} '${argument}' is not a header (a header is Name: value), so it was left out.`,
  };
}

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/**
 * The URL as it will be sent: curl's glob escapes (`\[`, written by Chrome) removed, `-G` data
 * added to the query, `http://` assumed when there is no scheme (as curl does).
 */
export function finishUrl(
  written: string,
  options: { globoff: boolean; query: string | undefined },
): { ok: true; url: string; warnings: string[] } | { ok: false; error: string } {
  const warnings: string[] = [];
  let url = written.trim();
  if (!options.globoff) {
    const path = url.replace(/^[^/]*\/\/[^/]*/, '');
    if (/(^|[^\\])[[{]/.test(path)) {
      warnings.push(
        'The URL has [ ] or { } that curl would expand into several requests (URL globbing); Lantern sends one' +
          ' request to the URL as written.',
      );
    }
    url = url.replace(/\\([[\]{}])/g, '$1');
  }
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    url = `http://${url}`;
    warnings.push(`The URL has no scheme, so http:// was assumed, as curl does: ${url}`);
  } else if (scheme !== 'http' && scheme !== 'https') {
    return {
      ok: false,
      error: `The URL uses ${scheme}://, but Lantern sends HTTP requests only. Use an http:// or https:// address.`,
    };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return {
      ok: false,
      error: `"${written}" is not a valid URL, so the request cannot be sent. Check the address in the command.`,
    };
  }
  if (options.query !== undefined) {
    const hash = url.indexOf('#');
    const [base, fragment] = hash < 0 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
    url =
      base +
      (parsed.search === '' && !base.endsWith('?') ? '?' : base.endsWith('?') ? '' : '&') +
      options.query;
    url += fragment;
  }
  return { ok: true, url, warnings };
}
