import { browserSessionFromCurl } from '../../../shared/curl';
import type { Collection } from '../../../shared/model/collection';
import { LanternError } from '../../../shared/model/result';
import { encodeBrowserSession } from './browser-session-secret';

type CredentialNeed = Collection['credentials'][number];

/**
 * What an import saves for a credential need the user filled in. A browser session is typed as a
 * pasted "Copy as cURL": its cookie and CSRF header become the secret, its site the fields.
 */
export function secretForNeed(
  need: CredentialNeed,
  typed: string,
): { fields: Record<string, string>; secret: string } {
  if (need.kind !== 'browserSession') return { fields: need.fields, secret: typed };
  const session = browserSessionFromCurl(typed, need.fields.csrfHeader);
  if (!session.ok) throw new LanternError('credential.invalid', session.error);
  return {
    fields: { siteUrl: session.siteUrl, csrfHeader: session.csrfHeader },
    secret: encodeBrowserSession({ cookie: session.cookie, csrfToken: session.csrfToken }),
  };
}
