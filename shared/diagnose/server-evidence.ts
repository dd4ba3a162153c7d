import type { TokenInfo } from './types';

/** Why Lantern believes it is talking to a given server, in words a finding can repeat. */
export type ServerEvidence = { because: string };

/**
 * Which server software answered, by evidence only. A rule that speaks of Totara requires
 * `totara`: without it, it stays silent or speaks of GraphQL or OAuth in general.
 */
export type ServerIs = { totara?: ServerEvidence };

const TOKEN_ENDPOINT = /\/totara\/oauth2\/token\.php$/i;

/** Paths only Totara (and Moodle, whose AJAX service it keeps) serve. */
const TOTARA_PATHS: { pattern: RegExp; what: string }[] = [
  { pattern: TOKEN_ENDPOINT, what: "Totara's token endpoint" },
  { pattern: /\/totara\/webapi\//i, what: "Totara's web API" },
  { pattern: /\/api\/graphql\.php$/i, what: "Totara's external GraphQL endpoint" },
  { pattern: /\/lib\/ajax\//i, what: 'the Moodle/Totara AJAX service' },
];

// Error categories graphql-php does not use: Totara's own (its AJAX session checks and its complexity limit).
const TOTARA_CATEGORIES = new Set(['require_login', 'require_refresh', 'query_complexity']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function pathOf(url: string): string {
  return url.split(/[?#]/)[0] ?? '';
}

function byPath(url: string): ServerEvidence | undefined {
  const path = pathOf(url);
  const known = TOTARA_PATHS.find((entry) => entry.pattern.test(path));
  return known && { because: `the address is ${known.what} (${path.replace(/^[a-z]+:\/\/[^/]+/i, '')})` };
}

/** Totara's graphql.php adds a top-level "error" (the messages joined) beside "errors"; graphql-php alone does not. */
function byErrorShape(json: unknown): ServerEvidence | undefined {
  const bodies = Array.isArray(json) ? json : [json];
  for (const body of bodies) {
    if (!isRecord(body) || !Array.isArray(body.errors)) continue;
    if (typeof body.error === 'string')
      return { because: 'the answer has Totara\'s error shape (a top-level "error" beside "errors")' };
    for (const error of body.errors) {
      const category = isRecord(error) && isRecord(error.extensions) ? error.extensions.category : undefined;
      if (typeof category === 'string' && TOTARA_CATEGORIES.has(category))
        return { because: `an error has Totara's category "${category}"` };
    }
  }
  return undefined;
}

export function serverIsOf(urls: readonly string[], json: unknown, token: TokenInfo | undefined): ServerIs {
  for (const url of urls) {
    const evidence = byPath(url);
    if (evidence) return { totara: evidence };
  }
  const shape = byErrorShape(json);
  if (shape) return { totara: shape };
  const tokenPath = token?.tokenUrl ? pathOf(token.tokenUrl) : '';
  if (TOKEN_ENDPOINT.test(tokenPath))
    return { totara: { because: "the token came from Totara's token endpoint (/totara/oauth2/token.php)" } };
  return {};
}
