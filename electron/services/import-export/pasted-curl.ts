import { browserSessionFromCurl, parseCurl } from '../../../shared/curl';
import { importCurl } from '../../../shared/importers';
import type { RequestDraft } from '../../../shared/model/request';
import { LanternError } from '../../../shared/model/result';
import type { AuthContext } from '../auth/apply-auth';
import { decodeBrowserSession, type BrowserSessionSecret } from '../auth/browser-session-secret';

/** The secret a pasted command carried for the credential the importer made of it. */
function pastedSecret(text: string, kind: string): string | undefined {
  const parsed = parseCurl(text);
  if (!parsed.ok) return undefined;
  const { request } = parsed;
  const header = request.headers.find((h) => h.name.trim().toLowerCase() === 'authorization')?.value ?? '';
  const [, scheme = '', rest = ''] = /^\s*(\S+)\s*(.*)$/s.exec(header) ?? [];
  if (kind === 'bearer' && scheme.toLowerCase() === 'bearer') return rest.trim();
  if (kind === 'basic') {
    if (request.auth) return request.auth.password;
    try {
      const decoded = atob(rest.trim());
      return decoded.slice(decoded.indexOf(':') + 1);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The cookie a stored browser session holds; undefined when it cannot be read. */
function storedSession(auth: AuthContext, id: string): BrowserSessionSecret | undefined {
  try {
    const credential = auth.credentials.get(id);
    return credential.kind === 'browserSession' ? decodeBrowserSession(credential.session) : undefined;
  } catch {
    return undefined;
  }
}

interface KeptSession {
  id: string;
  label: string;
  /** True when an existing credential for the site was given the new cookie and token. */
  refreshed: boolean;
  /** A credential for the same site that sends another CSRF header (left as it was). */
  besides?: { label: string; csrfHeader: string };
  /** Several sessions for the site (an admin and a learner login) and none held this cookie. */
  ambiguous?: string[];
  /** The pasted command had no sesskey, so the one already kept was left in place. */
  keptToken?: boolean;
}

const sameHeader = (a: string | undefined, b: string) => a?.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Keeps the cookie and sesskey of a pasted command as a browser-session credential. A pasted
 * command is how a session is renewed (a re-login always brings a new cookie), so a credential
 * for the same site and CSRF header is refreshed in place: every request using it sends the new
 * cookie. Only a site with none (or one with another CSRF header) gets a new credential.
 */
async function keepPastedSession(auth: AuthContext, text: string): Promise<KeptSession | undefined> {
  const session = browserSessionFromCurl(text);
  if (!session.ok) return undefined;
  const summaries = auth.credentials.summaries();
  const forSite = summaries.filter(
    (c) => c.kind === 'browserSession' && c.fields.siteUrl === session.siteUrl,
  );
  const matching = forSite.filter((c) => sameHeader(c.fields.csrfHeader, session.csrfHeader));
  // The one already holding this cookie; else the only one. With several (an admin and a learner
  // login) none is guessed at: overwriting the wrong one would send as another user.
  const existing =
    matching.find((c) => storedSession(auth, c.id)?.cookie === session.cookie) ??
    (matching.length === 1 ? matching[0] : undefined);
  // A paste without a sesskey (a plain page request) keeps the one already stored.
  const keptToken = existing && !session.csrfToken ? storedSession(auth, existing.id)?.csrfToken : undefined;
  const base = `Browser session for ${new URL(session.siteUrl).host}`;
  let label = existing?.label ?? base;
  for (let n = 2; !existing && summaries.some((c) => c.label === label); n += 1) label = `${base} (${n})`;
  const saved = await auth.credentials.saveBrowserSession({
    ...(existing ? { id: existing.id } : {}),
    label,
    siteUrl: session.siteUrl,
    csrfHeader: session.csrfHeader,
    cookie: session.cookie,
    csrfToken: session.csrfToken || keptToken || '',
  });
  const ambiguous = !existing && matching.length > 1 ? matching.map((c) => c.label) : undefined;
  const other = existing || ambiguous ? undefined : forSite[0];
  return {
    id: saved.id,
    label,
    refreshed: existing !== undefined,
    ...(other ? { besides: { label: other.label, csrfHeader: other.fields.csrfHeader ?? '' } } : {}),
    ...(ambiguous ? { ambiguous } : {}),
    ...(keptToken ? { keptToken: true } : {}),
  };
}

/** Whether a credential already holds exactly this pasted secret (and, for Basic, this username). */
function samePastedSecret(
  auth: AuthContext,
  id: string,
  kind: string,
  secret: string,
  fields: Record<string, string>,
): boolean {
  try {
    const credential = auth.credentials.get(id);
    if (credential.kind === 'bearer' && kind === 'bearer') return credential.token === secret;
    if (credential.kind === 'basic' && kind === 'basic')
      return (
        credential.password === secret && credential.username === (fields.username ?? credential.username)
      );
    return false;
  } catch {
    return false;
  }
}

/**
 * A cURL command pasted into the URL bar, as a draft. A token, password or browser session in it
 * becomes (or refreshes) a vault credential the draft names: it never stays in the request.
 */
export async function draftFromCurl(
  auth: AuthContext,
  text: string,
): Promise<{ draft: RequestDraft; name: string; notes: string[] }> {
  const result = importCurl(text);
  if (!result.ok) throw new LanternError('curl.unreadable', result.error);
  const { collection, skipped } = result.report;
  const request = collection.root.requests[0];
  if (!request) throw new LanternError('curl.unreadable', 'The cURL command holds no request.');
  let draft = request.draft;
  const notes = skipped.filter((line) => !/secret was left out|held a browser session/.test(line));
  const need = collection.credentials[0];
  if (need?.kind === 'browserSession' && draft.auth.type === 'browserSession') {
    const kept = await keepPastedSession(auth, text);
    if (kept) {
      draft = { ...draft, auth: { ...draft.auth, credentialId: kept.id } };
      notes.push(
        kept.refreshed
          ? `Refreshed the session kept in "${kept.label}": requests using it now send the new cookie. The cookie and sesskey stay in that credential, not in the request.`
          : `The cookie and sesskey in the command were kept as the credential "${kept.label}", not in the request. Lantern cannot renew a browser session: when it expires, paste a fresh "Copy as cURL".`,
      );
      if (kept.ambiguous)
        notes.push(
          `This site already has several browser sessions (${kept.ambiguous.map((l) => `"${l}"`).join(', ')}) and none holds this cookie, so none was overwritten: this one became a new credential. To renew one of them, paste the command into that credential (Auth tab → Edit).`,
        );
      if (kept.keptToken)
        notes.push(
          'The command has no sesskey, so the one already kept was left in place. If calls now fail with "Invalid sesskey", copy a request that carries the sesskey (an AJAX call).',
        );
      if (kept.besides)
        notes.push(
          `"${kept.besides.label}" holds a session for the same site sent with another CSRF header (${kept.besides.csrfHeader || 'none'}), so it was left as it was and this one became a new credential.`,
        );
    } else {
      draft = { ...draft, auth: { type: 'none' } };
      notes.push(
        'The command has a sesskey (CSRF) header but no cookie, so it holds no session: the header was left out. Copy a request the logged-in page made, with its cookies.',
      );
    }
  } else if (need && draft.auth.type !== 'none') {
    const secret = pastedSecret(text, need.kind);
    const host = URL.parse(draft.url)?.host ?? 'pasted command';
    const base = `Pasted ${need.kind === 'basic' ? 'login' : 'token'} for ${host}`;
    if (secret) {
      // The same token pasted again reuses its credential. A different one never replaces it: other
      // requests send that credential, and would silently start sending the new token.
      const same = auth.credentials
        .summaries()
        .filter((c) => c.kind === need.kind && (c.label === base || c.label.startsWith(`${base} (`)))
        .find((c) => samePastedSecret(auth, c.id, need.kind, secret, need.fields));
      const taken = new Set(auth.credentials.summaries().map((c) => c.label));
      let label = same?.label ?? base;
      for (let n = 2; !same && taken.has(label); n += 1) label = `${base} (${n})`;
      const saved =
        same ?? (await auth.credentials.save({ kind: need.kind, label, fields: need.fields, secret }));
      draft = { ...draft, auth: { ...draft.auth, credentialId: saved.id } };
      const what = need.kind === 'basic' ? 'password' : 'token';
      notes.push(
        same
          ? `The ${what} in the command is the one already kept as the credential "${label}": the request uses it.`
          : label === base
            ? `The ${what} in the command was kept as the credential "${label}", not in the request.`
            : `The ${what} in the command was kept as a new credential "${label}", not in the request. "${base}" already holds another ${what} and was left as it is, so the requests using it still send theirs.`,
      );
    } else {
      // Nothing could be read: the request names no credential rather than one that does not exist.
      draft = { ...draft, auth: { type: 'none' } };
      notes.push(
        need.kind === 'basic'
          ? 'The command\'s "Authorization: Basic" value is not valid base64 of "user:password", so no login was kept and the request sends no Authorization header. Check the command, or set the login in the Auth tab.'
          : "The command's Authorization header could not be read, so no token was kept and the request sends no Authorization header. Check the command, or set the token in the Auth tab.",
      );
    }
  }
  return { draft, name: request.name, notes };
}
