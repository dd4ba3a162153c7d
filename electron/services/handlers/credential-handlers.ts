import type { Handlers } from '../../../shared/contract';
import { browserSessionFromCurl } from '../../../shared/curl';
import { LanternError } from '../../../shared/model/result';
import type { VaultStatusView } from '../../../shared/model/vault';
import type { AuthContext } from '../auth/apply-auth';
import type { CredentialStore } from '../auth/credential-store';
import { summarizeToken } from '../auth/token-view';
import type { Vault } from '../vault/vault';

type CredentialHandlers = Pick<
  Handlers,
  | 'listCredentials'
  | 'saveCredential'
  | 'credentialFromCurl'
  | 'deleteCredential'
  | 'revealSecret'
  | 'vaultStatus'
  | 'retryVault'
  | 'resetVault'
  | 'listTokens'
  | 'newToken'
  | 'forgetToken'
  | 'revealToken'
>;

export interface VaultParts {
  vault: Vault;
  /** Why a stronger protection was not used. */
  notes: string[];
}

function statusOf({ vault, notes }: VaultParts, credentials: CredentialStore): VaultStatusView {
  const status = vault.status;
  return {
    ok: status.ok,
    protection: status.protection,
    description: status.description,
    file: status.file,
    problem: status.ok ? undefined : status.problem,
    notes,
    problems: credentials.problems(),
  };
}

/** Credentials, the vault and tokens: secrets leave the main side only through the two reveal calls. */
export function credentialHandlers(auth: AuthContext, vault: () => Promise<VaultParts>): CredentialHandlers {
  const token = (tokenId: string) => {
    const found = auth.tokens.list().find((t) => t.id === tokenId);
    if (!found)
      throw new LanternError(
        'token.unknown',
        'That token is no longer held (forgotten, or Lantern restarted). Get a new one.',
      );
    return found;
  };
  return {
    listCredentials: async () => auth.credentials.summaries(),
    saveCredential: (input) => auth.credentials.save(input),
    credentialFromCurl: async ({ id, label, text, csrfHeader }) => {
      const session = browserSessionFromCurl(text, csrfHeader);
      if (!session.ok)
        throw new LanternError('credential.invalid', `The session was not saved. ${session.error}`);
      const credential = await auth.credentials.saveBrowserSession({
        ...(id !== undefined ? { id } : {}),
        label: label.trim() || `Browser session for ${new URL(session.siteUrl).host}`,
        siteUrl: session.siteUrl,
        csrfHeader: session.csrfHeader,
        cookie: session.cookie,
        csrfToken: session.csrfToken,
      });
      return { credential, notes: session.notes };
    },
    deleteCredential: async ({ id }) => ({ deleted: await auth.credentials.remove(id) }),
    revealSecret: async ({ credentialId }) => ({ value: auth.credentials.reveal(credentialId) }),
    vaultStatus: async () => statusOf(await vault(), auth.credentials),
    retryVault: async () => {
      const parts = await vault();
      await parts.vault.retry();
      await auth.credentials.load();
      return statusOf(parts, auth.credentials);
    },
    resetVault: async () => {
      const parts = await vault();
      await parts.vault.resetVault();
      await auth.credentials.load();
      return statusOf(parts, auth.credentials);
    },
    listTokens: async () =>
      [...auth.tokens.list()]
        .sort((a, b) => b.issuedAt - a.issuedAt)
        .map((t) => summarizeToken(t, auth.credentials)),
    newToken: async ({ credentialId }) => {
      const credential = auth.credentials.get(credentialId);
      if (credential.kind !== 'oauth2') {
        throw new LanternError(
          'token.not-oauth',
          `"${credential.label}" is not an OAuth 2 client: it has no tokens to get.`,
        );
      }
      const { token: granted } = await auth.tokens.grant(credential);
      return summarizeToken(granted, auth.credentials);
    },
    forgetToken: async ({ tokenId }) => ({ forgotten: auth.tokens.forget(tokenId) }),
    revealToken: async ({ tokenId }) => ({ value: token(tokenId).accessToken }),
  };
}
