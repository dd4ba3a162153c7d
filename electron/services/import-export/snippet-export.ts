import { toSnippet, type SnippetSecret } from '../../../shared/export';
import type { CallParsedInput } from '../../../shared/contract';
import type { RequestAuth } from '../../../shared/model/auth';
import type { AuthContext } from '../auth/apply-auth';
import { decodeBrowserSession } from '../auth/browser-session-secret';

/** Only on the user's explicit request: the secret of the credential a draft uses, for a snippet. */
function snippetSecret(auth: AuthContext, credentialId: string): SnippetSecret | undefined {
  const credential = auth.credentials.get(credentialId);
  switch (credential.kind) {
    case 'bearer':
      return { kind: 'token', token: credential.token };
    case 'basic':
      return { kind: 'basic', username: credential.username, password: credential.password };
    case 'apiKey':
      return { kind: 'apiKey', value: credential.key };
    case 'oauth2': {
      const held = auth.tokens.list().find((t) => t.credentialId === credentialId);
      return held ? { kind: 'token', token: held.accessToken } : undefined;
    }
    case 'session':
      return undefined;
    case 'browserSession': {
      const { cookie, csrfToken } = decodeBrowserSession(credential.session, `"${credential.label}"`);
      return { kind: 'browserSession', cookie, csrfHeader: credential.csrfHeader, csrfToken };
    }
  }
}

/** A browser session's CSRF header and whether it has a token: what a snippet without secrets needs. */
function browserSessionShapes(
  auth: AuthContext,
  requestAuth: RequestAuth,
): Record<string, { csrfHeader: string; hasCsrfToken: boolean }> {
  if (requestAuth.type !== 'browserSession') return {};
  try {
    const credential = auth.credentials.get(requestAuth.credentialId);
    if (credential.kind !== 'browserSession') return {};
    const hasCsrfToken = decodeBrowserSession(credential.session).csrfToken !== '';
    return { [requestAuth.credentialId]: { csrfHeader: credential.csrfHeader, hasCsrfToken } };
  } catch {
    // A missing or damaged credential: the snippet keeps the default placeholders; sending says what is wrong.
    return {};
  }
}

/** A request as a cURL, fetch, Python or HTTPie snippet; secrets only when the user asked for them. */
export function exportSnippet(
  auth: AuthContext,
  { draft, language, includeSecrets }: Omit<CallParsedInput<'exportSnippet'>, 'savedRequestId'>,
) {
  const secrets: Record<string, SnippetSecret> = {};
  if (includeSecrets && draft.auth.type !== 'none') {
    const secret = snippetSecret(auth, draft.auth.credentialId);
    if (secret) secrets[draft.auth.credentialId] = secret;
  }
  return toSnippet(draft, language, {
    includeSecrets,
    secrets,
    browserSessions: browserSessionShapes(auth, draft.auth),
  });
}
